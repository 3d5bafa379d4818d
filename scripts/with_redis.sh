#!/usr/bin/env bash
# Run a command against a private, throw-away Redis server (the broker of the RQ job runner).
#
#   scripts/with_redis.sh COMMAND [ARGS...]
#
# Start redis-server on a free local port (from 63790 up) with its files in a temporary directory,
# export REDIS_URL=redis://127.0.0.1:PORT/0 and run COMMAND. The server is stopped and the
# directory removed afterwards, whatever happens. Exits with COMMAND's status.
set -euo pipefail

if [ $# -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi
REDIS_SERVER=${REDIS_SERVER:-$(command -v redis-server || true)}
if [ -z "$REDIS_SERVER" ]; then
    echo "redis-server not found (apt-get install redis-server, or make install-test-deps)" >&2
    exit 1
fi

tmp=$(mktemp -d /tmp/hrapp-redis.XXXXXX)
server=
cleanup() {
    if [ -n "$server" ]; then
        kill -TERM "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port=$(python3 "$(dirname "$0")/free_port.py" "${REDIS_TEST_PORT:-63790}")

# No persistence: the data dies with the directory.
"$REDIS_SERVER" --port "$port" --bind 127.0.0.1 --dir "$tmp" --save "" --appendonly no \
    --logfile "$tmp/redis.log" --daemonize no &
server=$!
for _ in $(seq 100); do
    if python3 -c "import socket,sys; s=socket.create_connection(('127.0.0.1',$port),1); s.sendall(b'PING\r\n'); sys.exit(s.recv(16)!=b'+PONG\r\n')" 2>/dev/null; then
        break
    fi
    if ! kill -0 "$server" 2>/dev/null; then
        cat "$tmp/redis.log" >&2
        exit 1
    fi
    sleep 0.1
done

export REDIS_URL="redis://127.0.0.1:$port/0"
echo "Redis $("$REDIS_SERVER" --version | awk '{print $3}' | sed 's/^v=//') at 127.0.0.1:$port (throw-away server in $tmp)"
# As in with_postgres.sh: the command is a child we wait for, so TERM/INT reach it and the server still stops.
"$@" &
child=$!
trap 'kill -TERM "$child" 2>/dev/null; wait "$child"; exit 130' INT
trap 'kill -TERM "$child" 2>/dev/null; wait "$child"; exit 143' TERM
rc=0
wait "$child" || rc=$?
exit $rc
