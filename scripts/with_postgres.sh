#!/usr/bin/env bash
# Run a command against a private, throw-away PostgreSQL cluster.
#
#   scripts/with_postgres.sh COMMAND [ARGS...]
#
# initdb in a temporary directory, start the server on a free local port (from 54329 up) with its
# socket inside that directory, create the database hrapp_test, export
#   DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:PORT/hrapp_test
# and run COMMAND. The server is stopped and the directory removed afterwards, whatever happens.
# Exits with COMMAND's status. PostgreSQL refuses to run as root: as root, the server runs as the
# postgres user (created by the Debian package).
set -euo pipefail

if [ $# -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
    echo "PostgreSQL server binaries not found (apt-get install postgresql, or set PG_BIN)" >&2
    exit 1
fi

tmp=$(mktemp -d /tmp/hrapp-pg.XXXXXX)
if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$tmp"
    as_pg() { (cd "$tmp" && runuser -u postgres -- "$@"); }
else
    as_pg() { (cd "$tmp" && "$@"); }
fi

cleanup() {
    if [ -f "$tmp/data/postmaster.pid" ]; then
        as_pg "$PG_BIN/pg_ctl" -D "$tmp/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port=$(python3 "$(dirname "$0")/free_port.py" "${PGPORT:-54329}")

as_pg "$PG_BIN/initdb" -D "$tmp/data" -A trust -U postgres -E UTF8 --no-locale --no-sync >"$tmp/initdb.log" 2>&1 \
    || { cat "$tmp/initdb.log" >&2; exit 1; }
# Durability is pointless for a throw-away cluster; turning it off makes the suite faster.
as_pg "$PG_BIN/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w -t 60 \
    -o "-p $port -k $tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { cat "$tmp/server.log" >&2; exit 1; }
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres hrapp_test

export DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:$port/hrapp_test"
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') at 127.0.0.1:$port (throw-away cluster in $tmp)"
# The command runs as a child we wait for, so a TERM or INT sent to this script reaches it (and the
# EXIT trap then stops the server) instead of waiting for the command to end on its own.
"$@" &
child=$!
trap 'kill -TERM "$child" 2>/dev/null; wait "$child"; exit 130' INT
trap 'kill -TERM "$child" 2>/dev/null; wait "$child"; exit 143' TERM
rc=0
wait "$child" || rc=$?
exit $rc
