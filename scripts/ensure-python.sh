#!/usr/bin/env bash
# Create .venv from uv.lock (uv itself, pinned, lives in .tools/uv).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
uv_version="0.13.9"
uv="$root/.tools/uv/bin/uv"
have="$("$uv" --version 2>/dev/null || true)"
if [ ! -x "$uv" ] || [[ "$have" != *" $uv_version"* ]]; then
  python3 -m venv "$root/.tools/uv"
  "$root/.tools/uv/bin/pip" install --quiet "uv==$uv_version"
fi
cd "$root"
# Bytecode compiled at install: the CLI starts fast even where PYTHONDONTWRITEBYTECODE is set.
"$uv" sync --frozen --quiet --compile-bytecode
"$root/.venv/bin/python" -m compileall -q "$root/python" >/dev/null
