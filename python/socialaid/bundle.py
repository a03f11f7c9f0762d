"""Build the policy bundle that the OPA sidecar runs.

``stage()`` lays out build/stage/: the Rego, tests and parameter data of policies/, the household schema as
``data.socialaid.schemas.household`` (so the policy checks its own input), and a ``.manifest`` with
the bundle root and the git revision. ``build()`` runs ``opa build`` on it
(leaving the tests out) into bundles/; ``opa test`` runs on the staged tree.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from socialaid import schemas
from socialaid.errors import BundleError
from socialaid.paths import BUNDLE_FILE, POLICY_DIR, REPO_ROOT, STAGE_DIR, opa_binary

__all__ = ["ROOT", "build", "ensure_fresh", "git_revision", "stage"]

ROOT = "socialaid"


def git_revision() -> str:
    """The repository's revision (``git describe --always --dirty``), or ``unversioned``."""
    try:
        out = subprocess.run(
            ["git", "describe", "--always", "--dirty", "--abbrev=12"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return "unversioned"
    return out.stdout.strip() or "unversioned"


def stage(target: Path = STAGE_DIR, *, revision: str | None = None) -> Path:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(POLICY_DIR, target)
    for name in ("household",):
        data_dir = target / ROOT / "schemas" / name
        data_dir.mkdir(parents=True, exist_ok=True)
        (data_dir / "data.json").write_text(json.dumps(schemas.load(name), ensure_ascii=False), "utf-8")
    _write_rule_registry(target)
    _write_parameter_index(target)
    manifest = {"revision": revision or git_revision(), "roots": [ROOT]}
    (target / ".manifest").write_text(json.dumps(manifest), encoding="utf-8")
    return target


_REGISTRY_KEYS = ("clause", "basis", "quote", "national", "reading", "message")


def rule_registry(tree: Path) -> dict[str, dict[str, object]]:
    """``data.socialaid.rules``: every rule METADATA with a ``custom.id``, keyed by that id.

    The words about a rule (titles in both languages, the plan's quote or the national article or the
    READING.md provision, message templates) live only in its METADATA; this puts them in the bundle
    as data, so that Python joins them by id and Rego never formats them on the decision path.
    """
    proc = subprocess.run(
        [str(opa_binary()), "inspect", "--annotations", "--format", "json", str(tree)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise BundleError(f"opa inspect failed:\n{(proc.stderr or proc.stdout).strip()}")
    registry: dict[str, dict[str, object]] = {}
    for item in json.loads(proc.stdout).get("annotations", []):
        ann = item.get("annotations", {})
        custom = ann.get("custom") or {}
        rule_id = custom.get("id")
        if not rule_id:
            continue
        location = item.get("location", {})
        entry: dict[str, object] = {k: custom[k] for k in _REGISTRY_KEYS if k in custom}
        entry["title"] = {"en": ann.get("title", ""), "zh": custom.get("title_zh", "")}
        entry["path"] = ".".join(str(p["value"]) for p in item.get("path", []))
        entry["file"] = str(Path(location.get("file", "")).relative_to(tree)) if location.get("file") else ""
        entry["row"] = int(location.get("row", 0))
        if rule_id in registry and registry[rule_id]["path"] != entry["path"]:
            raise BundleError(f"rule id {rule_id} is used by {registry[rule_id]['path']} and {entry['path']}")
        registry.setdefault(rule_id, entry)
    return registry


def _write_rule_registry(target: Path) -> None:
    registry = rule_registry(target)
    data_dir = target / ROOT / "rules"
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "data.json").write_text(json.dumps(registry, ensure_ascii=False, sort_keys=True), "utf-8")


def parameter_index(tables: dict[str, dict[str, dict[str, object]]]) -> dict[str, object]:
    """``data.socialaid.parameter_index``: the parameters in force from each date on which any changes.

    For every effective date in the tables, ``at[date]`` holds the value and the dated entry of every
    parameter in force from that date until the next change, and ``missing`` the dotted names with no
    value yet. Decisions then resolve all parameters with one lookup (params.rego) instead of a scan
    per parameter. Nothing is decided here: it is an index of the dated values, and a Rego test checks
    it against a plain scan of the tables on every date and the day before.
    """
    dates = sorted({str(v["effective_from"]) for table in tables.values() for p in table.values() for v in p["values"]})  # type: ignore[attr-defined]
    varying = {
        (group, name)
        for group, table in tables.items()
        for name, p in table.items()
        if len(p["values"]) > 1  # type: ignore[arg-type]
    }
    at: dict[str, object] = {}
    for date in dates:
        values: dict[str, dict[str, object]] = {}
        entries: dict[str, dict[str, object]] = {}
        missing: list[str] = []
        for group, table in sorted(tables.items()):
            for name, param in sorted(table.items()):
                in_force = [v for v in param["values"] if str(v["effective_from"]) <= date]  # type: ignore[attr-defined]
                if not in_force:
                    missing.append(f"{group}.{name}")
                    continue
                v = max(in_force, key=lambda x: str(x["effective_from"]))
                values.setdefault(group, {})[name] = v["value"]
                entries.setdefault(group, {})[name] = {
                    "name": f"{group}.{name}",
                    "value": v["value"],
                    "unit": param["unit"],
                    "effective_from": str(v["effective_from"]),
                    "source": v["source"],
                    "confidence": v.get("confidence", "not stated"),
                    "hypothetical": False,
                }
        dated: dict[str, dict[str, object]] = {}
        for g, names in values.items():
            for n, v in names.items():
                if (g, n) in varying:
                    dated.setdefault(g, {})[n] = v
        at[date] = {"values": values, "dated": dated, "entries": entries, "missing": missing}
    return {"dates": dates, "at": at}


def _write_parameter_index(target: Path) -> None:
    import yaml

    tables = {
        d.name: yaml.safe_load((d / "data.yaml").read_text("utf-8"))
        for d in sorted((target / ROOT / "parameters").iterdir())
        if (d / "data.yaml").is_file()
    }
    data_dir = target / ROOT / "parameter_index"
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "data.json").write_text(json.dumps(parameter_index(tables), ensure_ascii=False), "utf-8")


def build(output: Path = BUNDLE_FILE, *, revision: str | None = None) -> Path:
    staged = stage(revision=revision)
    output.parent.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        [
            str(opa_binary()),
            "build",
            "--bundle",
            str(staged),
            "--ignore",
            "*_test.rego",
            "--output",
            str(output),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise BundleError(f"opa build failed:\n{proc.stderr.strip()}")
    return output


def _newest_source() -> float:
    files = [p for p in POLICY_DIR.rglob("*") if p.is_file()]
    files += [schemas.schema_path(name) for name in schemas.SCHEMAS]
    return max(p.stat().st_mtime for p in files)


def ensure_fresh(output: Path = BUNDLE_FILE) -> Path:
    """The bundle, rebuilt first when it is missing or older than any policy or schema file."""
    if not output.exists() or output.stat().st_mtime < _newest_source():
        build(output)
    return output


def main(argv: list[str] | None = None) -> int:
    import sys

    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["stage"]:
        print(stage())
    elif args[:1] == ["build"]:
        print(build())
    else:
        print("usage: python -m socialaid.bundle stage|build", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
