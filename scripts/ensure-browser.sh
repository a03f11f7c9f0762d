#!/usr/bin/env bash
# The web page's browser test (tests/web/test_browser.py) drives a real headless Chromium through
# chromedriver, both Debian packages. Install them where the platform allows it (Debian/Ubuntu with
# apt-get, as root or with password-less sudo), with a CJK font so the page's Chinese renders in
# screenshots; anywhere else, or when the install fails, say so and carry on: the browser test then
# skips with that reason. Never fails the build.
set -uo pipefail

have_browser() {
  command -v chromedriver >/dev/null 2>&1 && { command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; }
}
have_cjk() {
  [ -n "$(fc-list :lang=zh family 2>/dev/null || true)" ]
}

if have_browser && have_cjk; then
  exit 0
fi
# shellcheck source=scripts/apt-install.sh
. "$(dirname "$0")/apt-install.sh"
apt_install "chromium and chromium-driver (the browser test will be skipped)" \
  chromium chromium-driver fonts-wqy-microhei || exit 0
if have_browser; then
  echo "installed chromium and chromium-driver for the web page's browser test" >&2
else
  echo "note: could not install chromium and chromium-driver; the browser test will be skipped" >&2
fi
exit 0
