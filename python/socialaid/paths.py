"""Where the project's files are: the repository root and the folders the tools use."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["BUNDLE_DIR", "BUNDLE_FILE", "POLICY_DIR", "REPO_ROOT", "SCHEMA_DIR", "STAGE_DIR", "opa_binary"]

REPO_ROOT = Path(os.environ.get("SOCIALAID_ROOT", Path(__file__).resolve().parents[2]))
POLICY_DIR = REPO_ROOT / "policies"
SCHEMA_DIR = REPO_ROOT / "schemas"
BUNDLE_DIR = REPO_ROOT / "bundles"
BUNDLE_FILE = BUNDLE_DIR / "socialaid.tar.gz"
STAGE_DIR = REPO_ROOT / "build" / "stage"


def opa_binary() -> Path:
    """The OPA binary: $SOCIALAID_OPA, else the project-local build in .tools/bin."""
    return Path(os.environ.get("SOCIALAID_OPA", REPO_ROOT / ".tools" / "bin" / "opa"))
