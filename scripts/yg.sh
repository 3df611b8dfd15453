#!/usr/bin/env bash
# The README's two commands: `scripts/yg.sh run` and `scripts/yg.sh test`.
# Installs the Debian 12 packages that are missing (and only those), configures,
# builds, then launches the app or runs every test. Safe to run again.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev libqt6opengl6-dev libqt6sql6-sqlite qt6-charts-dev qt6-tools-dev
    qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libsqlite3-dev libspdlog-dev libgtest-dev libgmock-dev libsodium-dev libxlsxwriter-dev zlib1g-dev
    fonts-noto-cjk xvfb xauth poppler-utils
)

install_missing() {
    local missing=()
    for p in "${packages[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$p")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    echo "yg: installing ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
    "${sudo[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build() {
    cmake --preset default
    cmake --build --preset default -j "$(nproc)"
}

export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp/xdg-$(id -u)}"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

case "${1:-}" in
    deps)
        install_missing
        ;;
    build)
        install_missing
        build
        ;;
    run)
        install_missing
        build
        shift
        if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
            echo "yg: no display found; starting the app under Xvfb (set DISPLAY to see its window)"
            exec xvfb-run -a -s "-screen 0 1366x768x24" build/src/app/yuegong "$@"
        fi
        exec build/src/app/yuegong "$@"
        ;;
    test)
        install_missing
        build
        export QT_QPA_PLATFORM=offscreen
        ctest --preset default -j "$(nproc)"
        ;;
    *)
        echo "usage: scripts/yg.sh run|test|build|deps" >&2
        exit 2
        ;;
esac
