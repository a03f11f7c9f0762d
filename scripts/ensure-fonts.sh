#!/usr/bin/env bash
# Chinese chart labels need a CJK font. Install WenQuanYi Micro Hei where the platform allows it
# (Debian/Ubuntu with apt-get, as root or with password-less sudo); anywhere else, or when the
# install fails, say so and carry on: charts then fall back to ASCII labels (socialaid.analysis.sweep).
# Never fails the build.
set -uo pipefail

have_cjk() {
  local fonts
  fonts="$(fc-list :lang=zh family 2>/dev/null || true)"
  [ -n "$fonts" ] && return 0
  compgen -G "/usr/share/fonts/truetype/wqy/*.ttc" >/dev/null 2>&1
}

if have_cjk; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "note: no CJK font and no apt-get; charts will use ASCII labels" >&2
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "note: no CJK font, and installing fonts-wqy-microhei needs root; charts will use ASCII labels" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
if ! timeout 120 "${as_root[@]}" apt-get install -y -qq --no-install-recommends fonts-wqy-microhei >/dev/null 2>&1; then
  timeout 120 "${as_root[@]}" apt-get update -qq >/dev/null 2>&1 || true
  timeout 120 "${as_root[@]}" apt-get install -y -qq --no-install-recommends fonts-wqy-microhei >/dev/null 2>&1 || true
fi
if have_cjk; then
  echo "installed fonts-wqy-microhei for Chinese chart labels" >&2
else
  echo "note: could not install fonts-wqy-microhei; charts will use ASCII labels" >&2
fi
exit 0
