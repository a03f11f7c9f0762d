"""Print the request of every golden household (tests/golden/**/*.json) as JSONL, for `make impact`."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

for path in sorted((ROOT / "tests" / "golden").rglob("*.json")):
    print(json.dumps(json.loads(path.read_text("utf-8"))["request"], ensure_ascii=False))
