#!/usr/bin/env bash
# A throwaway PostgreSQL for the team-mode tests, on 127.0.0.1 only, with password authentication (scram):
#   pg.sh start STATE    initdb in a temporary folder and start; STATE/env holds PGPORT, the superuser's name and
#                        password (TEAM_PG_SUPERUSER, TEAM_PG_PASSWORD) and the server's pid
#   pg.sh halt STATE     stop the server, keep its data (a workstation then works offline)
#   pg.sh resume STATE   start it again on the same port
#   pg.sh stop STATE     stop it and remove everything
set -euo pipefail

as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# The server detached from the caller (its own session, no inherited descriptors: CTest waits for its pipes).
launch() {
    local state=$1
    # shellcheck disable=SC1091
    . "$state/env"
    local as_pg=()
    if [ "$(id -u)" -eq 0 ]; then
        as_pg=(runuser -u postgres --)
    fi
    python3 -c 'import os, sys
os.closerange(3, 65536)
os.setsid()
os.execvp(sys.argv[1], sys.argv[1:])' "${as_pg[@]}" "$PGBIN/postgres" -D "$TEAM_PG_DATA" -c listen_addresses=127.0.0.1 \
        -p "$PGPORT" -k "$TEAM_PG_DATA" -c fsync=off -c max_connections=400 -c shared_buffers=64MB \
        </dev/null >>"$state/postgres.log" 2>&1 &
    echo $! >"$state/postgres.pid"
    for _ in $(seq 300); do
        if as_postgres "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT"; then
            return 0
        fi
        sleep 0.1
    done
    echo "team pg: the server did not start; see $state/postgres.log" >&2
    return 1
}

start() {
    local state=$1
    stop "$state"
    mkdir -p "$state"
    local tmp
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/switchboard-teampg.XXXXXX")
    chmod 755 "$tmp"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres "$tmp"
    fi
    local pgbin password port
    pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
    port=$(free_port)
    printf '%s\n' "$password" >"$tmp/pwfile"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres "$tmp/pwfile"
    fi
    as_postgres "$pgbin/initdb" -D "$tmp/data" -U postgres --pwfile="$tmp/pwfile" -A scram-sha-256 --no-sync \
        >"$state/initdb.log" 2>&1
    rm -f "$tmp/pwfile"
    cat >"$state/env" <<ENV
PGBIN=$pgbin
PGPORT=$port
TEAM_PG_TMP=$tmp
TEAM_PG_DATA=$tmp/data
TEAM_PG_SUPERUSER=postgres
TEAM_PG_PASSWORD=$password
ENV
    launch "$state"
}

halt() {
    local state=$1
    # shellcheck disable=SC1091
    . "$state/env"
    as_postgres "$PGBIN/pg_ctl" -D "$TEAM_PG_DATA" -m fast -w stop >/dev/null
}

stop() {
    local state=$1
    if [ -f "$state/env" ]; then
        # shellcheck disable=SC1091
        . "$state/env"
        as_postgres "$PGBIN/pg_ctl" -D "$TEAM_PG_DATA" -m immediate -w stop >/dev/null 2>&1 || true
        if [ -s "$state/postgres.pid" ]; then
            kill -KILL "$(cat "$state/postgres.pid")" 2>/dev/null || true
        fi
        rm -rf "$TEAM_PG_TMP"
        rm -f "$state/env" "$state/postgres.pid"
    fi
}

absolute() {
    mkdir -p "$1" && (cd "$1" && pwd)
}

case "${1:-}" in
start) start "$(absolute "$2")" ;;
halt) halt "$(absolute "$2")" ;;
resume) launch "$(absolute "$2")" ;;
stop) stop "$(absolute "$2")" ;;
*)
    echo "usage: $0 start|halt|resume|stop STATE" >&2
    exit 2
    ;;
esac
