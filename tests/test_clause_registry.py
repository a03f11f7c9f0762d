"""The clause registry is the plan verbatim, and every rule's quoted words stand in its clause."""

from __future__ import annotations

from pathlib import Path

import pytest

from socialaid.annotations import inspect
from socialaid.bundle import rule_registry, stage
from socialaid.registry import clause_registry
from tests.helpers import ROOT

PLAN = ROOT / "docs" / "plan" / "honghuagang-2021-49.txt"
SHARED_PLAN = ROOT.parent / "shared" / "policy" / "honghuagang-2021-49.txt"


def test_registry_has_clauses_one_to_ten_verbatim() -> None:
    plan = PLAN.read_text("utf-8")
    registry = clause_registry()
    assert sorted(int(k) for k in registry) == list(range(1, 11))
    for key, clause in registry.items():
        assert clause["number"] == int(key)
        assert clause["text"].startswith(f"{key}.{clause['title']['zh']}")
        assert clause["text"] in plan
        assert clause["title"]["en"]


@pytest.mark.skipif(not SHARED_PLAN.exists(), reason="no shared/ beside this checkout")
def test_vendored_plan_is_the_shared_plan() -> None:
    assert PLAN.read_bytes() == SHARED_PLAN.read_bytes()


@pytest.fixture(scope="module")
def staged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return stage(Path(tmp_path_factory.mktemp("stage")))


@pytest.fixture(scope="module")
def annotations(staged: Path) -> list:  # type: ignore[type-arg]
    return inspect(staged)


@pytest.fixture(scope="module")
def rules(staged: Path) -> dict[str, dict[str, object]]:
    return rule_registry(staged)


def _not_plan(rules: dict[str, dict[str, object]]) -> set[tuple[str, int]]:
    """(file, row) of the rules whose basis is national or reading: they quote no plan sentence."""
    return {(str(r["file"]), int(str(r["row"]))) for r in rules.values() if r.get("basis") in {"national", "reading"}}


def test_every_quote_is_an_exact_substring_of_its_clause(
    annotations: list,  # type: ignore[type-arg]
    rules: dict[str, dict[str, object]],
    staged: Path,
) -> None:
    registry = clause_registry()
    not_plan = _not_plan(rules)
    cited = [
        a
        for a in annotations
        if a.clause is not None and (str(Path(a.file).relative_to(staged)), a.row) not in not_plan
    ]
    assert cited, "no rule cites a clause"
    wrong = [
        f"{a.file}:{a.row} {a.path}: clause {a.clause} does not contain {a.quote!r}"
        for a in cited
        if not a.quote or a.quote not in registry[str(a.clause)]["text"]
    ]
    assert not wrong, "\n".join(wrong)


def test_national_and_reading_rules_name_their_source_and_quote_no_plan(rules: dict[str, dict[str, object]]) -> None:
    """basis national: a document and an article, no plan quote; basis reading: the READING.md provision."""
    wrong = []
    for rule_id, rule in rules.items():
        basis = rule.get("basis")
        national = rule.get("national")
        if basis == "national" and not (
            isinstance(national, dict) and national.get("document") and national.get("article") and "quote" not in rule
        ):
            wrong.append(f"{rule_id}: basis national needs national.document and national.article and no quote")
        if basis == "reading" and (not rule.get("reading") or "quote" in rule):
            wrong.append(f"{rule_id}: basis reading needs the READING.md provision and no quote")
        if basis == "plan" and not rule.get("quote"):
            wrong.append(f"{rule_id}: basis plan needs the plan's words")
    assert not wrong, "\n".join(wrong)


def test_every_rule_that_cites_has_a_title(annotations: list) -> None:  # type: ignore[type-arg]
    assert all(a.title for a in annotations if a.clause is not None)
