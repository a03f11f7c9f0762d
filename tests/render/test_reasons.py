"""Reasons a caseworker can trust: every comparison a reason states agrees with its own numbers
("X is over Y" only when X > Y), over the golden households and a seeded synthetic population —
3 000 households and more, each explained by the session's one sidecar (the explanation entrypoint),
every finding put into words in both languages as the screens put it, each in its one language.

The comparisons are read off the sentence the policy chose, filled by this test without the words'
safety net (which shows a rule's title instead of a sentence its own numbers contradict), by patterns
of this test (not by the code that chooses the templates): a template the policy chose wrongly is caught
here whatever Python does, and a sentence the safety net had to hide fails too."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from socialaid.engine import Engine
from socialaid.errors import SocialaidError
from socialaid.population import synth
from socialaid.words.lang import foreign, in_lang
from socialaid.words.texts import Texts, format_value
from tests.helpers import ROOT

NUMBER = r"(\d+(?:\.\d+)?)"
# (pattern, holds(x, y)) — order matters: "不低于" before "低于", "is not below" before "is below"
ZH = [
    (re.compile(NUMBER + r"元?[^\d，。；：]{0,12}?不低于[^\d，。；]{0,12}?" + NUMBER), lambda x, y: x >= y),
    (re.compile(NUMBER + r"元?[^\d，。；：]{0,12}?(?<![不未])低于[^\d，。；]{0,12}?" + NUMBER), lambda x, y: x < y),
    (
        re.compile(NUMBER + r"元?[^\d，。；：]{0,12}?(?:不|未)(?:超过|高于)[^\d，。；]{0,12}?" + NUMBER),
        lambda x, y: x <= y,
    ),
    (
        re.compile(NUMBER + r"元?[^\d，。；：]{0,12}?(?<![不未])(?:超过|高于)[^\d，。；]{0,12}?" + NUMBER),
        lambda x, y: x > y,
    ),
]
EN = [
    (re.compile(NUMBER + r",?\s+is not below\b[^\d;]{0,30}?" + NUMBER), lambda x, y: x >= y),
    (re.compile(NUMBER + r",?\s+(?:is\s+)?(?:below|under)\b[^\d;]{0,30}?" + NUMBER), lambda x, y: x < y),
    (re.compile(NUMBER + r",?\s+is (?:over|above)\b[^\d;]{0,30}?" + NUMBER), lambda x, y: x > y),
]
SYNTHETIC = 2_950  # with the golden households, more than 3 000


def stated(text: str, lang: str) -> list[tuple[str, bool]]:
    """Each comparison ``text`` states between two numbers, and whether the numbers bear it out."""
    found = []
    for pattern, holds in ZH if lang == "zh" else EN:
        for m in pattern.finditer(text):
            found.append((m.group(0), bool(holds(float(m.group(1)), float(m.group(2))))))
    return found


def test_the_patterns_catch_the_reason_that_was_wrong() -> None:
    # urban-family-just-above-standard: per capita (1000 + 620) / 2 = 810 ≤ 1212 = 808 × 1.5, so
    # "810 is over 1212" is false — what the route's not_met template said of that household.
    assert stated("人均收入810元超过低收入线1212元，且无脱贫不稳定、边缘易致贫成员", "zh") == [
        ("810元超过低收入线1212", False)
    ]
    assert stated("per-capita income 810 is over the low-income line 1212; no edge member", "en") == [
        ("810 is over the low-income line 1212", False)
    ]
    assert stated("家庭人均收入810元不低于低保标准808元", "zh") == [("810元不低于低保标准808", True)]
    assert stated("own monthly income 620 is below the dibao standard 808", "en") == [
        ("620 is below the dibao standard 808", True)
    ]


def _households() -> Iterator[dict[str, Any]]:
    for path in sorted((ROOT / "tests" / "golden").rglob("*.json")):
        yield json.loads(path.read_text("utf-8"))["request"]
    yield from synth.households(SYNTHETIC, seed=18)


def _explained(engine: Engine) -> Callable[[dict[str, Any]], dict[str, Any] | None]:
    def one(request: dict[str, Any]) -> dict[str, Any] | None:
        try:
            return engine.explain(request).doc()
        except SocialaidError:
            return None

    return one


@pytest.mark.integration
def test_every_stated_comparison_agrees_with_its_own_values(engine: Engine) -> None:
    words: Texts = engine.words()
    households = checked = 0
    wrong: dict[str, str] = {}
    hidden: dict[str, str] = {}
    other: dict[str, str] = {}  # words of the other language: a code left as it is, a term not in the glossary
    route: set[tuple[str, Any]] = set()
    # The batch entrypoint has no explanation view: the explanations are asked for one by one.
    for explanation in map(_explained(engine), _households()):
        if explanation is None:
            continue  # a golden refusal: no reasons to read
        households += 1
        for finding in explanation.get("findings") or []:
            if finding["rule"] == "dibao.route_household_group":
                route.add((finding["outcome"], (finding.get("values") or {}).get("decided_by")))
            for lang in ("zh", "en"):
                text = words.finding_text(finding, lang)  # type: ignore[arg-type]
                for said in (text, words.basis_text(finding, lang), words.rule_label(finding, lang)):  # type: ignore[arg-type]
                    if foreign(said.replace("max(", "("), lang):  # type: ignore[arg-type]
                        other.setdefault(f"{finding['rule']} {finding['outcome']} {lang}", said)
                raw = _filled(words, finding, lang)
                if raw is not None and words.template(finding, lang) is None:  # type: ignore[arg-type]
                    # the words' safety net hid the sentence the policy chose: the policy chose wrongly
                    hidden.setdefault(f"{finding['rule']} {finding['outcome']} {lang}", raw)
                for phrase, holds in stated(raw if raw is not None else text, lang):
                    checked += 1
                    if not holds:
                        wrong.setdefault(f"{finding['rule']} {finding['outcome']} {lang}", f"{phrase} — {text}")
    assert households >= 3_000
    assert checked >= 10_000, checked  # the reasons do state comparisons, and they were read
    assert not wrong, wrong
    assert not hidden, hidden
    assert not other, other
    # the route's household group, where "810 is over 1212" was said, is read in each of its conditions
    assert route >= {("not_met", "income"), ("not_met", "low_income_assets")}, route


def _filled(words: Texts, finding: dict[str, Any], lang: str) -> str | None:
    """The template the finding chose (``message["<outcome>.<decided_by>"]``, else ``message[outcome]``)
    filled with its values, without the words' safety net; None when the rule has no template for it."""
    messages = (words.rules.get(finding["rule"]) or {}).get("message") or {}
    values = finding.get("values") or {}
    chosen = messages.get(f"{finding['outcome']}.{values.get('decided_by')}") or messages.get(finding["outcome"])
    template = (chosen or {}).get(lang)
    if not template:
        return None
    missing = [slot for slot in re.findall(r"\{(\w+)\}", template) if slot not in values]
    assert not missing, f"{finding['rule']} {finding['outcome']} {lang}: slots not filled {missing}"
    filled = re.sub(r"\{(\w+)\}", lambda m: format_value(words.words_for(values[m.group(1)], lang), lang), template)
    return in_lang(filled, lang)  # type: ignore[arg-type]
