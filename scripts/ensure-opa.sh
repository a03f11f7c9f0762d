#!/usr/bin/env bash
# Build the pinned OPA into .tools/bin unless the one there already is that version.
set -euo pipefail
version="${OPA_VERSION:-1.22.3}"
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/.tools/bin"
# Compare captured output, never a pipe into grep's quiet mode: under pipefail grep exits early, opa gets SIGPIPE.
installed_version() { local out; out="$("$bin/opa" version 2>/dev/null || true)"; awk '/^Version: /{print $2; exit}' <<<"$out"; }
if [ -x "$bin/opa" ] && [ "$(installed_version)" = "$version" ]; then
  exit 0
fi
mkdir -p "$bin"
echo "building OPA v$version into $bin (go install) ..." >&2
GOBIN="$bin" CGO_ENABLED=0 go install "github.com/open-policy-agent/opa@v$version"
got="$(installed_version)"
[ "$got" = "$version" ] || { echo "built OPA reports version '$got', expected $version" >&2; exit 1; }
