"""Turning reconciled days into proposed violations under the code of conduct, and withdrawing them again.

`sync_proposals(pairs)` is what the `days_reconciled` listener runs: for each (person, local day) it reads the
day's row and compares what it calls for (rules.wanted_proposals) with the attendance proposals already there
(by their source_ref "attendance:<staff>:<day>:<kind>"):
- called for, none there: proposed through the conduct module's one entry point (`propose_violation`), which
  lands it in PROPOSED for the head to confirm or dismiss;
- called for, one there in any state (proposed, confirmed, dismissed by the head): nothing (never twice), except
  a still-PROPOSED one whose minutes the day no longer shows: withdrawn and proposed again with the new minutes;
- not called for any more, still PROPOSED: withdrawn (the workflow's `retract` step, with a system reason);
  its reference is freed, so the day proposes again should it turn late once more;
- not called for any more, already confirmed (or further): left alone; the person's heads are told.
Nothing happens when `penalised_by_conduct` does not hold (the payroll export deducts instead) or when the
company's catalogue lacks the rule (deactivated: logged). Never commits; the actor is the system (None).
"""
import logging
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time

import sqlalchemy as sa
from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.attendance.settings import attendance_settings, penalised_by_conduct
from hrapp.blueprints.conduct.violations import propose_violation
from hrapp.blueprints.conduct.violations.submitting import record_path
from hrapp.blueprints.conduct.workflow import VIOLATION_WORKFLOW
from hrapp.company import utc_of_local
from hrapp.core import workflow
from hrapp.core.approvers import approvers_for
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import (
    AttendanceDay,
    ConductRule,
    ConductRuleVersion,
    DayStatus,
    Punch,
    RecordSource,
    RuleCategory,
    ShiftType,
    StaffMember,
    Violation,
    ViolationState,
    utcnow,
)
from hrapp.notifications import notify

from . import rules

log = logging.getLogger(__name__)

CHUNK = 500  # staff ids per IN list
NOTIFICATION_KIND = "attendance.proposal_cleared"
WITHDRAWN = "withdrawn"  # the decision of a proposal the system withdrew (a head's dismissal says "dismissed")
WITHDRAW_REASON = _l("Attendance re-read the day: it shows no lateness, early leaving or absence any more (a "
                     "correction, leave or a roster change), so the proposal was withdrawn.")
MINUTES_CHANGED = _l("Attendance re-read the day with other minutes; the proposal was withdrawn and proposed "
                     "again with the minutes the day shows now.")
# Proposals in these states are not the system's to touch any more.
UNTOUCHED = frozenset({ViolationState.DISMISSED, ViolationState.VOID})
KIND_LABELS = {rules.LATE: _l("lateness"), rules.EARLY: _l("leaving early"), rules.ABSENT: _l("absence")}


@dataclass
class SyncResult:
    """What one sync did: proposals made, withdrawn, confirmed ones reported to heads, kinds skipped."""

    proposed: int = 0
    withdrawn: int = 0
    reported: int = 0
    skipped: int = 0


def _chunks(values: list, size: int = CHUNK):
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _active_rules() -> set[str]:
    """The codes of the mapping's rules that are active penalty rules of the company's catalogue (one query)."""
    return set(db.session.scalars(sa.select(ConductRule.code).where(
        ConductRule.code.in_(set(rules.RULE_OF_KIND.values())), ConductRule.active.is_(True),
        ConductRule.category == RuleCategory.PENALTY,
        sa.exists().where(ConductRuleVersion.rule_id == ConductRule.id))))


def _days_of(pairs: set[tuple[int, date]]) -> dict[tuple[int, date], object]:
    """(staff_id, day) -> the day's row (the columns proposing reads) for the pairs whose day may propose."""
    staff_ids = sorted({s for s, _ in pairs})
    first, last = min(d for _, d in pairs), max(d for _, d in pairs)
    statuses = [DayStatus(s) for s in rules.KINDS_OF_STATUS]
    found = {}
    for chunk in _chunks(staff_ids):
        for row in db.session.execute(sa.select(
                AttendanceDay.staff_id, AttendanceDay.day, AttendanceDay.status, AttendanceDay.late_minutes,
                AttendanceDay.early_minutes, AttendanceDay.in_punch_id, AttendanceDay.out_punch_id,
                AttendanceDay.shift_type_id).where(
                AttendanceDay.staff_id.in_(chunk), AttendanceDay.day.between(first, last),
                AttendanceDay.status.in_(statuses))):
            if (row.staff_id, row.day) in pairs:
                found[(row.staff_id, row.day)] = row
    return found


def _proposals_of(staff_ids: list[int], refs: set[str]) -> dict[str, Violation]:
    found = {}
    for chunk in _chunks(staff_ids):
        for violation in db.session.scalars(sa.select(Violation).where(
                Violation.source == RecordSource.ATTENDANCE, Violation.staff_id.in_(chunk))):
            if violation.source_ref in refs:
                found[violation.source_ref] = violation
    return found


def occurred_at(row, kind: str) -> datetime:
    """When the breach happened (naive UTC): the late check-in, the early check-out, else the shift's start
    (`row`: an AttendanceDay, or a row of its columns)."""
    punch_id = row.in_punch_id if kind == rules.LATE else row.out_punch_id if kind == rules.EARLY else None
    if punch_id is not None and (punch := db.session.get(Punch, punch_id)) is not None:
        return punch.punched_at
    shift_type = db.session.get(ShiftType, row.shift_type_id) if row.shift_type_id else None
    start = shift_type.start_time if shift_type is not None and shift_type.start_time else time(0, 0)
    return utc_of_local(datetime.combine(row.day, start))


_deferred: list[set] = []  # open `deferred_sync` blocks: the pairs heard meanwhile


@contextmanager
def deferred_sync():
    """Within the block, reconciled days are gathered and synced once when it ends (a bulk load, the demo: one
    sync instead of one per person re-reconciled). Yields the set of gathered pairs."""
    pairs: set = set()
    _deferred.append(pairs)
    try:
        yield pairs
    finally:
        _deferred.remove(pairs)
    sync_proposals(pairs)


def on_days_reconciled(_sender, days) -> None:
    """The `days_reconciled` listener: sync now, or gather for the open `deferred_sync` block."""
    if _deferred:
        _deferred[-1].update(days)
    else:
        sync_proposals(days)


def sync_proposals(pairs) -> SyncResult:
    """Bring the attendance proposals of the (staff_id, local day) `pairs` in line with their days (see the
    module docstring). Returns what it did; never raises for a single proposal the conduct module refuses
    (logged and skipped), so storing a punch never fails because of a fine."""
    result = SyncResult()
    pairs = {(int(s), d) for s, d in pairs}
    if not pairs or not penalised_by_conduct(attendance_settings()):
        return result
    active = _active_rules()
    if not active:
        log.info("attendance proposals: rules %s not active in the catalogue; nothing proposed",
                 sorted(set(rules.RULE_OF_KIND.values())))
        return result
    days = _days_of(pairs)
    refs = {rules.source_ref(s, d, kind): (s, d, kind) for s, d in pairs for kind in rules.KINDS}
    existing = _proposals_of(sorted({s for s, _ in pairs}), set(refs))
    wanted_refs = set()
    for (staff_id, day), row in sorted(days.items()):
        for wanted in rules.wanted_proposals(row.status, row.late_minutes, row.early_minutes):
            ref = rules.source_ref(staff_id, day, wanted.kind)
            wanted_refs.add(ref)
            if ref in existing:
                if not _outdated(existing[ref], wanted):
                    continue
                withdraw_proposal(existing.pop(ref), ref, MINUTES_CHANGED)  # proposed anew with the new minutes
                result.withdrawn += 1
            if wanted.rule_code not in active:
                log.info("attendance proposals: rule %s not active; %s not proposed", wanted.rule_code, ref)
                result.skipped += 1
                continue
            try:
                propose_violation(db.session.get(StaffMember, staff_id), wanted.rule_code, occurred_at(row, wanted.kind),
                                  source=RecordSource.ATTENDANCE, source_ref=ref, minutes=wanted.minutes)
            except ValidationFailed as exc:
                log.warning("attendance proposals: %s refused: %s", ref, exc.errors)
                result.skipped += 1
                continue
            result.proposed += 1
    for ref, violation in sorted(existing.items()):
        if ref in wanted_refs or violation.state in UNTOUCHED:
            continue
        if violation.state == ViolationState.PROPOSED:
            withdraw_proposal(violation, ref)
            result.withdrawn += 1
        else:
            report_cleared(violation, refs[ref][2], refs[ref][1])
            result.reported += 1
    return result


def _outdated(violation: Violation, wanted: rules.Wanted) -> bool:
    """A still-proposed violation whose minutes the day no longer shows (a correction moved the punch)."""
    return violation.state == ViolationState.PROPOSED and wanted.minutes is not None \
        and violation.minutes != wanted.minutes


def withdraw_proposal(violation: Violation, ref: str, reason=None) -> None:
    """Withdraw a still-proposed attendance violation (the workflow's `retract` step as the system, with
    `reason`, by default WITHDRAW_REASON in the company's language); its reference becomes
    rules.withdrawn_ref so the day may propose again later."""
    with force_locale(current_app.config.get("BABEL_DEFAULT_LOCALE", "zh")):
        reason = str(WITHDRAW_REASON if reason is None else reason)
    workflow.apply(VIOLATION_WORKFLOW, violation, "retract", None, violation.version_id, note=reason)
    violation.decision, violation.decision_reason, violation.decided_at = WITHDRAWN, reason, utcnow()
    violation.source_ref = rules.withdrawn_ref(ref, violation.id)
    db.session.flush()


def report_cleared(violation: Violation, kind: str, day: date) -> None:
    """Tell the person's heads that attendance no longer shows the breach a confirmed violation is about."""
    number, name, label = violation.number, violation.staff.name_zh, KIND_LABELS[kind]
    notify(approvers_for(violation.staff),
           lambda: _("Attendance no longer shows %(kind)s for %(name)s on %(day)s, but violation %(number)s was "
                     "already confirmed: review it.", kind=label, name=name, day=day.isoformat(), number=number),
           record_path(violation), kind=NOTIFICATION_KIND)
