"""Print the first TCP port from START (argv[1]) on 127.0.0.1 that nothing listens on (tries 200)."""
import socket
import sys

start = int(sys.argv[1])
for port in range(start, start + 200):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            continue
        print(port)
        break
else:
    sys.exit(f"no free port from {start}")
