# Sourced by scripts/ensure-*.sh: apt_install WHAT PACKAGE... installs Debian packages where the platform
# allows it (apt-get, as root or with password-less sudo), trying once more after an `apt-get update`.
# Returns 1 with a note naming WHAT where it cannot try; never stops the caller.
apt_install() {
  local what=$1
  shift
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "note: no apt-get to install $what" >&2
    return 1
  fi
  local as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      as_root=(sudo -n)
    else
      echo "note: installing $what needs root" >&2
      return 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  if ! timeout 600 "${as_root[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1; then
    timeout 180 "${as_root[@]}" apt-get update -qq >/dev/null 2>&1 || true
    timeout 600 "${as_root[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1 || true
  fi
  return 0
}
