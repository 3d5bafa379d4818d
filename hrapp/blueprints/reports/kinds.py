"""The report types: what each prints, about whom, and who signs it in which order.

A slot's `who` says who may sign it: "issuer" (an HR user or administrator who may see the
subject), "head" (a head of the subject's department or of a department above it), "subject"
(the staff member the document is about, acknowledging it) or "approver" (the user who
approved the job-description version). Slots are signed in order; optional slots
come last and do not hold up the document.
"""
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from hrapp.blueprints.reports.builders.job_description import TITLE as JD_TITLE
from hrapp.blueprints.reports.builders.job_description import build_job_description
from hrapp.blueprints.reports.builders.roster import TITLE as ROSTER_TITLE
from hrapp.blueprints.reports.builders.roster import build_roster
from hrapp.blueprints.reports.builders.staff_card import TITLE as CARD_TITLE
from hrapp.blueprints.reports.builders.staff_card import build_staff_card
from hrapp.blueprints.reports.pdf.document import BuiltPdf, Letterhead
from hrapp.blueprints.reports.roster_sources import period_label, roster_pdf_data, roster_refusal, roster_subject_key
from hrapp.blueprints.reports.sources import job_description_data, staff_card_data
from hrapp.models import DocumentKind, JobDescription, Roster, StaffMember
from hrapp.permissions import can_edit_roster


@dataclass(frozen=True)
class SlotSpec:
    label: str
    who: str
    reason: str
    required: bool = True


@dataclass(frozen=True)
class Subject:
    """What a document is about, resolved from a record: keys for versions and for access checks."""

    key: str
    label: str
    staff_id: int | None = None
    department_id: int | None = None
    position_id: int | None = None
    source_id: int | None = None
    approver_id: int | None = None
    period_start_on: date | None = None
    period_end_on: date | None = None


@dataclass(frozen=True)
class ReportType:
    """`may_issue(user, record)` replaces the default issuing check (HR and administrators who may see
    the subject); `refusal(record)` names why a record cannot be issued at all (None if it can)."""

    kind: DocumentKind
    prefix: str
    title: str
    slots: tuple[SlotSpec, ...]
    may_issue: Callable[[object, object], bool] | None = None
    refusal: Callable[[object], str | None] | None = None

    def subject(self, record) -> Subject:
        return SUBJECTS[self.kind](record)

    def build(self, record, letterhead: Letterhead) -> BuiltPdf:
        labels = tuple(s.label for s in self.slots)
        return BUILDERS[self.kind](record, letterhead, labels)


def _staff_subject(staff: StaffMember) -> Subject:
    return Subject(key=f"staff:{staff.id}", label=f"{staff.staff_number} {staff.name_zh}"[:160],
                   staff_id=staff.id, department_id=staff.department_id)


def _jd_subject(jd: JobDescription) -> Subject:
    position = jd.position
    return Subject(key=f"position:{position.id}", label=f"{position.code} {position.name} v{jd.version}"[:160],
                   department_id=position.department_id, position_id=position.id, source_id=jd.id,
                   approver_id=jd.approved_by_id)


def _roster_subject(roster: Roster) -> Subject:
    department, period = roster.department, period_label(roster)
    return Subject(key=roster_subject_key(roster), label=f"{department.code} {department.name} {period}"[:160],
                   department_id=department.id, source_id=roster.id, period_start_on=roster.starts_on,
                   period_end_on=roster.ends_on)


SUBJECTS = {DocumentKind.STAFF_CARD: _staff_subject, DocumentKind.JOB_DESCRIPTION: _jd_subject,
            DocumentKind.ROSTER: _roster_subject}
BUILDERS = {
    DocumentKind.STAFF_CARD: lambda r, lh, labels: build_staff_card(staff_card_data(r, lh, labels)),
    DocumentKind.JOB_DESCRIPTION: lambda r, lh, labels: build_job_description(job_description_data(r, lh, labels)),
    DocumentKind.ROSTER: lambda r, lh, labels: build_roster(roster_pdf_data(r, lh, labels)),
}

STAFF_CARD = ReportType(DocumentKind.STAFF_CARD, "SC", CARD_TITLE, (
    SlotSpec("人事部 HR", "issuer", "人事档案核准 Staff record certified"),
    SlotSpec("员工确认 Staff acknowledgement", "subject", "本人确认 Acknowledged by the staff member", required=False),
))
JOB_DESCRIPTION = ReportType(DocumentKind.JOB_DESCRIPTION, "JD", JD_TITLE, (
    SlotSpec("批准 Approved by", "approver", "岗位说明书批准 Job description approved"),
))
# A head issues and signs their department's published roster; HR may add a filing signature.
ROSTER = ReportType(DocumentKind.ROSTER, "RS", ROSTER_TITLE, (
    SlotSpec("部门经理 Department head", "head", "排班表审核 Roster approved by the department head"),
    SlotSpec("人事部 HR", "issuer", "排班表备案 Roster filed by HR", required=False),
), may_issue=can_edit_roster, refusal=roster_refusal)
REPORT_TYPES = {t.kind: t for t in (STAFF_CARD, JOB_DESCRIPTION, ROSTER)}
CLI_NAMES = {"staff-card": DocumentKind.STAFF_CARD, "job-description": DocumentKind.JOB_DESCRIPTION,
             "roster": DocumentKind.ROSTER}
