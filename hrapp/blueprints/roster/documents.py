"""Roster documents: the roster a subject names ("HTL-FO 2026-05", "HTL-FO 2026-W19") and the frozen,
bilingual data the roster builder prints (from the roster grid of the roster services)."""
import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.reports import registry
from hrapp.blueprints.reports.content import content_of
from hrapp.blueprints.reports.pdf.document import Letterhead
from hrapp.blueprints.reports.sources import person_name
from hrapp.blueprints.reports.types import RecordNotFound, ReportType, SlotSpec, Subject
from hrapp.blueprints.roster.access import can_edit_roster, can_view_roster_document, roster_document_scope
from hrapp.blueprints.roster.labels import holiday_name
from hrapp.blueprints.roster.pdf import (
    TITLE,
    CoverageLine,
    LegendEntry,
    RosterDay,
    RosterLine,
    RosterPdfData,
    build_roster,
)
from hrapp.blueprints.roster.services import GridShiftType, RosterGrid, roster_grid
from hrapp.company import company_settings
from hrapp.core.localtime import local_datetime
from hrapp.core.periods import PeriodError, parse_period
from hrapp.core.periods import period_label as core_period_label
from hrapp.extensions import db
from hrapp.models import Department, IssuedDocument, PeriodKind, Roster, RosterStatus, User

ROSTER_KIND = "roster"
ISSUABLE = (RosterStatus.PUBLISHED, RosterStatus.LOCKED)
STATUS_TEXT = {RosterStatus.DRAFT: "草稿 Draft", RosterStatus.PUBLISHED: "已发布 Published",
               RosterStatus.LOCKED: "已锁定 Locked"}


def period_label(roster: Roster) -> str:
    """"2026-05" for a month roster, "2026-W19" for a week roster."""
    return core_period_label(roster.period_kind, roster.starts_on)


def roster_for(department_code: str, period: str) -> Roster | None:
    """The roster of the department (by code, any case) whose period is exactly `period`, or None.

    :raise PeriodError: `period` cannot be read.
    """
    kind, first, last = parse_period(period, tuple(PeriodKind))
    return db.session.scalar(
        sa.select(Roster).join(Department, Department.id == Roster.department_id)
        .where(Department.code == department_code.strip().upper(), Roster.period_kind == PeriodKind(kind),
               Roster.starts_on == first, Roster.ends_on == last))


def roster_subject_key(roster: Roster) -> str:
    """"roster:<department id>:<period>": the signed versions of one department's period form a series."""
    return f"roster:{roster.department_id}:{period_label(roster)}"


def roster_documents(roster: Roster) -> list[IssuedDocument]:
    """Every signed version issued for the roster's department and period, newest first (callers check
    can_view_document before linking to one)."""
    return registry.versions_of(ROSTER_KIND, roster_subject_key(roster))


def roster_refusal(roster: Roster) -> str | None:
    """Why `roster` cannot be issued as a signed document (None if it can): drafts are not issued."""
    if roster.status not in ISSUABLE:
        return str(_l("Only a published or locked roster can be issued as a signed document."))
    return None


def _hours(grid_type: GridShiftType) -> str:
    if grid_type.start is None or grid_type.end is None:
        return ""
    overnight = grid_type.end <= grid_type.start
    return f"{grid_type.start:%H:%M}–{grid_type.end:%H:%M}" + (" (+1)" if overnight else "")


def _number(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _published(roster: Roster) -> str:
    if roster.published_at is None:
        return ""
    when = local_datetime(roster.published_at, company_settings().timezone)
    user = db.session.get(User, roster.published_by_id) if roster.published_by_id else None
    return when + (f" · {person_name(user)}" if user else "")


def _coverage(grid: RosterGrid) -> tuple[CoverageLine, ...]:
    lines = []
    for t in grid.shift_types:
        if t.kind != "work":
            continue
        totals = [grid.columns.get((d.day, t.code)) for d in grid.days]
        if not any(c is not None and (c.assigned or c.required) for c in totals):
            continue
        lines.append(CoverageLine(t.code, tuple(str(c.assigned) if c else "" for c in totals),
                                  tuple(bool(c and c.missing) for c in totals)))
    return tuple(lines)


def roster_pdf_data(roster: Roster, letterhead: Letterhead, labels: tuple[str, ...]) -> RosterPdfData:
    """The roster as it stands: every row of the grid, the shift types in use or active, the coverage."""
    grid = roster_grid(roster)
    department = roster.department
    used = {cell.code for row in grid.rows for cell in row.cells.values()}
    legend = tuple(LegendEntry(t.code, f"{t.name} {t.name_en}".strip(), _hours(t), t.kind)
                   for t in grid.shift_types if t.is_active or t.code in used)
    lines = tuple(
        RosterLine(row.staff_number, row.name,
                   tuple(row.cells[d.day].code if d.day in row.cells else "" for d in grid.days),
                   (_number(row.totals.hours), str(row.totals.work_days), str(row.totals.nights),
                    str(row.totals.rest_days), str(row.totals.leave_days)))
        for row in grid.rows)
    days = tuple(RosterDay(d.day, d.kind, d.is_weekend, holiday_name(d.holiday_name)) for d in grid.days)
    return RosterPdfData(
        letterhead=letterhead,
        department=" ".join(p for p in (department.code, department.name, department.name_en) if p),
        period=f"{period_label(roster)} ({roster.starts_on.isoformat()} – {roster.ends_on.isoformat()})",
        status=STATUS_TEXT.get(roster.status, roster.status.value), published=_published(roster), days=days,
        lines=lines, legend=legend, coverage=_coverage(grid), signature_labels=labels)


TOTAL_KEYS = ("hours", "work_days", "nights", "rest_days", "leave_days")
ROSTER_FIELDS = {
    "department": _l("Department"), "period": _l("Period"), "status": _l("Status"), "published": _l("Published"),
    "days": _l("Days"), "kind": _l("Day type"), "holiday_name": _l("Holiday"), "lines": _l("Schedule"),
    "codes": _l("Shifts"), "totals": _l("Totals"), "hours": _l("Hours"), "work_days": _l("Work days"),
    "nights": _l("Nights"), "rest_days": _l("Rest days"), "leave_days": _l("Leave days"),
    "legend": _l("Shift types"), "coverage": _l("Coverage"), "counts": _l("Scheduled"),
}


def roster_content(data: RosterPdfData) -> dict:
    """The roster's content keyed the way people read it: row "S001 张三" › day "2026-05-03" › shift."""
    days = [d.day.isoformat() for d in data.days]
    content = content_of(data)
    content["lines"] = {f"{line.staff_number} {line.name}": {"codes": dict(zip(days, line.codes, strict=True)),
                                                            "totals": dict(zip(TOTAL_KEYS, line.totals, strict=True))}
                        for line in data.lines}
    content["coverage"] = {line.code: {"counts": dict(zip(days, line.counts, strict=True))} for line in data.coverage}
    return content


def roster_subject(roster: Roster) -> Subject:
    department, period = roster.department, period_label(roster)
    return Subject(key=roster_subject_key(roster), label=f"{department.code} {department.name} {period}"[:160],
                   department_id=department.id, source_id=roster.id, period_start_on=roster.starts_on,
                   period_end_on=roster.ends_on)


def find_roster(args) -> Roster:
    """`report roster DEPARTMENT_CODE PERIOD` (YYYY-MM or YYYY-Www)."""
    try:
        roster = roster_for(args[0], args[1])
    except PeriodError as exc:
        raise RecordNotFound(str(exc)) from exc
    if roster is None:
        raise RecordNotFound(f"No roster of department {args[0]} for {args[1]}")
    return roster


# A head issues and signs their department's published roster; HR may add a filing signature.
ROSTER = ReportType(
    kind=ROSTER_KIND, name="roster", prefix="RS", title=TITLE, slots=(
        SlotSpec("部门经理 Department head", "head", "排班表审核 Roster approved by the department head"),
        SlotSpec("人事部 HR", "issuer", "排班表备案 Roster filed by HR", required=False),
    ),
    model=Roster, subject=roster_subject, data=roster_pdf_data, builder=build_roster, find=find_roster,
    cli_args="DEPARTMENT_CODE PERIOD", may_issue=can_edit_roster, may_view=can_view_roster_document,
    view_scope=roster_document_scope, refusal=roster_refusal,
    back_endpoint=lambda roster: ("roster.show_roster", {"roster_id": roster.id}),
    content=roster_content, field_labels=ROSTER_FIELDS)

