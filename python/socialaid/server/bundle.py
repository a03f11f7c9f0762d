"""Build and sign the policy bundle that OPA servers run.

``stage()`` lays out build/stage/: the Rego, tests and parameter data of policies/, the household schema as
``data.socialaid.schemas.household.text`` (JSON text, so the policy checks its own input), and a ``.manifest`` with
the bundle roots, the git revision and a digest of the sources. ``build()`` runs ``opa build`` on it
(leaving the tests out, with paths relative to the bundle) into bundles/ and signs it with
``--signing-key``; ``opa test`` runs on the staged tree.

Keys (deploy/README.md): the signing key is ``$SOCIALAID_SIGNING_KEY`` and the verification key
``$SOCIALAID_VERIFICATION_KEY`` (PEM files, RS256). Production keys come from the operator. Without
them a development key pair is made once in ``.keys/`` (ignored by git, never committed) with openssl.
A server started with the verification key refuses a bundle whose files or signature do not match.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

from socialaid.errors import BundleError
from socialaid.models import schemas
from socialaid.paths import BUNDLE_FILE, POLICY_DIR, REPO_ROOT, STAGE_DIR, opa_binary
from socialaid.words.lang import zh_joined

__all__ = [
    "DEV_KEY_DIR",
    "ROOT",
    "ROOTS",
    "SIGNING_KEY_ENV",
    "VERIFICATION_KEY_ENV",
    "build",
    "build_staged",
    "ensure_fresh",
    "git_revision",
    "signing_keys",
    "source_digest",
    "stage",
]

SIGNING_KEY_ENV = "SOCIALAID_SIGNING_KEY"
VERIFICATION_KEY_ENV = "SOCIALAID_VERIFICATION_KEY"
DEV_KEY_DIR = REPO_ROOT / ".keys"

ROOT = "socialaid"
# The bundle owns its policy and OPA's own authorization and log-masking policies, nothing else.
ROOTS = [ROOT, "system/authz", "system/log"]


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
        # As JSON text, not an object: OPA caches the compiled schema keyed by this value, and a string
        # key costs one hash a request where the schema as an object cost ~2 600 allocations to hash.
        schema = schemas.load(name)
        text = json.dumps(schema, ensure_ascii=False, separators=(",", ":"))
        data = {"text": text, "limits": schemas.list_limits(schema)}
        (data_dir / "data.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    _write_rule_registry(target)
    _write_parameter_index(target)
    manifest = {
        "revision": revision or git_revision(),
        "roots": ROOTS,
        "metadata": {"source_digest": source_digest()},
    }
    (target / ".manifest").write_text(json.dumps(manifest), encoding="utf-8")
    return target


_REGISTRY_KEYS = ("clause", "basis", "quote", "national", "reading", "reading_zh", "message")


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
        entry: dict[str, object] = {k: _zh_fields(k, custom[k]) for k in _REGISTRY_KEYS if k in custom}
        entry["title"] = {"en": ann.get("title", ""), "zh": zh_joined(str(custom.get("title_zh", "")))}
        entry["path"] = ".".join(str(p["value"]) for p in item.get("path", []))
        entry["file"] = str(Path(location.get("file", "")).relative_to(tree)) if location.get("file") else ""
        entry["row"] = int(location.get("row", 0))
        if rule_id in registry and registry[rule_id]["path"] != entry["path"]:
            raise BundleError(f"rule id {rule_id} is used by {registry[rule_id]['path']} and {entry['path']}")
        registry.setdefault(rule_id, entry)
    return registry


def _zh_fields(key: str, value: object) -> object:
    """A METADATA value with its Chinese texts joined where YAML's folded lines put a space (``quote``,
    ``reading_zh``, each message's ``zh``): the words are read as Chinese, without them. (A national
    article keeps its one space: ``…办法 第二条`` names a document, then its article.)"""
    if key in {"quote", "reading_zh"} and isinstance(value, str):
        return zh_joined(value)
    if key == "message" and isinstance(value, dict):
        return {
            outcome: {lang: zh_joined(t) if lang == "zh" and isinstance(t, str) else t for lang, t in texts.items()}
            if isinstance(texts, dict)
            else texts
            for outcome, texts in value.items()
        }
    return value


def _write_rule_registry(target: Path) -> None:
    registry = rule_registry(target)
    data_dir = target / ROOT / "rules"
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "data.json").write_text(json.dumps(registry, ensure_ascii=False, sort_keys=True), "utf-8")


def signing_keys() -> tuple[Path, Path]:
    """(signing key, verification key): the operator's from the environment, else the development pair.

    The development pair is made on first use in .keys/ (mode 0700, ignored by git) and is good only for
    this checkout: a bundle signed with it is refused by a server given the operator's key.
    """
    signing, verification = os.environ.get(SIGNING_KEY_ENV), os.environ.get(VERIFICATION_KEY_ENV)
    if signing or verification:
        if not (signing and verification):
            raise BundleError(f"set both {SIGNING_KEY_ENV} and {VERIFICATION_KEY_ENV}, or neither")
        pair = (Path(signing), Path(verification))
        missing = [str(p) for p in pair if not p.is_file()]
        if missing:
            raise BundleError(f"key file(s) not found: {', '.join(missing)}")
        return pair
    private, public = DEV_KEY_DIR / "dev-signing.pem", DEV_KEY_DIR / "dev-verification.pem"
    if not (private.is_file() and public.is_file()):
        DEV_KEY_DIR.mkdir(mode=0o700, exist_ok=True)
        _openssl(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", str(private)])
        private.chmod(0o600)
        _openssl(["pkey", "-in", str(private), "-pubout", "-out", str(public)])
    return private, public


def _openssl(args: list[str]) -> None:
    try:
        proc = subprocess.run(["openssl", *args], capture_output=True, text=True, check=False, timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        raise BundleError(f"cannot make a development signing key with openssl: {exc}") from exc
    if proc.returncode != 0:
        raise BundleError(f"openssl {args[0]} failed: {(proc.stderr or proc.stdout).strip()}")


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
                    "source_zh": v.get("source_zh", ""),
                    "confidence": v.get("confidence", "not stated"),
                    "confidence_zh": v.get("confidence_zh", "未注明"),
                    "hypothetical": False,
                }
        dated: dict[str, dict[str, object]] = {}
        for g, names in values.items():
            for n, v in names.items():
                if (g, n) in varying:
                    dated.setdefault(g, {})[n] = v
        at[date] = {"values": values, "dated": dated, "entries": entries, "missing": missing}
    return {"dates": dates, "at": at, "by_year": _dates_by_year(dates)}


def _dates_by_year(dates: list[str]) -> dict[str, dict[str, list[str]]]:
    """For each year from the first change to the last: the latest change before it (``before``, none or
    one date) and the changes within it, in order. A decision date's change is then the latest of its
    year's few dates on or before it, else ``before``, without a scan of every date (params.rego)."""
    if not dates:
        return {}
    by_year: dict[str, dict[str, list[str]]] = {}
    for year in range(int(dates[0][:4]), int(dates[-1][:4]) + 1):
        y = f"{year:04d}"
        earlier = [d for d in dates if d < f"{y}-01-01"]
        by_year[y] = {"before": earlier[-1:], "dates": [d for d in dates if d.startswith(y)]}
    return by_year


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
    """Stage, then ``opa build`` and sign; OPA's own message (stdout and stderr) when it fails."""
    return build_staged(stage(revision=revision), output)


def build_staged(staged: Path, output: Path) -> Path:
    """``opa build`` of a staged tree into ``output``, signed with the signing key, tests left out."""
    signing_key, _ = signing_keys()
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        [
            str(opa_binary().resolve()),
            "build",
            "--bundle",
            ".",
            "--ignore",
            "*_test.rego",
            "--signing-key",
            str(signing_key.resolve()),
            "--output",
            str(output),
        ],
        cwd=staged,  # paths in the bundle are relative to it, never this machine's build paths
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        message = "\n".join(part.strip() for part in (proc.stdout, proc.stderr) if part.strip())
        raise BundleError(f"opa build failed:\n{message or f'exit {proc.returncode}, no message'}")
    return output


def source_digest() -> str:
    """SHA-256 over the path and content of every policy and schema file: what the bundle is built from."""
    digest = hashlib.sha256()
    files = sorted(p for p in POLICY_DIR.rglob("*") if p.is_file())
    files += [schemas.schema_path(name) for name in sorted(schemas.SCHEMAS)]
    for path in files:
        digest.update(str(path.relative_to(REPO_ROOT)).encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _bundle_digest(bundle: Path) -> str | None:
    try:
        with tarfile.open(bundle, "r:gz") as tar:
            member = tar.extractfile("/.manifest") or tar.extractfile(".manifest")
            manifest = json.loads(member.read()) if member else {}
    except (OSError, KeyError, tarfile.TarError, ValueError):
        return None
    digest = manifest.get("metadata", {}).get("source_digest") if isinstance(manifest, dict) else None
    return digest if isinstance(digest, str) else None


def ensure_fresh(output: Path = BUNDLE_FILE) -> Path:
    """The bundle, rebuilt first when it is missing or was built from other sources (by content digest,
    not modification time). Whether its files are what was signed is OPA's check, when it starts."""
    if not output.exists() or _bundle_digest(output) != source_digest():
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
        print("usage: python -m socialaid.server.bundle stage|build", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
