"""Rate limits are counted where every app server sees them: the job queue's Redis in production, each
process's memory in the embedded set-up. Two app instances in two processes share the Redis count."""
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from config import Config, ProductionConfig

ROOT = Path(__file__).resolve().parents[2]
HOW_TO_RUN = "REDIS_URL is not set: run the tests under scripts/with_redis.sh (a throw-away Redis server)."


def _instances(storage_uri: str, ip: str, tries: int, count: int = 2) -> list[int]:
    """Run `count` app instances at once, each in its own process, each posting `tries` logins from `ip`;
    every status code they got, sorted."""
    env = os.environ | {"DATABASE_URL": "sqlite://", "HRAPP_CONFIG": "testing"}
    command = [sys.executable, "-m", "tests.auth.limiter_instance", storage_uri, ip, str(tries)]
    running = [subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True) for _ in range(count)]
    codes = []
    for process in running:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        codes += [int(code) for code in out.split()[-tries:]]
    return sorted(codes)


@pytest.fixture
def redis_url() -> str:
    url = os.environ.get("REDIS_URL")
    assert url, HOW_TO_RUN
    return url


def test_production_counts_in_the_job_queues_redis(monkeypatch):
    assert Config.RATELIMIT_STORAGE_URI == "memory://"
    monkeypatch.setenv("SECRET_KEY", "s" * 32)
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://u:p@127.0.0.1/db")
    monkeypatch.setenv("PKI_PASSPHRASE", "a long passphrase")
    production = ProductionConfig()
    assert production.RATELIMIT_STORAGE_URI == production.REDIS_URL
    assert production.RATELIMIT_STORAGE_URI.startswith("redis://")


def test_two_app_servers_share_the_count_in_redis(redis_url):
    """Three logins a minute per address: the two servers' four logins get one 429 between them
    (each counting alone, as with memory://, would let all four through)."""
    ip = f"10.{secrets.randbelow(250)}.{secrets.randbelow(250)}.{secrets.randbelow(250) + 1}"
    assert _instances(redis_url, ip, 2) == [200, 200, 200, 429]
