"""One app server for the shared rate-limit test: `python -m tests.auth.limiter_instance STORAGE_URI IP N`
builds its own app (its own process, its own memory) with the login limited to 3 per minute, posts N logins
from IP and prints their status codes."""
import sys

from config import TestingConfig
from hrapp import create_app
from hrapp.extensions import db


def main(storage_uri: str, ip: str, tries: int) -> None:
    config = type("InstanceConfig", (TestingConfig,), {
        "RATELIMIT_STORAGE_URI": storage_uri, "LOGIN_RATE_LIMIT": "3 per minute",
        "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    app = create_app(config)
    with app.app_context():
        db.create_all()
        client = app.test_client()
        codes = [client.post("/auth/login", data={"identifier": "x", "password": "y"},
                             environ_base={"REMOTE_ADDR": ip}).status_code for _ in range(tries)]
    print(" ".join(map(str, codes)))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
