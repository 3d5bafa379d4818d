"""Attendance — reconcile: reading punches against rostered shifts (pure rules in rules.py, the set-based service
in services.py), re-reconciling the person-days a new punch touches (the punch store's ON_STORED listener) or a published
roster's change touches (the roster's `cells_changed` signal), the
tick that turns closed days absent, the days API and `flask --app wsgi attendance reconcile YYYY-MM`."""
from hrapp.blueprints.leave.signals import leave_changed
from hrapp.blueprints.roster.services.changes import cells_changed
from hrapp.core.module import Module, TickTask

from .. import punch_store
from . import api, cli  # noqa: F401  (cli adds its command to the attendance group)
from .services import _days, reconcile_changed_cells, reconcile_recent, reconcile_touched


def _on_stored(pairs) -> None:
    reconcile_touched(pairs)


if _on_stored not in punch_store.ON_STORED:
    punch_store.ON_STORED.append(_on_stored)


def _on_cells_changed(_roster, cells) -> None:
    reconcile_changed_cells(cells)


cells_changed.connect(_on_cells_changed)  # a published roster's change re-reads the days it touches


def _on_leave_changed(_sender, staff_id: int, first, last) -> None:
    reconcile_changed_cells([(staff_id, day) for day in _days(first, last)])


leave_changed.connect(_on_leave_changed)  # approved, cancelled or cut-short leave re-reads its days (up to today)

PART = Module(
    name="attendance.reconcile",
    api_blueprints=(api.bp, api.me_bp),
    tick_tasks=(TickTask("attendance.reconcile_recent", reconcile_recent),),
    benches=("bench.attendance_reconcile",),
)
