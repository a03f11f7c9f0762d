#!/usr/bin/env python3
"""Sample outputs in README.md and docs/*.md, produced by real runs, so that they cannot drift.

A sample is a fenced block between markers::

    <!-- sample -->
    ```console
    $ .venv/bin/socialaid decide examples/urban-family-just-above-standard.json --lang en
    …what the command printed…
    ```
    <!-- /sample -->

Every ``$ `` line is run (from the repository root, at 80 columns, with ``$SOCIALAID_OPA_URL`` and
``$SOCIALAID_OPA_TOKEN`` pointing at one sidecar started for the occasion, or the caller's); its stdout
and stderr follow it (stdout alone when the line ends in ``2>/dev/null``). A trailing ``# …`` on a
``$`` line is a comment, kept and not run. Decision ids, bundle revisions and timings are masked
(``<decision-id>``, ``<revision>``, ``<time>``), here and when comparing.

    scripts/render-samples.py            # rewrite every sample from a fresh run
    scripts/render-samples.py --check    # exit 1 and show the difference where a sample is stale
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"(<!-- sample -->\n```(\w*)\n)(.*?)(```\n<!-- /sample -->)", re.S)
MASKS = [
    (re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b"), "<decision-id>"),
    (re.compile(r"\b[0-9a-f]{12}(?:-dirty)?\b"), "<revision>"),
    (re.compile(r"\b\d+(?:\.\d+)? ?(?:ms|s|毫秒|秒)\b"), "<time>"),
    (re.compile(r"\b\d+ households/s\b"), "<rate>"),
    (re.compile(r"OPA peak \d+ MB"), "OPA peak <memory>"),
    (re.compile(r"\b\d{4}-\d{2}-\d{2} (现行参数|Parameters in force)"), r"<today> \1"),
]


def mask(text: str) -> str:
    for pattern, replacement in MASKS:
        text = pattern.sub(replacement, text)
    return text


CHECKING: dict[str, str] = {}  # with --check: a directory for the charts, so the committed ones stay as they are


def run(command: str, env: dict[str, str]) -> str:
    shown = command.split(" # ", 1)[0].strip()
    quiet = shown.endswith("2>/dev/null")  # the command's diagnostics (e.g. Ray's) are not the sample
    args = shlex.split(shown.removesuffix("2>/dev/null"))
    if args and args[0] == ".venv/bin/socialaid":
        args[0] = str(ROOT / ".venv" / "bin" / "socialaid")
    if CHECKING:
        args = [str(Path(CHECKING["dir"]) / Path(a).name) if a.endswith(".png") else a for a in args]
    proc = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=600)
    text = proc.stdout if quiet else proc.stdout + proc.stderr
    if CHECKING:  # the chart's path as the sample names it
        for a in shlex.split(shown):
            if a.endswith(".png"):
                text = text.replace(str(Path(CHECKING["dir"]) / Path(a).name), a)
    return mask(text)


def render_block(body: str, env: dict[str, str]) -> str:
    """The block with each command's output after it (the commands and their comments kept)."""
    out = []
    for line in body.splitlines():
        if line.startswith("$ "):
            out.append(line)
            out.append(run(line[2:], env).rstrip("\n"))
    return "\n".join(part for part in out if part) + "\n"


def render_file(path: Path, env: dict[str, str]) -> str:
    text = path.read_text("utf-8")
    return BLOCK.sub(lambda m: m.group(1) + render_block(m.group(3), env) + m.group(4), text)


@contextmanager
def opa_env() -> Iterator[dict[str, str]]:
    env = {**os.environ, "COLUMNS": "80"}
    env.pop("SOCIALAID_LANG", None)
    if env.get("SOCIALAID_OPA_URL"):
        yield env
        return
    sys.path.insert(0, str(ROOT / "python"))
    from socialaid.server.bundle import ensure_fresh
    from socialaid.server.sidecar import Sidecar

    with Sidecar(bundle=ensure_fresh()) as sidecar:
        yield {**env, "SOCIALAID_OPA_URL": sidecar.url, "SOCIALAID_OPA_TOKEN": sidecar.token}


def _words(text: str) -> list[str]:
    return text.split()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail where a sample differs from a fresh run")
    args = parser.parse_args()
    stale = 0
    if args.check:
        import tempfile

        CHECKING["dir"] = tempfile.mkdtemp(prefix="samples-")
    with opa_env() as env:
        for path in FILES:
            if "<!-- sample -->" not in path.read_text("utf-8"):
                continue
            fresh = render_file(path, env)
            now = path.read_text("utf-8")
            if fresh == now or (args.check and _words(fresh) == _words(now)):
                continue  # (a line another command's table wrapped elsewhere is the same sample)
            if args.check:
                stale += 1
                rel = str(path.relative_to(ROOT))
                sys.stdout.writelines(
                    difflib.unified_diff(now.splitlines(True), fresh.splitlines(True), rel, f"{rel} (now)")
                )
            else:
                path.write_text(fresh, "utf-8")
                print(f"wrote {path.relative_to(ROOT)}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
