"""Password policy and login lock rules."""
from datetime import datetime, timedelta

import pytest

from hrapp.blueprints.auth.rules import LockState, after_failure, is_locked, password_problems

NOW = datetime(2026, 11, 22, 9, 0)


@pytest.mark.parametrize("password, problem", [
    ("short", "too_short"),
    ("password123", "too_common"),
    ("qwertyuiop", "too_common"),
    ("Sunshine2026!", "too_common"),
    ("zhangsan-01", "same_as_username"),
])
def test_password_problems(password, problem):
    assert problem in password_problems(password, username="zhangsan-01")


def test_good_password_passes():
    assert password_problems("Correct-Horse-Battery-9", "zhangsan") == []


def test_fifth_failure_locks_and_lock_expires():
    state = LockState(0, None)
    for _ in range(4):
        state = after_failure(state, NOW, max_failures=5, lock_minutes=15)
        assert not is_locked(state, NOW)
    state = after_failure(state, NOW, max_failures=5, lock_minutes=15)
    assert is_locked(state, NOW + timedelta(minutes=14, seconds=59))
    assert not is_locked(state, NOW + timedelta(minutes=15))


@pytest.mark.parametrize("target, followed", [
    ("/staff/", "/staff/"), ("/roster/3?x=1", "/roster/3?x=1"), (None, None), ("", None),
    ("//evil.example/x", None), ("/\\evil.example", None), ("https://evil.example/", None), ("staff/", None),
])
def test_local_path(target, followed):
    from hrapp.core.urls import local_path
    assert local_path(target) == followed
