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
# shellcheck source=scripts/apt-install.sh
. "$(dirname "$0")/apt-install.sh"
apt_install "fonts-wqy-microhei (charts will use ASCII labels)" fonts-wqy-microhei || exit 0
if have_cjk; then
  echo "installed fonts-wqy-microhei for Chinese chart labels" >&2
else
  echo "note: could not install fonts-wqy-microhei; charts will use ASCII labels" >&2
fi
exit 0
