"""One language at a time (issue 18): the bundle's words in the chosen language only — the glossary that
puts the Chinese terms of English texts into English, Chinese articles as "Article N", the stray spaces
YAML's line breaks leave in Chinese, the test for words of the other language — and the words of the
parameter groups and units.
"""

from __future__ import annotations

import re

from socialaid.words.messages import Lang

__all__ = [
    "GLOSSARY_EN",
    "GROUPS",
    "UNITS",
    "foreign",
    "group_word",
    "in_lang",
    "unit_word",
    "zh_joined",
    "zh_spaced",
]


# Terms the bundle's English words borrow from Chinese, in English (longest first). Under en a person reads
# English only; the Chinese term stays in the Chinese words and in JSON.
GLOSSARY_EN: list[tuple[str, str]] = [
    ("特困人员认定办法（民发〔2021〕43号）", "Measures for Identifying Extremely Poor Persons (Minfa [2021] No. 43)"),
    (
        "全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定（2024年）",
        "Decision of the NPC Standing Committee on the Gradual Raising of the Statutory Retirement Age (2024)",
    ),
    (
        "国务院关于渐进式延迟法定退休年龄的办法",
        "State Council Measures on the Gradual Raising of the Statutory Retirement Age",
    ),
    (
        "关于进一步健全社会救助和保障标准与物价上涨挂钩联动机制的通知（发改价格规〔2021〕1553号）",
        "Notice on Linking Social Assistance and Security Standards to Price Rises (Fagaijiagegui [2021] No. 1553)",
    ),
    ("发改价格规〔2021〕1553号", "Fagaijiagegui [2021] No. 1553"),
    ("中华人民共和国劳动法", "Labour Law of the People's Republic of China"),
    ("（未成年人年龄按方案第6条为未满18周岁）", " (a minor is under 18, by clause 6 of the plan)"),
    ("第二十一、二十二条", "Articles 21 and 22"),
    ("启动条件", "its trigger conditions"),
    ("遵红府办发〔2021〕49号", "the plan (Zunhongfubanfa [2021] No. 49)"),
    ("民发〔2021〕43号", "Minfa [2021] No. 43"),
    ("43号", "Minfa [2021] No. 43"),
    ("民发〔2021〕57号", "Minfa [2021] No. 57"),
    ("57号", "Minfa [2021] No. 57"),
    ("社会救助暂行办法", "Interim Measures for Social Assistance"),
    ("第十五条第三款", "Article 15, paragraph 3"),
    ("特困供养人员", "persons supported as tekun"),
    ("低收入人口", "low-income people"),
    ("保障对象", "covered persons"),
    ("脱贫不稳定", "not yet stably lifted out of poverty"),
    ("边缘易致贫", "at risk of falling into poverty"),
    ("发改价格〔2021〕1553号", "Fagaijiage [2021] No. 1553"),
    (" (缓退)", ""),
    ("低保/特困", "dibao/tekun"),
    ("脱贫人口", "people lifted out of poverty"),
    ("脱贫", "lifted out of poverty"),
    ("低保", "dibao"),
    ("特困", "tekun"),
    ("、", ", "),
]

# Units of the parameter tables, in words.
UNITS: dict[str, dict[str, str]] = {
    "CNY per month": {"zh": "元/月", "en": "CNY per month"},
    "CNY per year": {"zh": "元/年", "en": "CNY per year"},
    "CNY": {"zh": "元", "en": "CNY"},
    "years": {"zh": "年", "en": "years"},
    "months": {"zh": "个月", "en": "months"},
    "ratio": {"zh": "比例", "en": "ratio"},
    "grade": {"zh": "级", "en": "grade"},
    "grade by disability type": {"zh": "级（按残疾类别）", "en": "grade by disability type"},
    "activities": {"zh": "项", "en": "activities"},
    "birth month": {"zh": "（出生年月）", "en": "birth month"},
}

# Chinese characters, and the full-width punctuation written with them: one definition for both tests below.
_HAN = r"\u2e80-\u9fff\uf900-\ufaff"
_FULL_WIDTH = r"\u3000-\u303f\uff00-\uffef"
_CJK = re.compile(rf"[{_HAN}{_FULL_WIDTH}]")
_ENGLISH = re.compile(r"(?<![\w./@-])[A-Za-z]{3,}(?![\w./@-])")
_ZH_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ARTICLE = re.compile(r"第([一二三四五六七八九十]+)条")


def _zh_number(text: str) -> int:
    if "十" not in text:
        return _ZH_DIGITS.get(text, 0)
    tens, _, units = text.partition("十")
    return (_ZH_DIGITS.get(tens, 1) if tens else 1) * 10 + (_ZH_DIGITS.get(units, 0) if units else 0)


def in_lang(text: str, lang: Lang) -> str:
    """Words of the bundle (rule titles, messages, names) in ``lang`` only: under en the Chinese terms of
    the glossary in English and articles (第六条) as Article 6; under zh as they are."""
    if lang == "zh" or not _CJK.search(text):
        return text
    for term, english in GLOSSARY_EN:
        text = text.replace(term, english)
    return _ARTICLE.sub(lambda m: f"Article {_zh_number(m.group(1))}", text)


# A space YAML's folded scalars (``>-``) put where a Chinese text was broken across lines: between two
# Chinese characters, or beside full-width punctuation. Chinese is written without spaces between words.
_ZH_SPACE = re.compile(
    rf"(?<=[{_HAN}{_FULL_WIDTH}]) +(?=[{_HAN}{_FULL_WIDTH}])"
    rf"|(?<=[{_FULL_WIDTH}]) +| +(?=[{_FULL_WIDTH}])"
)


def zh_joined(text: str) -> str:
    """A Chinese text without the spaces a line break left in it (``残疾， 也不属`` → ``残疾，也不属``);
    spaces between Latin letters, digits, slots and symbols (``{standard} × {rate}``) stay."""
    return _ZH_SPACE.sub("", text)


def zh_spaced(text: str) -> list[str]:
    """The stray spaces :func:`zh_joined` removes, each with a character either side (for tests)."""
    return [text[max(0, m.start() - 1) : m.end() + 1] for m in _ZH_SPACE.finditer(text)]


def foreign(text: str, lang: Lang) -> bool:
    """Whether ``text`` holds words of the other language: Chinese characters under en, English words
    (three letters or more, not part of an id, a path or an address) under zh."""
    return bool(_CJK.search(text)) if lang == "en" else bool(_ENGLISH.search(text))


# The parameter groups (``--group``), in words.
GROUPS: dict[str, dict[str, str]] = {
    "dibao": {"zh": "最低生活保障", "en": "Minimum living guarantee"},
    "education": {"zh": "教育救助", "en": "Education assistance"},
    "employment": {"zh": "就业救助", "en": "Employment assistance"},
    "medical": {"zh": "医疗救助", "en": "Medical assistance"},
    "status": {"zh": "救助对象身份认定", "en": "Recipient status"},
    "tekun": {"zh": "特困人员救助供养", "en": "Support for extremely poor persons"},
    "wages": {"zh": "工资标准", "en": "Wage standards"},
}


def group_word(group: str, lang: Lang) -> str:
    entry = GROUPS.get(group)
    return entry[lang] if entry else group


def unit_word(unit: str, lang: Lang) -> str:
    entry = UNITS.get(unit)
    return entry[lang] if entry else unit
