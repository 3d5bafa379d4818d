#!/usr/bin/env bash
# `make test`: the suite on SQLite, the same suite on a throw-away PostgreSQL, and the browser
# journeys in headless Chromium (against SQLite). The PostgreSQL pass runs in the background while
# the other two run (its output is shown when it ends); HRAPP_TEST_SERIAL=1 runs them one by one.
# Every pass runs even if another fails; the exit status is non-zero if any failed.
# Extra arguments go to every pytest run (e.g. `-x`, `-k login`).
# Every pass shares one throw-away Redis server (scripts/with_redis.sh) for the RQ job-runner test,
# unless REDIS_URL already names one.
set -uo pipefail
cd "$(dirname "$0")/.."
if [ -z "${REDIS_URL:-}" ]; then
    exec scripts/with_redis.sh "$0" "$@"
fi

PYTEST=(.venv/bin/python -m pytest -q)
SQLITE=(env -u DATABASE_URL "${PYTEST[@]}" -m "not browser" "$@")
POSTGRES=(scripts/with_postgres.sh "${PYTEST[@]}" -m "not browser" "$@")
BROWSER=(env -u DATABASE_URL "${PYTEST[@]}" -m browser tests/browser "$@")

names=()
results=()
failed=0
overall=$SECONDS

record() {  # name, exit status, seconds
    names+=("$1")
    if [ "$2" -eq 0 ] || [ "$2" -eq 5 ]; then  # 5: nothing selected (e.g. by -k)
        results+=("ok      $3s")
    else
        results+=("FAILED  $3s (exit $2)")
        failed=1
    fi
}

run_pass() {
    local name=$1 start=$SECONDS rc=0
    shift
    echo
    echo "=== $name ==="
    "$@" || rc=$?
    record "$name" $rc $((SECONDS - start))
}

if [ -n "${HRAPP_TEST_SERIAL:-}" ]; then
    run_pass "SQLite" "${SQLITE[@]}"
    run_pass "PostgreSQL" "${POSTGRES[@]}"
    run_pass "Browser (Chromium, SQLite)" "${BROWSER[@]}"
else
    pg_log=$(mktemp /tmp/hrapp-test-pg.XXXXXX.log)
    pg_start=$SECONDS
    "${POSTGRES[@]}" >"$pg_log" 2>&1 &
    pg_pid=$!
    # Background jobs ignore Ctrl-C: pass it on so the PostgreSQL cluster is stopped and removed.
    trap 'kill -TERM "$pg_pid" 2>/dev/null; wait "$pg_pid"; rm -f "$pg_log"; exit 130' INT TERM
    echo "(PostgreSQL pass running in the background; its output follows the other passes)"
    run_pass "SQLite" "${SQLITE[@]}"
    run_pass "Browser (Chromium, SQLite)" "${BROWSER[@]}"
    pg_rc=0
    wait "$pg_pid" || pg_rc=$?
    pg_took=$((SECONDS - pg_start))
    trap - INT TERM
    echo
    echo "=== PostgreSQL ==="
    cat "$pg_log"
    rm -f "$pg_log"
    record "PostgreSQL" $pg_rc $pg_took
fi

echo
echo "=== Summary ($((SECONDS - overall))s) ==="
for i in "${!names[@]}"; do
    printf '%-28s %s\n' "${names[$i]}" "${results[$i]}"
done
exit $failed
