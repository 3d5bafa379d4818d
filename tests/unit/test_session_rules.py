"""When a login session ends (pure)."""
from hrapp.blueprints.auth.rules import session_expired

START = 1_000_000.0


def test_a_fresh_session_lasts():
    assert session_expired(START, START, START + 60, 30, 12) is None


def test_idle_for_the_limit_ends_it():
    assert session_expired(START, START + 100, START + 100 + 30 * 60, 30, 12) == "idle"
    assert session_expired(START, START + 100, START + 100 + 30 * 60 - 1, 30, 12) is None


def test_the_lifetime_ends_it_however_busy():
    assert session_expired(START, START + 12 * 3600 - 1, START + 12 * 3600, 30, 12) == "lifetime"


def test_no_stamps_means_not_expired():
    assert session_expired(None, None, START, 30, 12) is None
