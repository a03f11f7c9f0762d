"""The impact's base cache: the base side's rows kept under a key of the bundle, the input, the date and
the view, so that a second reform against the same base decides only the reform side."""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["BASE_CACHE_KEEP", "base_cache_key", "bundle_digest", "file_digest", "prune"]

BASE_CACHE_KEEP = 4  # base files kept in a cache directory (the newest); each is one row a household


def bundle_digest(bundle: Path) -> str:
    """SHA-256 of a bundle's files and their names, not of the archive (whose times and signature change
    on every build of the same policy): the same policy and data give the same digest."""
    import hashlib
    import tarfile

    digest = hashlib.sha256()
    with tarfile.open(bundle, "r:gz") as tar:
        for member in sorted(tar.getmembers(), key=lambda m: m.name):
            if not member.isfile() or member.name.lstrip("/") == ".signatures.json":
                continue
            handle = tar.extractfile(member)
            digest.update(member.name.encode() + b"\0" + (handle.read() if handle else b"") + b"\0")
    return digest.hexdigest()


def file_digest(path: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 22):
            digest.update(chunk)
    return digest.hexdigest()


def base_cache_key(*, bundle: Path, population: Path, fmt: Any, as_of: str | None, view: str) -> str:
    """The key of a base side: the bundle (its revision is in its manifest), the input's bytes and format,
    the decision date given on the command line, and the view the rows were made from."""
    import hashlib
    import json

    parts = {
        "bundle": bundle_digest(bundle),
        "input": file_digest(population),
        "format": str(fmt),
        "as_of": as_of,
        "view": view,
        "row": 1,  # the row layout of compact_row; bump when it changes
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:32]


def prune(directory: Path, keep: int) -> None:
    files = sorted(directory.glob("base-*.jsonl"), key=lambda f: f.stat().st_mtime, reverse=True)
    for old in files[keep:]:
        old.unlink(missing_ok=True)
