#!/usr/bin/env bash
# Lint the policies with Regal when the Go module proxy serves it; say so plainly when it does not.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version="${REGAL_VERSION:-latest}"
bin="$root/.tools/bin"
if [ ! -x "$bin/regal" ]; then
  if ! GOBIN="$bin" go install "github.com/open-policy-agent/regal@$version" >/dev/null 2>&1; then
    echo "regal: skipped — the Go module proxy does not serve github.com/open-policy-agent/regal here"
    exit 0
  fi
fi
"$bin/regal" lint "$root/policies"
