"""The workflow mechanism's pure parts: the transition table check, `available` and `check` (no database)."""
from dataclasses import dataclass

import pytest

from hrapp.core.errors import StaleRecord
from hrapp.core.workflow import (
    Transition,
    TransitionForbidden,
    TransitionRefused,
    Workflow,
    available,
    check,
    transition_refusal,
)


@dataclass
class Record:
    status: str = "open"
    version_id: int = 3
    owner: str = "ann"


def owner(user, record) -> bool:
    return user == record.owner


def boss(user, record) -> bool:  # noqa: ARG001
    return user == "boss"


FLOW = Workflow(name="thing", transitions=(
    Transition("close", frozenset({"open"}), "closed", owner, "Close"),
    Transition("refuse", frozenset({"open", "waiting"}), "refused", boss, "Refuse", note_required=True),
    Transition("archive", frozenset({"closed"}), "archived", boss, "Archive", automatic=True),
))


@pytest.mark.parametrize("state, name, note, expected", [
    ("open", "close", "", None),
    ("open", "refuse", "because", None),
    ("waiting", "refuse", "because", None),
    ("closed", "close", "", "wrong_state"),
    ("open", "refuse", "   ", "note_required"),
    ("open", "fly", "", "unknown"),
    ("closed", "archive", "", None),
])
def test_transition_refusal_follows_the_table(state, name, note, expected):
    assert transition_refusal(FLOW, state, name, note) == expected


@pytest.mark.parametrize("user, state, expected", [
    ("ann", "open", ["close"]),
    ("boss", "open", ["refuse"]),
    ("boss", "waiting", ["refuse"]),
    ("ann", "waiting", []),
    ("bob", "open", []),
    ("boss", "closed", []),  # archive is automatic: never offered as a button
])
def test_available_lists_the_steps_the_user_may_take_now(user, state, expected):
    assert [t.name for t in available(FLOW, Record(status=state), user)] == expected


def test_check_returns_the_transition_and_changes_nothing():
    record = Record()
    assert check(FLOW, record, "close", "ann", 3).target == "closed"
    assert record.status == "open"


def test_check_refuses_a_stranger_before_anything_else():
    with pytest.raises(TransitionForbidden):
        check(FLOW, Record(status="closed"), "close", "bob", 1)


@pytest.mark.parametrize("expected_version", [2, 4, None, -1])
def test_check_refuses_a_stale_version(expected_version):
    with pytest.raises(StaleRecord):
        check(FLOW, Record(), "close", "ann", expected_version)


def test_stale_wins_over_wrong_state_so_an_old_page_says_reload():
    with pytest.raises(StaleRecord):
        check(FLOW, Record(status="closed"), "close", "ann", 1)


@pytest.mark.parametrize("record, name, note, reason, field", [
    (Record(status="closed"), "close", "", "wrong_state", "state"),
    (Record(), "refuse", "", "note_required", "note"),
    (Record(), "fly", "", "unknown", "state"),
])
def test_check_refusals_name_the_reason_and_the_field(record, name, note, reason, field):
    with pytest.raises(TransitionRefused) as exc:
        check(FLOW, record, name, "boss" if name == "refuse" else "ann", 3, note)
    assert exc.value.reason == reason and list(exc.value.errors) == [field]
