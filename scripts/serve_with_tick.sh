#!/usr/bin/env bash
# `make run`: serve the app and, alongside it, run `flask tick` once a minute (the demo's cron).
#
#   scripts/serve_with_tick.sh [FLASK RUN ARGS...]
#
# The tick loop starts with the server and is stopped with it (Ctrl-C, TERM, or the server ending).
# Its output goes to instance/tick.log; a failing tick is also reported on the terminal.
set -uo pipefail
cd "$(dirname "$0")/.."

FLASK=("${FLASK_BIN:-.venv/bin/flask}" --app wsgi)
TICK_EVERY=${TICK_EVERY:-60}
mkdir -p instance
log=instance/tick.log

tick_loop() {
    local sleeper=
    trap '[ -n "$sleeper" ] && kill "$sleeper" 2>/dev/null; exit 0' TERM
    while true; do
        { date -u +"%F %T UTC"; "${FLASK[@]}" tick; } >>"$log" 2>&1 || echo "flask tick failed (see $log)" >&2
        sleep "$TICK_EVERY" &
        sleeper=$!
        wait "$sleeper"
    done
}

tick_loop &
loop=$!
trap 'kill -TERM "$loop" 2>/dev/null; wait "$loop" 2>/dev/null' EXIT
echo "flask tick runs every ${TICK_EVERY}s alongside the server (log: $log)"
# The server is a child we wait for, so Ctrl-C or TERM sent to this script reaches it (background
# children ignore Ctrl-C) and the EXIT trap then stops the tick loop.
"${FLASK[@]}" run "$@" &
server=$!
trap 'kill -TERM "$server" 2>/dev/null' INT TERM
rc=0
wait "$server" || rc=$?
if kill -0 "$server" 2>/dev/null; then  # the wait was cut short by a signal: let the server finish
    wait "$server" || rc=$?
fi
exit $rc
