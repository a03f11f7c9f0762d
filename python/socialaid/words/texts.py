"""The words about rules, programs and clauses, read once per process from the built bundle.

The decision names things by id (``dibao``, ``dibao.income_test``, clause ``5``, aid code
``medical_bills``); the bundle's data says what they are called:

- ``data.socialaid.rules[id]`` — each rule's METADATA: ``title {en, zh}``, ``clause``, ``basis``
  (``plan`` with ``quote``, ``national`` with ``{document, article}``, ``reading`` with the READING.md
  provision) and ``message`` templates (``{met|not_met|info: {zh, en}}`` with ``{value}`` slots);
- ``data.socialaid.catalog`` — program names, tiers, names of aid in kind (``aid``);
- ``data.socialaid.plan`` — clause headings and texts; ``data.socialaid.parameters`` — labels.

Everything here is a pure lookup on that data.
"""

from __future__ import annotations

import json
import re
import tarfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from socialaid.errors import BundleError
from socialaid.words.messages import Lang, code_word, msg, outcome_word

__all__ = ["Texts", "format_value", "load_texts", "texts"]

_SLOT = re.compile(r"\{(\w+)\}")


def format_value(value: Any, lang: Lang | None = None) -> str:
    """A value as a person reads it: numbers with a fractional part to two decimals, lists joined,
    booleans as yes / no in ``lang`` (``true`` / ``false`` without one)."""
    if isinstance(value, bool):
        return msg("yes" if value else "no", lang) if lang else ("true" if value else "false")
    if isinstance(value, float):
        return f"{value:.2f}" if value != int(value) else str(int(value))
    if isinstance(value, list):
        return ", ".join(format_value(v, lang) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={format_value(v, lang)}" for k, v in value.items())
    return str(value)


def _bundle_data(bundle: Path) -> dict[str, Any]:
    """The bundle's data tree: ``opa build`` merges every data file into one ``/data.json``."""
    try:
        with tarfile.open(bundle, "r:gz") as tar:
            data: dict[str, Any] = {}
            for member in tar.getmembers():
                name = member.name.lstrip("/")
                if not name.endswith("data.json"):
                    continue
                handle = tar.extractfile(member)
                if handle is None:
                    continue
                doc = json.loads(handle.read().decode("utf-8"))
                node = data
                for part in name.split("/")[:-1]:
                    node = node.setdefault(part, {})
                node.update(doc)
            return data
    except (OSError, tarfile.TarError, ValueError) as exc:
        raise BundleError(f"cannot read the bundle {bundle}: {exc}") from exc


@dataclass(frozen=True)
class Texts:
    rules: dict[str, dict[str, Any]]
    catalog: dict[str, Any]
    plan: dict[str, Any]
    parameters: dict[str, Any]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Texts:
        root = data.get("socialaid") or {}
        return cls(
            rules=dict(root.get("rules") or {}),
            catalog=dict(root.get("catalog") or {}),
            plan=dict(root.get("plan") or {}),
            parameters=dict(root.get("parameters") or {}),
        )

    # --- programs, tiers, clauses, aid ---------------------------------------------------------

    def program_name(self, pid: str, lang: Lang, program: dict[str, Any] | None = None) -> str:
        entry = (self.catalog.get("programs") or {}).get(pid) or {}
        name = entry.get("name") or (program or {}).get("name") or {}
        return str(name.get(lang) or pid)

    def tier_name(self, tier: str, lang: Lang) -> str:
        entry = (self.catalog.get("tiers") or {}).get(tier) or {}
        return str(entry.get(lang) or tier)

    def clause_title(self, clause: int | str, lang: Lang) -> str:
        entry = (self.plan.get("clauses") or {}).get(str(clause)) or {}
        return str((entry.get("title") or {}).get(lang) or "")

    def clause_label(self, clause: int | str, lang: Lang) -> str:
        """``5 完善最低生活保障制度`` / ``5 Minimum living guarantee (低保)``."""
        return f"{clause} {self.clause_title(clause, lang)}".strip()

    def aid_name(self, code: str, lang: Lang) -> str:
        entry = (self.catalog.get("aid") or {}).get(code) or {}
        name = entry.get("name", entry) if isinstance(entry, dict) else {}
        return str(name.get(lang) or code) if isinstance(name, dict) else code

    # --- rules and findings --------------------------------------------------------------------

    def rule_title(self, rule_id: str, lang: Lang) -> str:
        """The rule's title in ``lang``; the id itself when the rule has none in that language."""
        entry = self.rules.get(rule_id) or {}
        return str((entry.get("title") or {}).get(lang) or rule_id)

    def finding_text(self, finding: dict[str, Any], lang: Lang) -> str:
        """What the rule found, in words: its message template filled with the finding's values,
        else its title and the values."""
        rule_id = str(finding.get("rule", ""))
        values = finding.get("values") or {}
        entry = self.rules.get(rule_id) or {}
        template = ((entry.get("message") or {}).get(str(finding.get("outcome"))) or {}).get(lang)
        if template and all(slot in values for slot in _SLOT.findall(template)):
            return _SLOT.sub(lambda m: format_value(self.words_for(values[m.group(1)], lang), lang), str(template))
        title = self.rule_title(rule_id, lang)
        shown = ", ".join(f"{k} {format_value(v, lang)}" for k, v in sorted(values.items()))
        return msg("with_values", lang, title=title, values=shown) if shown else title

    def words_for(self, value: Any, lang: Lang) -> Any:
        """A value with its codes in words: aid in kind by the catalog, other codes by the message catalog."""
        if isinstance(value, list):
            return [self.words_for(v, lang) for v in value]
        if isinstance(value, str):
            aid = (self.catalog.get("aid") or {}).get(value)
            if isinstance(aid, dict) and aid.get(lang):
                return str(aid[lang])
            return code_word(value, lang) or value
        return value

    def basis_text(self, finding: dict[str, Any], lang: Lang) -> str:
        """The rule's authority, shown by basis: the plan's words with the clause; a national
        document and article, marked as not the plan's text; or the project's reading."""
        rule_id = str(finding.get("rule", ""))
        entry = self.rules.get(rule_id)
        clause = finding.get("clause", (entry or {}).get("clause", ""))
        if entry is None:
            return ""
        basis = str(entry.get("basis") or finding.get("basis") or "plan")
        if basis == "national":
            national = entry.get("national") or {}
            return msg(
                "basis.national",
                lang,
                document=national.get("document", ""),
                article=national.get("article", ""),
            )
        if basis == "reading":
            return msg("basis.reading", lang, reading=entry.get("reading", ""))
        return msg("basis.plan", lang, clause=clause, quote=entry.get("quote", ""))

    def rule_label(self, finding: dict[str, Any], lang: Lang) -> str:
        """The rule as a person names it: its title in ``lang``. An older decision names a rule by its
        English title, shown only in English (its Chinese message says the rest)."""
        rule_id = str(finding.get("rule", ""))
        if rule_id in self.rules:
            return self.rule_title(rule_id, lang)
        return rule_id if lang == "en" else ""

    def outcome(self, outcome: str, lang: Lang) -> str:
        return outcome_word(outcome, lang)

    # --- parameters ----------------------------------------------------------------------------

    def parameter_label(self, name: str, lang: Lang) -> str:
        group, _, param = name.partition(".")
        entry = (self.parameters.get(group) or {}).get(param) or {}
        return str((entry.get("label") or {}).get(lang) or name)


def load_texts(bundle: Path) -> Texts:
    return Texts.from_data(_bundle_data(bundle))


@lru_cache(maxsize=1)
def texts() -> Texts:
    """The texts of the project's bundle (rebuilt first when policies changed), once per process."""
    from socialaid.server.bundle import ensure_fresh

    return load_texts(ensure_fresh())
