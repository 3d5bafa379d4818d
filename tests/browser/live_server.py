"""The live server for browser tests, run as its own process:

    python -m tests.browser.live_server DATABASE_URI IMPORT_DIR

It prints the port it listens on (127.0.0.1, chosen by the OS) as its first line of output, then
serves until terminated. A separate process keeps the server off the test process's GIL (where
the Playwright driver runs) and shares no extension state with the apps of the other tests.
"""
import logging
import sys

from werkzeug.serving import make_server

from config import TestingConfig
from hrapp import create_app


def live_config(database_uri: str, import_dir: str) -> type:
    """TestingConfig on a file database, with CSRF protection on so the browser sends real forms."""

    class LiveConfig(TestingConfig):
        SQLALCHEMY_DATABASE_URI = database_uri
        IMPORT_DIR = import_dir
        WTF_CSRF_ENABLED = True

    return LiveConfig


def main() -> None:
    app = create_app(live_config(sys.argv[1], sys.argv[2]))
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # errors only, no access log
    server = make_server("127.0.0.1", 0, app, threaded=True)
    print(server.server_port, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
