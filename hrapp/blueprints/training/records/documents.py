"""The signed training record (培训档案) as a report type: HR certifies it, the person may acknowledge it.
`report training-record STAFF_NUMBER`."""
from collections.abc import Sequence

from flask_babel import lazy_gettext as _l

from hrapp.blueprints.reports.pdf.document import Letterhead
from hrapp.blueprints.reports.sources import date_text
from hrapp.blueprints.reports.types import RecordNotFound, ReportType, SlotSpec, Subject
from hrapp.blueprints.training.access import can_manage_training
from hrapp.models import EmploymentStatus, StaffMember

from . import rules
from .pdf import TITLE, CertificateRow, InductionRow, SessionRow, TrainingRecordData, build_training_record
from .queries import training_record

PRESENCE_TEXT = {"unmarked": "未记录 Not marked", "present": "出席 Present", "absent": "缺席 Absent",
                 "excused": "请假 Excused"}
STATE_TEXT = {rules.EXPIRED: "已过期 Expired", rules.EXPIRING: "即将过期 Expiring soon", rules.VALID: "有效 Valid",
              rules.NO_EXPIRY: "长期有效 No expiry", rules.OVERDUE: "逾期 Overdue", "open": "待完成 To do",
              "done": "已完成 Done", "waived": "已免除 Waived"}
KIND_TEXT = {"induction": "入职培训 Induction", "pre_post": "岗前培训 Pre-post", "general": "综合培训 General"}


def _result(line) -> str:
    return "; ".join(f"#{a.number} {a.score}/{a.max_score} {'合格 Pass' if a.passed else '不合格 Fail'}"
                     for a in line.attempts)


def training_record_data(staff: StaffMember, letterhead: Letterhead, labels: tuple[str, ...]) -> TrainingRecordData:
    """The person's whole training record as it stands today (the same record the page shows)."""
    record = training_record(staff)
    return TrainingRecordData(
        letterhead=letterhead, staff_number=staff.staff_number, name=f"{staff.name_zh} {staff.name_en}".strip(),
        department=staff.department.name, position=staff.position.name if staff.position else "",
        hire_on=date_text(staff.hire_on),
        hours=tuple((str(year), str(hours)) for year, hours in record.hours),
        sessions=tuple(SessionRow(date_text(line.day), f"{line.course.code} {line.course.title}", str(line.session.hours),
                                  PRESENCE_TEXT.get(line.enrolment.presence.value, "") if line.enrolment else "",
                                  _result(line)) for line in record.lines),
        certificates=tuple(CertificateRow(c.number, c.course.title, date_text(c.issued_on), date_text(c.expires_on),
                                          STATE_TEXT[record.certificate_state(c)]) for c in record.certificates),
        inductions=tuple(InductionRow(i.course.title, KIND_TEXT.get(i.kind.value, i.kind.value), date_text(i.due_on),
                                      STATE_TEXT.get(record.induction_state(i), "")) for i in record.inductions),
        signature_labels=labels)


def record_subject(staff: StaffMember) -> Subject:
    return Subject(key=f"training_record:{staff.id}", label=f"{staff.staff_number} {staff.name_zh}"[:160],
                   staff_id=staff.id, department_id=staff.department_id, source_id=staff.id)


def find_staff(args: Sequence[str]) -> StaffMember:
    """`report training-record STAFF_NUMBER`."""
    staff = StaffMember.numbered(args[0])
    if staff is None:
        raise RecordNotFound(f"Unknown staff number {args[0]}")
    return staff


def record_sign_refusal(staff: StaffMember, who: str) -> str | None:
    """Someone who has left no longer acknowledges their record (HR still certifies it)."""
    if who == "subject" and staff.status == EmploymentStatus.LEFT:
        return str(_l("The person has left and no longer acknowledges their training record."))
    return None


RECORD_FIELDS = {
    "staff_number": _l("Staff number"), "name": _l("Name"), "department": _l("Department"),
    "position": _l("Position"), "hire_on": _l("Hire date"), "hours": _l("Training hours per year"),
    "sessions": _l("Sessions and assessments"), "certificates": _l("Certificates"),
    "inductions": _l("Induction training"),
}

TRAINING_RECORD = ReportType(
    kind="training_record", name="training-record", prefix="TR", title=TITLE, slots=(
        SlotSpec("人事部 HR", "record_issuer", "培训档案核准 Training record certified"),
        SlotSpec("员工确认 Staff acknowledgement", "subject", "本人确认 Acknowledged by the staff member",
                 required=False),
    ),
    model=StaffMember, subject=record_subject, data=training_record_data, builder=build_training_record,
    find=find_staff, cli_args="STAFF_NUMBER", may_issue=lambda user, staff: can_manage_training(user),
    sign_refusal=record_sign_refusal, field_labels=RECORD_FIELDS,
    back_endpoint=lambda staff: ("training_records.show_record", {"staff_id": staff.id}))
