"""Every citation says only what the plan says.

The plan is split into clauses 1–10 straight from its text (docs/plan/, the same bytes as shared/). For
every rule that carries a stable id (``data.socialaid.rules``, built from METADATA at bundle stage):
a ``plan`` basis quotes words that stand inside the clause it cites; a ``national`` basis names a
document and an article (2021 numbering) and quotes no plan sentence; a ``reading`` basis points to a
provision of READING.md and quotes nothing. Every rule id a decision or explanation names exists.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from socialaid.paths import opa_binary
from socialaid.server.bundle import stage
from socialaid.words.registry import clause_registry
from tests.helpers import ROOT

PLAN = ROOT / "docs" / "plan" / "honghuagang-2021-49.txt"
# shared/ beside the checkout (main) or beside the worktrees' parent (a git worktree under wt/).
SHARED = next(
    (d for d in (ROOT.parent / "shared" / "policy", ROOT.parent.parent / "shared" / "policy") if d.exists()),
    ROOT.parent / "shared" / "policy",
)
READING = SHARED / "READING.md"
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百零、]+条")
_RULES_WITH_ARTICLES = re.compile(r"(办法|条例|规定|法)》?$")


def plan_clauses(text: str) -> dict[int, str]:
    """Clauses 1–10 of the plan: each from its "N." at the start of a line up to the next clause or section."""
    starts = [(int(m.group(1)), m.start()) for m in re.finditer(r"(?m)^(\d{1,2})\.", text)]
    clauses: dict[int, str] = {}
    for i, (number, start) in enumerate(starts):
        end = starts[i + 1][1] if i + 1 < len(starts) else len(text)
        body = text[start:end]
        section = re.search(r"(?m)^[一二三四五六七八九十]+、", body)
        clauses[number] = body[: section.start()] if section else body
    return clauses


@pytest.fixture(scope="module")
def staged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stage(Path(tmp_path_factory.mktemp("stage")))


@pytest.fixture(scope="module")
def rules(staged: Path) -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = json.loads((staged / "socialaid" / "rules" / "data.json").read_text("utf-8"))
    return data


def test_the_plan_splits_into_clauses_one_to_ten() -> None:
    clauses = plan_clauses(PLAN.read_text("utf-8"))
    assert sorted(clauses) == list(range(1, 11))
    registry = clause_registry()
    for number, text in clauses.items():
        assert text.startswith(f"{number}.{registry[str(number)]['title']['zh']}")
        assert registry[str(number)]["text"] in text


@pytest.mark.skipif(not (SHARED / "honghuagang-2021-49.txt").exists(), reason="no shared/ beside this checkout")
def test_vendored_plan_is_the_shared_plan() -> None:
    assert PLAN.read_bytes() == (SHARED / "honghuagang-2021-49.txt").read_bytes()


def test_rules_have_ids_titles_in_both_languages_and_a_basis(rules: dict[str, dict[str, Any]]) -> None:
    assert len(rules) >= 40, "the rule registry is nearly empty: do the rules carry custom.id?"
    wrong = [
        f"{rid} ({r['file']}:{r['row']}): {problem}"
        for rid, r in rules.items()
        for problem in (
            "no clause" if not isinstance(r.get("clause"), int) or not 1 <= r["clause"] <= 10 else "",
            "no English title" if not r["title"]["en"] else "",
            "no title_zh" if not r["title"]["zh"] else "",
            f"basis {r.get('basis')!r}" if r.get("basis") not in {"plan", "national", "reading"} else "",
        )
        if problem
    ]
    assert not wrong, "\n".join(wrong)


def test_every_plan_quote_stands_inside_the_clause_it_cites(rules: dict[str, dict[str, Any]]) -> None:
    clauses = plan_clauses(PLAN.read_text("utf-8"))
    wrong = [
        f"{rid} ({r['file']}:{r['row']}): clause {r['clause']} does not contain {r.get('quote')!r}"
        for rid, r in rules.items()
        if r.get("basis") == "plan" and (not r.get("quote") or r["quote"] not in clauses.get(r["clause"], ""))
    ]
    assert not wrong, "\n".join(wrong)


def test_national_findings_name_an_article_and_quote_no_plan_sentence(rules: dict[str, dict[str, Any]]) -> None:
    wrong = []
    for rid, r in rules.items():
        if r.get("basis") != "national":
            continue
        national = r.get("national") or {}
        document, article = str(national.get("document", "")), str(national.get("article", ""))
        # Rules (办法, 条例, 规定) are cited by article; an opinion or notice (意见, 通知) has numbered
        # sections instead, cited by the section's heading.
        by_article = bool(_RULES_WITH_ARTICLES.search(document.split("（")[0]))
        if not document or not article or (by_article and not _ARTICLE.match(article)):
            wrong.append(f"{rid}: national basis needs document and article (第…条), has {national!r}")
        if r.get("quote"):
            wrong.append(f"{rid}: a national finding quotes no plan sentence, has {r['quote']!r}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.skipif(not READING.exists(), reason="no shared/ beside this checkout")
def test_reading_findings_point_to_a_provision_of_reading_md(rules: dict[str, dict[str, Any]]) -> None:
    # "## Clause 5 — 低保" is cited as "Clause 5 …"; "## Who counts as a low-income family (clauses …)" by
    # its words before the parenthesis.
    text = READING.read_text("utf-8")
    headings = set(re.findall(r"(?m)^## (Clause \d+)", text))
    headings |= {h.strip() for h in re.findall(r"(?m)^## ([^(\n]+?)\s*(?:\(|$)", text) if not h.startswith("Clause")}
    wrong = []
    for rid, r in rules.items():
        if r.get("basis") != "reading":
            continue
        reading = str(r.get("reading", ""))
        if not any(reading.startswith(h) for h in headings):
            wrong.append(f"{rid}: reading {reading!r} names no provision (heading) of READING.md")
        if r.get("quote"):
            wrong.append(f"{rid}: a reading quotes no plan sentence, has {r['quote']!r}")
    assert not wrong, "\n".join(wrong)


def test_every_reading_has_its_chinese_words(rules: dict[str, dict[str, Any]]) -> None:
    # READING.md is written in English; under zh a person reads the reading in Chinese (reading_zh), for
    # the same provision: "Clause 5 — …" is "第5条——…", the low-income-family section "低收入家庭的认定——…".
    from socialaid.words.lang import foreign

    wrong = []
    for rid, r in rules.items():
        if r.get("basis") != "reading":
            continue
        zh, en = str(r.get("reading_zh", "")), str(r.get("reading", ""))
        clause = re.match(r"Clause (\d+) — ", en)
        if not zh or foreign(zh, "zh"):
            wrong.append(f"{rid}: reading_zh {zh!r} is not the reading in Chinese")
        elif clause and not zh.startswith(f"第{clause.group(1)}条——"):
            wrong.append(f"{rid}: reading_zh {zh!r} does not name clause {clause.group(1)} as {en!r} does")
        elif not clause and not zh.startswith("低收入家庭的认定——"):
            wrong.append(f"{rid}: reading_zh {zh!r} names another provision than {en!r}")
    assert not wrong, "\n".join(wrong)


def _zh_texts(rules: dict[str, dict[str, Any]]) -> Any:
    for rid, r in rules.items():
        yield f"{rid} title", str((r.get("title") or {}).get("zh", ""))
        for key in ("quote", "reading_zh"):
            if r.get(key):
                yield f"{rid} {key}", str(r[key])
        for outcome, texts in (r.get("message") or {}).items():
            yield f"{rid} message {outcome}", str((texts or {}).get("zh", ""))


def test_chinese_words_have_no_space_where_a_line_was_folded(rules: dict[str, dict[str, Any]]) -> None:
    # YAML's ">-" joins folded lines with a space: "无相应等级的残疾， 也不属在校延续供养" is how tekun's
    # message read. No Chinese text of a rule has a space between two Chinese characters, or beside
    # full-width punctuation; spaces around slots and symbols ("{standard} × {rate}") are not touched.
    from socialaid.words.lang import GROUPS, UNITS, zh_spaced
    from socialaid.words.messages import MESSAGES, VALUE_CODES

    texts = dict(_zh_texts(rules))
    texts |= {f"message {k}": v["zh"] for k, v in MESSAGES.items()}
    texts |= {f"{kind} {k}": v["zh"] for kind, table in (("group", GROUPS), ("unit", UNITS)) for k, v in table.items()}
    texts |= {f"code {k}": v["zh"] for k, v in VALUE_CODES.items()}
    assert len(texts) > 300
    spaced = {name: zh_spaced(text) for name, text in texts.items() if zh_spaced(text)}
    assert not spaced, spaced
    # what the rule says in its METADATA does have them: the bundle's registry is where they go
    tekun = (ROOT / "policies" / "socialaid" / "tekun" / "tekun.rego").read_text("utf-8")
    assert "无相应等级的残疾，\n#         也不属在校延续供养" in tekun
    assert "无相应等级的残疾，也不属在校延续供养" in rules["tekun.no_work_capacity"]["message"]["not_met"]["zh"]


def test_only_stray_spaces_are_removed() -> None:
    from socialaid.words.lang import zh_joined

    assert zh_joined("残疾， 也不属") == "残疾，也不属"
    assert zh_joined("的 劳动年龄") == "的劳动年龄"
    assert zh_joined("{x}元 （43号") == "{x}元（43号"
    assert zh_joined("{standard} × {rate} = {supplement}元/月") == "{standard} × {rate} = {supplement}元/月"
    assert zh_joined("核算收入 = max(0, {a} − {b})") == "核算收入 = max(0, {a} − {b})"


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_rule_an_explanation_names_is_in_the_registry(
    example: Path, staged: Path, rules: dict[str, dict[str, Any]]
) -> None:
    cmd = [str(opa_binary()), "eval", "-f", "json", "--ignore", "*_test.rego", "-b", str(staged), "-i", str(example)]
    proc = subprocess.run(
        [*cmd, "data.socialaid.explanation"],
        capture_output=True,
        text=True,
        check=True,
    )
    explanation = json.loads(proc.stdout)["result"][0]["expressions"][0]["value"]
    named = {f["rule"] for f in explanation["findings"]}
    named |= {r["rule"] for p in explanation["programs"].values() for r in p["rules"]}
    named |= {m["rule"] for m in explanation["missing_facts"]}
    assert named, "the explanation names no rule"
    assert not sorted(named - set(rules)), "rule ids missing from the registry"


SOURCES = ROOT / "docs" / "sources.md"
_ARTICLES = re.compile(r"第([一二三四五六七八九十百零、]+)条(第[一二三四五六七八九十]+款)?")


def cited_articles(article: str) -> list[str]:
    """The articles an ``article`` label names: "第二十一、二十二条" → 第二十一条, 第二十二条; "第五条、第二十四条（…）"
    → 第五条, 第二十四条; "第十五条第三款" stays whole; a label with no 第…条 (a notice's section) is itself."""
    found = [
        f"第{number}条{paragraph}"
        for numbers, paragraph in _ARTICLES.findall(article)
        for number in numbers.split("、")
        if number
    ]
    return found or [article.strip()]


def source_sections(text: str) -> dict[str, list[str]]:
    """docs/sources.md as {document heading: [article headings]}."""
    sections: dict[str, list[str]] = {}
    current = ""
    for line in text.splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
            sections[current] = []
        elif line.startswith("### ") and current:
            sections[current].append(line[4:].strip())
    return sections


def _listed(document: str, article: str, sections: dict[str, list[str]]) -> bool:
    """The document has a section of docs/sources.md (same title, or the same 〔year〕number) that lists
    the article (a heading that is the article, or ends with it)."""
    title = document.split("（")[0]
    number = re.search(r"〔\d{4}〕\d+号", document)
    for heading, articles in sections.items():
        if heading.split("（")[0] == title or (number and number.group(0) in heading):
            return any(a == article or a.endswith(f" {article}") for a in articles)
    return False


def test_cited_articles_reads_every_label_shape() -> None:
    assert cited_articles("第二十一、二十二条") == ["第二十一条", "第二十二条"]
    assert cited_articles("第五条、第二十四条（未成年人年龄按方案第6条为未满18周岁）") == ["第五条", "第二十四条"]
    assert cited_articles("第十五条第三款") == ["第十五条第三款"]
    assert cited_articles("启动条件") == ["启动条件"]
    sections = source_sections("## 某办法（民发〔2021〕1号）\n### 第一条\n## 另一通知\n### 启动条件\n")
    assert _listed("某办法（民发〔2021〕1号）", "第一条", sections)
    assert not _listed("某办法（民发〔2021〕1号）", "第二条", sections)
    assert not _listed("别的办法", "第一条", sections)


def test_every_national_article_cited_is_listed_in_sources(rules: dict[str, dict[str, Any]]) -> None:
    sections = source_sections(SOURCES.read_text("utf-8"))
    wrong = []
    for rid, r in rules.items():
        if r.get("basis") != "national":
            continue
        national = r.get("national") or {}
        document = str(national.get("document", ""))
        label = str(national.get("article", ""))
        # "<measures> 第二条": an article of a document the cited one adopts; listed under it by that name
        prefix, _, tail = label.rpartition(" ")
        for article in cited_articles(tail if prefix else label):
            shown = f"{prefix} {article}" if prefix else article
            if not _listed(document, shown, sections):
                wrong.append(f"{rid}: {document} {shown} is not listed in docs/sources.md")
    assert not wrong, "\n".join(wrong)
