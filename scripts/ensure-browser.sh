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
if ! command -v apt-get >/dev/null 2>&1; then
  echo "note: no chromium/chromedriver and no apt-get; the browser test will be skipped" >&2
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "note: no chromium/chromedriver, and installing them needs root; the browser test will be skipped" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
packages=(chromium chromium-driver fonts-wqy-microhei)
if ! timeout 600 "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null 2>&1; then
  timeout 180 "${as_root[@]}" apt-get update -qq >/dev/null 2>&1 || true
  timeout 600 "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null 2>&1 || true
fi
if have_browser; then
  echo "installed chromium and chromium-driver for the web page's browser test" >&2
else
  echo "note: could not install chromium and chromium-driver; the browser test will be skipped" >&2
fi
exit 0
