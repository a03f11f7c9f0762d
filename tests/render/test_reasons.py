"""Reasons a caseworker can trust: every comparison a reason states agrees with its own numbers
("X is over Y" only when X > Y), over the golden households and a seeded synthetic population —
3 000 households and more, each explained by the session's one sidecar (the explanation entrypoint),
every finding put into words in both languages as the screens put it.

The comparisons are read off the words a person reads, by patterns of this test (not by the code that
chooses the templates), so a template the policy chose wrongly is caught here whatever Python does."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from socialaid.engine import Engine
from socialaid.errors import SocialaidError
from socialaid.population import synth
from socialaid.words.texts import Texts
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
    # The batch entrypoint has no explanation view: the explanations are asked for one by one.
    for explanation in map(_explained(engine), _households()):
        if explanation is None:
            continue  # a golden refusal: no reasons to read
        households += 1
        for finding in explanation.get("findings") or []:
            for lang in ("zh", "en"):
                text = words.finding_text(finding, lang)  # type: ignore[arg-type]
                for phrase, holds in stated(text, lang):
                    checked += 1
                    if not holds:
                        wrong.setdefault(f"{finding['rule']} {finding['outcome']} {lang}", f"{phrase} — {text}")
    assert households >= 3_000
    assert checked >= 10_000, checked  # the reasons do state comparisons, and they were read
    assert not wrong, wrong
