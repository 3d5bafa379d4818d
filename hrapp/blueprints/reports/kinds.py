"""The report types: what each prints, about whom, and who signs it in which order.

A slot's `who` says who may sign it: "issuer" (an HR user or administrator who may see the
subject), "head" (a head of the subject's department or of a department above it), "subject"
(the staff member the document is about, acknowledging it) or "approver" (the user who
approved the job-description version). Slots are signed in order; optional slots
come last and do not hold up the document.
"""
from dataclasses import dataclass

from hrapp.blueprints.reports.builders.job_description import TITLE as JD_TITLE
from hrapp.blueprints.reports.builders.job_description import build_job_description
from hrapp.blueprints.reports.builders.staff_card import TITLE as CARD_TITLE
from hrapp.blueprints.reports.builders.staff_card import build_staff_card
from hrapp.blueprints.reports.pdf.document import BuiltPdf, Letterhead
from hrapp.blueprints.reports.sources import job_description_data, staff_card_data
from hrapp.models import DocumentKind, JobDescription, StaffMember


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


@dataclass(frozen=True)
class ReportType:
    kind: DocumentKind
    prefix: str
    title: str
    slots: tuple[SlotSpec, ...]

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


SUBJECTS = {DocumentKind.STAFF_CARD: _staff_subject, DocumentKind.JOB_DESCRIPTION: _jd_subject}
BUILDERS = {
    DocumentKind.STAFF_CARD: lambda r, lh, labels: build_staff_card(staff_card_data(r, lh, labels)),
    DocumentKind.JOB_DESCRIPTION: lambda r, lh, labels: build_job_description(job_description_data(r, lh, labels)),
}

STAFF_CARD = ReportType(DocumentKind.STAFF_CARD, "SC", CARD_TITLE, (
    SlotSpec("人事部 HR", "issuer", "人事档案核准 Staff record certified"),
    SlotSpec("员工确认 Staff acknowledgement", "subject", "本人确认 Acknowledged by the staff member", required=False),
))
JOB_DESCRIPTION = ReportType(DocumentKind.JOB_DESCRIPTION, "JD", JD_TITLE, (
    SlotSpec("批准 Approved by", "approver", "岗位说明书批准 Job description approved"),
))
REPORT_TYPES = {t.kind: t for t in (STAFF_CARD, JOB_DESCRIPTION)}
CLI_NAMES = {"staff-card": DocumentKind.STAFF_CARD, "job-description": DocumentKind.JOB_DESCRIPTION}
