#!/usr/bin/env bash
# Runs a test inside its own D-Bus session with an unlocked gnome-keyring secret service, so keychain code talks
# to a real secret service without touching the user's keyrings. Usage: with-keyring.sh COMMAND [ARGS...]
set -euo pipefail
data=$(mktemp -d "${TMPDIR:-/tmp}/switchboard-keyring.XXXXXX")
trap 'rm -rf "$data"' EXIT
export XDG_DATA_HOME="$data/data" XDG_RUNTIME_DIR="$data/run" XDG_CACHE_HOME="$data/cache"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" "$XDG_CACHE_HOME"
chmod 700 "$XDG_RUNTIME_DIR"
# The daemon runs in the foreground as our child, with its output detached from the test's pipes, and is
# stopped when the test ends, whatever the outcome.
dbus-run-session -- bash -c '
    printf %s switchboard-test | gnome-keyring-daemon --foreground --unlock --components=secrets \
        >/dev/null 2>&1 &
    daemon=$!
    for _ in $(seq 50); do
        dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q true && break
        sleep 0.1
    done
    status=0
    "$@" || status=$?
    kill "$daemon" 2>/dev/null || true
    wait "$daemon" 2>/dev/null || true
    exit $status' bash "$@" 2> >(grep -v "Failed to set fd limit" >&2)
