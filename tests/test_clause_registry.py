"""The clause registry is the plan verbatim, and every rule's quoted words stand in its clause."""

from __future__ import annotations

from pathlib import Path

import pytest

from socialaid.annotations import inspect
from socialaid.bundle import stage
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
def annotations(tmp_path_factory: pytest.TempPathFactory) -> list:  # type: ignore[type-arg]
    return inspect(stage(Path(tmp_path_factory.mktemp("stage"))))


def test_every_quote_is_an_exact_substring_of_its_clause(annotations: list) -> None:  # type: ignore[type-arg]
    registry = clause_registry()
    cited = [a for a in annotations if a.clause is not None]
    assert cited, "no rule cites a clause"
    wrong = [
        f"{a.file}:{a.row} {a.path}: clause {a.clause} does not contain {a.quote!r}"
        for a in cited
        if not a.quote or a.quote not in registry[str(a.clause)]["text"]
    ]
    assert not wrong, "\n".join(wrong)


def test_every_rule_that_cites_has_a_title(annotations: list) -> None:  # type: ignore[type-arg]
    assert all(a.title for a in annotations if a.clause is not None)
