"""How many people each (day, shift type) of a roster has, over the whole roster, remembered per roster state.

A page of a large roster's grid, and a cell save, need the whole roster's staffing (coverage, understaffing)
but only a few people's cells. Counting 600 people × 31 days in the database on every page view was a fifth
of the page's time, though the figures only change when the roster's cells do, and every cell change goes
through `apply_changes`, which bumps the roster's version. So the counts are kept in this process, keyed by
the roster's identity and state: id, version, creation and last update time (the times make a key unique
even when a test database rolls back and hands out the same id and version again, and when a change is
rolled back after its flush). Each process keeps the few most recent rosters' counts; it never has to be told
of a change, because a change makes a new key.
"""
from collections import OrderedDict
from collections.abc import Mapping
from datetime import date
from threading import Lock

from hrapp.models import Roster

KEPT = 32  # rosters whose counts a process keeps

Counts = Mapping[tuple[date, int], int]  # (day, shift type id) -> people

_counts: OrderedDict[tuple, Counts] = OrderedDict()
_lock = Lock()


def state_key(roster: Roster) -> tuple:
    """The roster's identity and state: changes with every change of its cells."""
    return roster.id, roster.version_id, roster.created_at, roster.updated_at


def known_counts(roster: Roster) -> Counts | None:
    """The roster's counts at its current state, if this process has them."""
    key = state_key(roster)
    with _lock:
        counts = _counts.get(key)
        if counts is not None:
            _counts.move_to_end(key)
        return counts


def remember_counts(roster: Roster, counts: Counts) -> None:
    """Keep `counts` as the roster's at its current state (the oldest roster's are forgotten past KEPT)."""
    with _lock:
        _counts[state_key(roster)] = dict(counts)
        _counts.move_to_end(state_key(roster))
        while len(_counts) > KEPT:
            _counts.popitem(last=False)


def counts_after(counts: Mapping[tuple[date, str], int], changes: Mapping[tuple[int, date], str | None],
                 code_at) -> dict[tuple[date, str], int]:
    """(day, code) counts once `changes` ((staff, day) -> code or None) replace the codes `code_at(staff, day)`
    gives."""
    out = dict(counts)
    for (staff_id, day), code in changes.items():
        old = code_at(staff_id, day)
        if old is not None:
            out[(day, old)] = out.get((day, old), 0) - 1
        if code is not None:
            out[(day, code)] = out.get((day, code), 0) + 1
    return {key: n for key, n in out.items() if n}
