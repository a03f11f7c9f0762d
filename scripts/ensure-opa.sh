#!/usr/bin/env bash
# Build the pinned OPA into .tools/bin unless the one there already is that version.
set -euo pipefail
version="${OPA_VERSION:-1.22.3}"
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/.tools/bin"
if [ -x "$bin/opa" ] && "$bin/opa" version 2>/dev/null | grep -qx "Version: $version"; then
  exit 0
fi
mkdir -p "$bin"
echo "building OPA v$version into $bin (go install) ..." >&2
GOBIN="$bin" CGO_ENABLED=0 go install "github.com/open-policy-agent/opa@v$version"
"$bin/opa" version | grep -qx "Version: $version"
