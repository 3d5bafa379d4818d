"""What the ledger pages show, assembled from the queries (no writes): the list's sorts and filters, the
departments' close state, a person's month with its resolution forms."""
from collections import Counter
from dataclasses import dataclass

import sqlalchemy as sa
from flask import render_template
from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.period_close.services import period_states
from hrapp.core.listing import Filter, Listing, like_escape
from hrapp.core.periods import Period
from hrapp.extensions import db
from hrapp.forms import posted_version
from hrapp.models import Department, PeriodClose, StaffMember, Violation, ViolationState
from hrapp.naming import english_ui
from hrapp.period_close import closed_for

from . import rules
from .access import can_resolve_ledger_of
from .forms import AdjustForm, DeferForm, OverrideForm
from .labels import STATUS_STYLES, STATUSES, flag_text
from .queries import Ledger, month_records, open_violation_clause, person_line
from .services import MODULE, Change

# What both ledger pages need to show a status and its flags.
LABEL_CONTEXT = {"statuses": STATUSES, "status_styles": STATUS_STYLES, "flag_text": flag_text}


def _search(query: sa.Select, text: str) -> sa.Select:
    pattern = f"%{like_escape(text)}%"
    return query.where(sa.or_(StaffMember.name_zh.like(pattern, escape="\\"),
                              StaffMember.staff_number.like(pattern, escape="\\")))


def _status(value: str) -> str:
    if value not in (rules.OK, rules.FLAGGED, rules.ACCEPTED):
        raise ValueError(value)
    return value


def ledger_listing(ledger: Ledger) -> Listing:
    """The list's declaration for this month: flagged people first by default; filters by name or number and
    by status (which the month's computed ledger decides)."""
    flagged = ledger.flagged_ids()
    accepted = [x.staff_id for x in ledger.lines.values() if x.status == rules.ACCEPTED]
    by_status = {rules.FLAGGED: flagged, rules.ACCEPTED: accepted}

    def status_filter(query: sa.Select, value: str) -> sa.Select:
        if value == rules.OK:
            return query.where(StaffMember.id.not_in(flagged + accepted))
        return query.where(StaffMember.id.in_(by_status[value]))

    rank = sa.case((StaffMember.id.in_(flagged), 0), (StaffMember.id.in_(accepted), 1), else_=2) \
        if flagged or accepted else sa.literal(2)
    return Listing(sorts={"flag": rank, "staff_number": StaffMember.staff_number, "name": StaffMember.name_zh,
                          "department": StaffMember.department_id},
                   default_sort="flag", tiebreak=(StaffMember.staff_number, StaffMember.id),
                   filters=(Filter("q", _search), Filter("status", status_filter, parse=_status, max_length=10)))


def department_choices() -> list[Department]:
    """Departments for the filter, in tree order."""
    return list(db.session.scalars(sa.select(Department).order_by(Department.path)))


@dataclass(frozen=True)
class DepartmentState:
    """A department's conduct month: its close record (None: never closed) and what blocks a close."""

    department: Department
    close: PeriodClose | None
    flagged: int
    open_violations: int

    @property
    def is_closed(self) -> bool:
        return self.close is not None and self.close.is_closed


def department_states(month: Period, department: Department | None, ledger: Ledger) -> list[DepartmentState]:
    """The close state of `month` for `department`'s tree (every department when None); three queries."""
    query = sa.select(Department).order_by(Department.path)
    if department is not None:
        query = query.where(Department.path.startswith(department.path, autoescape=True))
    departments = list(db.session.scalars(query))
    records = period_states(month, departments)
    flagged = Counter(db.session.scalars(sa.select(StaffMember.department_id).where(
        StaffMember.id.in_(ledger.flagged_ids())))) if ledger.flagged_ids() else Counter()
    waiting = {department_id: n for department_id, n in db.session.execute(
        sa.select(Violation.department_id, sa.func.count()).where(open_violation_clause(month.name))
        .group_by(Violation.department_id))}
    return [DepartmentState(d, records.get((MODULE, d.id)), flagged.get(d.id, 0), waiting.get(d.id, 0))
            for d in departments]


def _forms(line, violations: list[Violation]) -> dict:
    final = [v for v in violations if v.state == ViolationState.FINAL]
    resolution = line.resolution if line is not None else None
    return {
        "adjust": AdjustForm(formdata=None, prefix="adjust", data={"rows": [
            {"violation_id": v.id, "version_id": v.version_id, "amount": v.amount} for v in final]}),
        "defer": DeferForm(formdata=None, prefix="defer", data={"rows": [
            {"violation_id": v.id, "version_id": v.version_id, "chosen": False} for v in final]}),
        "override": OverrideForm(formdata=None, prefix="override",
                                 data={"version_id": resolution.version_id if resolution is not None else 0}),
    }


def person_page(staff: StaffMember, month: Period, failed=None):
    """A person's month page; `failed` is a resolution form that came back with problems (shown, status 400)."""
    line = person_line(staff, month)
    violations, rewards = month_records(staff, month.name)
    forms = _forms(line, violations)
    if failed is not None:
        forms[failed._prefix.rstrip("-")] = failed
    close = closed_for(MODULE, staff.department, month.first, month.last)
    resolvable = line is not None and bool(line.flags) and close is None \
        and can_resolve_ledger_of(current_user, staff)
    return render_template(
        "conduct/ledger/person_month.html", staff=staff, month=month, line=line, violations=violations,
        by_id={v.id: v for v in violations}, rewards=rewards, forms=forms, close=close, resolvable=resolvable,
        final=ViolationState.FINAL, refused=failed.form_errors if failed is not None and not resolvable else [], title_locale="en" if english_ui() else "zh", **LABEL_CONTEXT,
        title=_("%(name)s · conduct ledger %(month)s", name=staff.name_zh, month=month.name)), \
        400 if failed is not None else 200


def changes(rows, with_amount: bool = False, chosen_only: bool = False) -> list[Change]:
    """The violations a resolution form's rows name (only the ticked ones when `chosen_only`)."""
    return [Change(row.violation_id.data or 0, posted_version(row.version_id.data),
                   row.amount.data if with_amount else None)
            for row in rows if not chosen_only or row.chosen.data]
