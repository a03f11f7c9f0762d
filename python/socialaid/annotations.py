"""The METADATA of every rule in the policy, read with ``opa inspect -a``.

Used to list which rules implement each clause (``socialaid clauses``), to check that every quote
stands in its clause, and to map OPA's explanation traces back to clauses.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from socialaid.errors import BundleError
from socialaid.paths import opa_binary

__all__ = ["RuleAnnotation", "inspect"]


@dataclass(frozen=True)
class RuleAnnotation:
    path: str
    title: str
    description: str
    clause: int | None
    quote: str | None
    authority: str | None
    file: str
    row: int
    scope: str

    @property
    def rule_name(self) -> str:
        return self.path.rsplit(".", 1)[-1]


def _path(parts: list[dict[str, Any]]) -> str:
    """``data.pkg.rule`` — up to the first key term that is not a plain name (``x[m.id]`` → ``x``),
    never OPA's AST of that term."""
    names: list[str] = []
    for i, part in enumerate(parts):
        if i > 0 and part.get("type") != "string":
            break
        names.append(str(part.get("value")))
    return ".".join(names)


def inspect(bundle_dir: Path) -> list[RuleAnnotation]:
    """Every annotation of the policy tree (a staged bundle directory or a bundle file)."""
    proc = subprocess.run(
        [str(opa_binary()), "inspect", "--annotations", "--format", "json", str(bundle_dir)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise BundleError(f"opa inspect failed: {proc.stderr.strip()}")
    found = []
    for item in json.loads(proc.stdout).get("annotations", []):
        ann = item.get("annotations", {})
        custom = ann.get("custom", {}) or {}
        location = item.get("location", {})
        found.append(
            RuleAnnotation(
                path=_path(item.get("path", [])),
                title=ann.get("title", ""),
                description=ann.get("description", ""),
                clause=custom.get("clause"),
                quote=custom.get("quote"),
                authority=custom.get("authority"),
                file=location.get("file", ""),
                row=int(location.get("row", 0)),
                scope=ann.get("scope", ""),
            )
        )
    return found
