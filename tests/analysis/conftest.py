"""Helpers for the analysis tests: run the CLI in-process against a real OPA, write request files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner, Result

from socialaid.cli.main import app

RUNNER = CliRunner()


def cli(*args: str) -> Result:
    return RUNNER.invoke(app, list(args), catch_exceptions=False)


def write_json(path: Path, doc: Any) -> str:
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    return str(path)
