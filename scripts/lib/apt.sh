# shellcheck shell=bash
# Debian packages a script needs, installed only when missing (scripts/test.sh, scripts/bench.sh).
# Source it after defining say and die; each script decides what is missing, then:
#   apt_install_missing "${need[@]}"
# It does nothing for an empty list; otherwise apt-get update + install --no-install-recommends,
# through sudo when not root.

apt_install_missing() {
    [ "$#" -eq 0 ] && return 0
    say "installing system packages: $*"
    command -v apt-get >/dev/null || die "missing $* and no apt-get: install them yourself"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || die "need root or sudo to install $*"
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}
