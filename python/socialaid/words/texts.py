"""The words about rules, programs and clauses, read once per process from the built bundle.

The decision names things by id (``dibao``, ``dibao.income_test``, clause ``5``, aid code
``medical_bills``); the bundle's data says what they are called:

- ``data.socialaid.rules[id]`` — each rule's METADATA: ``title {en, zh}``, ``clause``, ``basis``
  (``plan`` with ``quote``, ``national`` with ``{document, article}``, ``reading`` with the READING.md
  provision) and ``message`` templates (``{met|not_met|info: {zh, en}}`` with ``{value}`` slots);
- ``data.socialaid.catalog`` — program names, tiers, names of aid in kind (``aid``);
- ``data.socialaid.plan`` — clause headings and texts; ``data.socialaid.parameters`` — labels.

Each :class:`Texts` belongs to one bundle revision (``revision``). It is read from a bundle file
(:func:`load_texts`, the sidecar's own bundle) or from a server's words door (:meth:`Texts.from_door`,
``data.socialaid.words``), and kept by revision in a :class:`WordsCache`, so words are never shown
over a decision of another revision. Everything else here is a pure lookup on that data.
"""

from __future__ import annotations

import json
import os
import re
import tarfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from socialaid.errors import BundleError
from socialaid.words.lang import GROUPS, in_lang
from socialaid.words.messages import Lang, code_word, msg, outcome_word

__all__ = ["Texts", "WordsCache", "bundle_revision", "format_value", "load_texts"]

_SLOT = re.compile(r"\{(\w+)\}")


def format_value(value: Any, lang: Lang | None = None) -> str:
    """A value as a person reads it: numbers with a fractional part to two decimals, lists joined,
    booleans as yes / no in ``lang`` (``true`` / ``false`` without one)."""
    if isinstance(value, bool):
        return msg("yes" if value else "no", lang) if lang else ("true" if value else "false")
    if isinstance(value, float):
        return f"{value:.2f}" if value != int(value) else str(int(value))
    if isinstance(value, list):
        return (msg("list_sep", lang) if lang else ", ").join(format_value(v, lang) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={format_value(v, lang)}" for k, v in value.items())
    return str(value)


def _bundle_data(bundle: Path) -> tuple[dict[str, Any], str]:
    """The bundle's data tree (``opa build`` merges every data file into one ``/data.json``) and the
    revision its ``.manifest`` names."""
    try:
        with tarfile.open(bundle, "r:gz") as tar:
            data: dict[str, Any] = {}
            revision = "unbundled"
            for member in tar.getmembers():
                name = member.name.lstrip("/")
                if name == ".manifest":
                    handle = tar.extractfile(member)
                    manifest = json.loads(handle.read().decode("utf-8")) if handle else {}
                    revision = str(manifest.get("revision") or revision) if isinstance(manifest, dict) else revision
                    continue
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
            return data, revision
    except (OSError, tarfile.TarError, ValueError) as exc:
        raise BundleError(f"cannot read the bundle {bundle}: {exc}") from exc


@dataclass(frozen=True)
class Texts:
    rules: dict[str, dict[str, Any]]
    catalog: dict[str, Any]
    plan: dict[str, Any]
    parameters: dict[str, Any]
    revision: str = "unbundled"
    horizon: dict[str, str] | None = None

    @classmethod
    def from_data(cls, data: dict[str, Any], *, revision: str = "unbundled") -> Texts:
        root = data.get("socialaid") or {}
        return cls(
            rules=dict(root.get("rules") or {}),
            catalog=dict(root.get("catalog") or {}),
            plan=dict(root.get("plan") or {}),
            parameters=dict(root.get("parameters") or {}),
            revision=revision,
            horizon={str(k): str(v) for k, v in (root.get("horizon") or {}).items()},
        )

    @classmethod
    def from_door(cls, answer: dict[str, Any]) -> Texts:
        """The words a server's ``data.socialaid.words`` door gives (:class:`~socialaid.models.doors.WordsAnswer`)."""
        return cls.from_data(
            {"socialaid": {k: answer.get(k) for k in ("rules", "catalog", "plan", "parameters", "horizon")}},
            revision=str(answer.get("bundle_revision", "")),
        )

    def door(self) -> dict[str, Any]:
        """These words in the shape of the words door's answer (what a cache keeps)."""
        return {
            "bundle_revision": self.revision,
            "rules": self.rules,
            "catalog": self.catalog,
            "plan": self.plan,
            "parameters": self.parameters,
            "horizon": self.horizon or {},
        }

    # --- programs, tiers, clauses, aid ---------------------------------------------------------

    def program_name(self, pid: str, lang: Lang, program: dict[str, Any] | None = None) -> str:
        entry = (self.catalog.get("programs") or {}).get(pid) or {}
        name = entry.get("name") or (program or {}).get("name") or {}
        if not name.get(lang) and pid in GROUPS:  # a finding of the shared statuses (status), not a program
            return GROUPS[pid][lang]
        return in_lang(str(name.get(lang) or pid), lang)

    def tier_name(self, tier: str, lang: Lang) -> str:
        entry = (self.catalog.get("tiers") or {}).get(tier) or {}
        return str(entry.get(lang) or tier)

    def clause_title(self, clause: int | str, lang: Lang) -> str:
        entry = (self.plan.get("clauses") or {}).get(str(clause)) or {}
        return in_lang(str((entry.get("title") or {}).get(lang) or ""), lang)

    def clause_label(self, clause: int | str, lang: Lang) -> str:
        """``5 完善最低生活保障制度`` / ``5 Minimum living guarantee (低保)``."""
        return f"{clause} {self.clause_title(clause, lang)}".strip()

    def aid_name(self, code: str, lang: Lang) -> str:
        entry = (self.catalog.get("aid") or {}).get(code) or {}
        name = entry.get("name", entry) if isinstance(entry, dict) else {}
        return in_lang(str(name.get(lang) or code), lang) if isinstance(name, dict) else code

    # --- rules and findings --------------------------------------------------------------------

    def rule_title(self, rule_id: str, lang: Lang) -> str:
        """The rule's title in ``lang``; the id itself when the rule has none in that language."""
        entry = self.rules.get(rule_id) or {}
        return in_lang(str((entry.get("title") or {}).get(lang) or rule_id), lang)

    def finding_text(self, finding: dict[str, Any], lang: Lang) -> str:
        """What the rule found, in words: its message template filled with the finding's values,
        else its title and the values."""
        rule_id = str(finding.get("rule", ""))
        values = finding.get("values") or {}
        template = self.template(finding, lang)
        if template is not None:
            return in_lang(
                _SLOT.sub(lambda m: format_value(self.words_for(values[m.group(1)], lang), lang), template), lang
            )
        return self.rule_title(rule_id, lang)

    def template(self, finding: dict[str, Any], lang: Lang) -> str | None:
        """The message template the finding chose, or None when there is none to fill truthfully.

        The policy chooses: ``message[outcome]``, or ``message["<outcome>.<condition>"]`` when the finding
        names the condition that decided it (``values.decided_by``). A template is used only when the
        finding carries every slot it names and its values bear out every comparison it states
        (``{a}…低于…{b}`` only when a < b): a sentence its own numbers contradict is never shown — the
        rule's title stands instead (see :func:`stated_comparisons`)."""
        values = finding.get("values") or {}
        entry = self.rules.get(str(finding.get("rule", ""))) or {}
        messages = entry.get("message") or {}
        outcome = str(finding.get("outcome"))
        decided_by = values.get("decided_by")
        chosen = messages.get(f"{outcome}.{decided_by}") if isinstance(decided_by, str) else None
        text = (chosen or messages.get(outcome) or {}).get(lang)
        if not text or not all(slot in values for slot in _SLOT.findall(str(text))):
            return None
        if any(not holds for holds in stated_comparisons(str(text), values)):
            return None
        return str(text)

    def words_for(self, value: Any, lang: Lang) -> Any:
        """A value with its codes in words: aid in kind by the catalog, other codes by the message catalog."""
        if isinstance(value, list):
            return [self.words_for(v, lang) for v in value]
        if isinstance(value, str):
            aid = (self.catalog.get("aid") or {}).get(value)
            if isinstance(aid, dict) and aid.get(lang):
                return in_lang(str(aid[lang]), lang)
            if value in self.rules:  # a rule named in a finding's values reads as its title
                return self.rule_title(value, lang)
            return in_lang(code_word(value, lang) or value, lang)
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
            return in_lang(
                msg(
                    "basis.national",
                    lang,
                    document=national.get("document", ""),
                    article=national.get("article", ""),
                ),
                lang,
            )
        if basis == "reading":  # READING.md is written in English; each reading has its Chinese words
            if lang == "zh":
                if entry.get("reading_zh"):
                    return msg("basis.reading", lang, reading=entry["reading_zh"])
                return msg("reading_zh", lang, clause=clause)  # an older bundle's reading, in English only
            return in_lang(msg("basis.reading", lang, reading=entry.get("reading", "")), lang)
        if lang == "en":  # the plan is written in Chinese only: its heading here, its words under zh
            return msg("plan_en", lang, clause=clause, title=self.clause_title(clause, lang))
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

    def explanation_words(self, explanation: Any, lang: Lang) -> Any:
        """The words of this revision for the programs and rules ``explanation`` names (the ``words``
        an explanation carries to a reader: :class:`~socialaid.models.decision.ExplanationWords`)."""
        from socialaid.models.decision import Basis, ExplanationWords, RuleWords

        programs = explanation.programs or {}
        named = {r.rule for p in programs.values() for r in p.rules} | {f.rule for f in explanation.findings or []}
        rules = {}
        for rule_id in sorted(named):
            entry = self.rules.get(rule_id) or {}
            finding = {"rule": rule_id, "clause": entry.get("clause")}
            rules[rule_id] = RuleWords(
                clause=entry.get("clause"),
                basis=Basis(str(entry.get("basis") or "plan")),
                title=self.rule_title(rule_id, lang),
                authority=self.basis_text(finding, lang),
            )
        return ExplanationWords(
            lang=lang,
            bundle_revision=self.revision,
            programs={pid: self.program_name(pid, lang) for pid in sorted(programs)},
            rules=rules,
        )

    # --- parameters ----------------------------------------------------------------------------

    def parameter_label(self, name: str, lang: Lang) -> str:
        group, _, param = name.partition(".")
        entry = (self.parameters.get(group) or {}).get(param) or {}
        return in_lang(str((entry.get("label") or {}).get(lang) or name), lang)


# The comparisons a template states between two of its slots, and what each says of them.
_COMPARISONS: list[tuple[re.Pattern[str], Any]] = [
    (re.compile(r"不低于|is not below|not below|at or above|不少于"), lambda a, b: a >= b),
    (re.compile(r"不超过|未超过|不高于|is not over|is not above|at or below"), lambda a, b: a <= b),
    (re.compile(r"低于|is below|below|under"), lambda a, b: a < b),
    (re.compile(r"超过|高于|is over|is above|above|over"), lambda a, b: a > b),
]
# Between two slots, a clause break or an either/or: the words compare neither slot with the other.
_NOT_ONE_COMPARISON = re.compile(r"[,;:()，；：（）、。]|\b(?:n?or|and)\b|或|也|且")
_PAIR = re.compile(r"\{(\w+)\}([^{}]{0,40}?)(?=\{(\w+)\})")


def stated_comparisons(template: str, values: dict[str, Any]) -> list[bool]:
    """For each comparison ``template`` states between two numeric slots (``{x}元超过…{y}``, ``{x} is
    below the standard {y}``), whether ``values`` bear it out. Words, not policy: it checks what a
    sentence says against the numbers it is filled with."""
    found = []
    for m in _PAIR.finditer(template):
        a, between, b = values.get(m.group(1)), m.group(2), values.get(m.group(3))
        if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (a, b)):
            continue
        if _NOT_ONE_COMPARISON.search(between):  # "aged {age}; minors under {minor_age}": not a with b
            continue
        for pattern, holds in _COMPARISONS:
            if pattern.search(between):
                found.append(bool(holds(a, b)))
                break
    return found


@lru_cache(maxsize=8)
def _load(bundle: Path, mtime_ns: int) -> Texts:
    data, revision = _bundle_data(bundle)
    return Texts.from_data(data, revision=revision)


def load_texts(bundle: Path) -> Texts:
    """The words of a bundle file, read once per process (per file and modification time)."""
    try:
        mtime = bundle.stat().st_mtime_ns
    except OSError as exc:
        raise BundleError(f"cannot read the bundle {bundle}: {exc}") from exc
    return _load(bundle, mtime)


def bundle_revision(bundle: Path) -> str:
    return load_texts(bundle).revision


_SAFE_REVISION = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,127}")


class WordsCache:
    """Words kept by revision: in memory for the process, and (with ``directory``) on disk, one JSON
    file a revision, so a CLI asks a server's words door once per revision, not once per call.

    A revision that is not a plain name (letters, digits, ``._+-``) is never written to disk."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory
        self._held: dict[str, Texts] = {}

    def get(self, revision: str) -> Texts | None:
        if revision in self._held:
            return self._held[revision]
        path = self._path(revision)
        if path is None or not path.is_file():
            return None
        try:
            answer = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            return None
        words = Texts.from_door(answer) if isinstance(answer, dict) else None
        if words is None or words.revision != revision:
            return None
        self._held[revision] = words
        return words

    def put(self, words: Texts) -> Texts:
        self._held[words.revision] = words
        path = self._path(words.revision)
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(f".{os.getpid()}.tmp")
                tmp.write_text(json.dumps(words.door(), ensure_ascii=False), "utf-8")
                tmp.replace(path)
            except OSError:
                pass  # a cache that cannot be written is only slower
        return words

    def _path(self, revision: str) -> Path | None:
        # a "-dirty" revision names a working tree, not one set of words: it is kept in memory only
        if self.directory is None or not _SAFE_REVISION.fullmatch(revision) or revision.endswith("dirty"):
            return None
        return self.directory / f"{revision}.json"
