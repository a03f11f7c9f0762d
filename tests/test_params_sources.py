"""Every parameter value's source and confidence are recorded in both languages.

The English (``source``, ``confidence``) stays the text of record; ``source_zh`` and ``confidence_zh``
are what a person reads under ``--lang zh``. The Chinese holds no English words (web addresses, file
names and document numbers are not words), and keeps every address, document number, date and
percentage of the English as it is.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from socialaid.render.analysis import source_words
from socialaid.words.lang import foreign
from tests.helpers import ROOT

TABLES = sorted((ROOT / "policies" / "socialaid" / "parameters").glob("*/data.yaml"))


def _values() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in TABLES:
        for name, param in yaml.safe_load(Path(path).read_text("utf-8")).items():
            for v in param["values"]:
                out.append((f"{path.parent.name}.{name}@{v['effective_from']}", v))
    return out


VALUES = _values()
IDS = [name for name, _ in VALUES]

# what the Chinese must keep exactly as the English has it
_KEPT = [
    re.compile(r"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+(?:/[A-Za-z0-9_./-]*)?"),  # addresses, domains, file names
    re.compile(r"[\u4e00-\u9fff]+〔\d{4}〕\d+号"),  # document numbers
    re.compile(r"\d{4}-\d{2}(?:-\d{2})?"),  # dates and months
    re.compile(r"\d+(?:\.\d+)?%"),  # percentages
]


def test_there_are_values() -> None:
    assert len(VALUES) >= 60


@pytest.mark.parametrize(("name", "value"), VALUES, ids=IDS)
def test_every_value_has_its_source_and_confidence_in_both_languages(name: str, value: dict[str, Any]) -> None:
    for key in ("source", "source_zh", "confidence", "confidence_zh"):
        assert isinstance(value.get(key), str), f"{name}: no {key}"
        assert value[key].strip(), f"{name}: empty {key}"


@pytest.mark.parametrize(("name", "value"), VALUES, ids=IDS)
def test_the_chinese_holds_no_english_words(name: str, value: dict[str, Any]) -> None:
    for key in ("source_zh", "confidence_zh"):
        text = value[key]
        assert not foreign(text, "zh"), f"{name}: English words in {key}: {text}"
        assert not re.search(r"[A-Za-z]+ [A-Za-z]+", text), f"{name}: a run of English words in {key}: {text}"
        assert re.search(r"[\u4e00-\u9fff]", text), f"{name}: {key} is not Chinese: {text}"


@pytest.mark.parametrize(("name", "value"), VALUES, ids=IDS)
def test_the_chinese_keeps_addresses_document_numbers_dates_and_figures(name: str, value: dict[str, Any]) -> None:
    english, chinese = value["source"], value["source_zh"]
    for pattern in _KEPT:
        for kept in pattern.findall(english):
            if re.fullmatch(r"\d+(?:\.\d+)?", kept):
                continue  # a plain figure such as 1.3 inside a quoted Chinese phrase
            assert kept in chinese, f"{name}: {kept!r} of the English source is not in source_zh: {chinese}"


@pytest.mark.parametrize(("name", "value"), VALUES, ids=IDS)
def test_each_language_shows_its_own_source(name: str, value: dict[str, Any]) -> None:
    zh = source_words(value["source"], "zh", value["source_zh"])
    assert zh == value["source_zh"].strip()
    assert "仅有英文记载" not in zh
    assert "仅有英文记载" not in source_words(value["source"], "en", value["source_zh"])


def test_a_source_with_no_chinese_falls_back_to_the_placeholder() -> None:
    assert source_words("Local choice of the project", "zh") == "仅有英文记载（--lang en）"
    assert source_words("Local choice of the project", "zh", "") == "仅有英文记载（--lang en）"
    assert source_words("Local choice of the project", "en", "本地选定") == "Local choice of the project"
