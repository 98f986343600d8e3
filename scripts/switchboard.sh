#!/usr/bin/env bash
# The two commands of README.md:
#   scripts/switchboard.sh demo   install what is missing, build, open Switchboard on a fresh demo workspace
#   scripts/switchboard.sh test   install what is missing, build, run every test (CTest)
# Options via environment: BUILD_DIR (default build/ci for test, build/demo for demo), JOBS (default nproc).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mode=${1:-}
case "$mode" in
demo | test) ;;
*)
    echo "usage: $0 demo|test" >&2
    exit 2
    ;;
esac

# Debian 12 packages: build tools, Qt 6.4 modules, SQLite (FTS5), test tooling.
packages=(
    build-essential cmake ninja-build ccache pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev qt6-charts-dev qt6-svg-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-networkauth-dev qt6-websockets-dev qt6-httpserver-dev
    qtkeychain-qt6-dev libsqlite3-dev sqlite3 libpq-dev
    appstream desktop-file-utils xvfb xauth dbus gnome-keyring
)
# The Bluesky tests' real network: PostgreSQL and Redis for the AppView, npm for @atproto/dev-env and Node 22.
test_packages=(postgresql redis-server python3)

install_missing() {
    local missing=()
    for p in "${packages[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$p")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return
    fi
    echo "switchboard: installing ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

if [ "$mode" = test ]; then
    packages+=("${test_packages[@]}")
    if ! command -v npm >/dev/null; then
        packages+=(nodejs npm)
    fi
fi
install_missing
jobs=${JOBS:-$(nproc)}
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}

if [ "$mode" = test ]; then
    build=${BUILD_DIR:-$here/build/ci}
    cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSWITCHBOARD_WERROR=ON
    cmake --build "$build" --parallel "$jobs"
    # Format drift fails the run like a warning does.
    if command -v clang-format >/dev/null; then
        mapfile -t sources < <(cd "$here" && git ls-files '*.cpp' '*.h' 2>/dev/null || true)
        if [ ${#sources[@]} -gt 0 ]; then
            (cd "$here" && clang-format --dry-run --Werror "${sources[@]}")
        fi
    fi
    # Node 22 and the pinned @atproto/dev-env for the Bluesky tests' real network (a no-op once installed).
    "$here/tests/bluesky/network.sh" install "$build/bluesky-net"
    ctest --test-dir "$build" --output-on-failure --parallel "$jobs" --timeout 900
else
    build=${BUILD_DIR:-$here/build/demo}
    cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSWITCHBOARD_BUILD_TESTS=OFF
    cmake --build "$build" --parallel "$jobs" --target switchboard switchboard-cli
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        echo "switchboard: no display found; starting on a virtual X server (xvfb-run)." >&2
        exec xvfb-run -a -s "-screen 0 1600x1000x24" "$build/switchboard" --demo
    fi
    exec "$build/switchboard" --demo
fi
