"""Turn database records into the plain, frozen data the builders print (bilingual, Chinese first).

Documents are bilingual whatever the reader's UI language, so their wording is fixed here
rather than translated per request.
"""
from hrapp.blueprints.reports.builders.job_description import JobDescriptionData, Qualification
from hrapp.blueprints.reports.builders.staff_card import HistoryRow, StaffCardData
from hrapp.blueprints.reports.pdf.document import Letterhead
from hrapp.core.text import mask_id_number
from hrapp.models import EmploymentStatus, EventKind, Gender, JobDescription, Role, StaffMember

TEXT = {
    Gender.MALE: "男 Male", Gender.FEMALE: "女 Female",
    EmploymentStatus.PROBATION: "试用 Probation", EmploymentStatus.ACTIVE: "在职 Active",
    EmploymentStatus.SUSPENDED: "停职 Suspended", EmploymentStatus.LEFT: "离职 Left",
    EventKind.HIRE: "入职 Hire", EventKind.TRANSFER: "调动 Transfer",
    EventKind.PROMOTION: "晋升 Promotion", EventKind.STATUS_CHANGE: "状态变更 Status change",
    Role.ADMIN: "管理员 Administrator", Role.HR: "人事专员 HR clerk",
    Role.HEAD: "部门经理 Department head", Role.STAFF: "员工 Staff",
}
JD_SECTIONS = (
    ("summary", "职责概述 Summary"), ("duties", "职责描述 Duties"),
    ("authority_financial", "财务权限 Financial authority"),
    ("authority_personnel", "人事权限 Personnel authority"),
    ("authority_business", "业务权限 Business authority"),
    ("special_requirements", "特殊要求 Special requirements"),
    ("training_induction", "入职培训 Induction training"),
    ("training_pre_post", "岗前培训 Pre-post training"),
    ("training_general", "综合职业素质培训 General professional training"),
    ("career_next", "晋升方向 Next position"),
    ("career_interchangeable", "可轮换岗位 Interchangeable positions"),
)
JD_QUALIFICATIONS = (
    ("education", "教育背景 Education"), ("experience", "工作经验 Experience"),
    ("knowledge", "专业知识 Knowledge"), ("competencies", "能力素质 Competencies"),
)


def text(member) -> str:
    """Bilingual wording of an enum member; its value if unknown; "" for None."""
    if member is None:
        return ""
    return TEXT.get(member, getattr(member, "value", str(member)))


def _date(value) -> str:
    return value.isoformat() if value else ""


def person_name(user) -> str:
    """How a user is named on a document: their staff name with the login, or the login alone."""
    staff = getattr(user, "staff", None)
    return f"{staff.name_zh} ({user.username})" if staff else user.username


def _status(value: str) -> str:
    return text(EmploymentStatus(value)) if value in EmploymentStatus._value2member_map_ else value


def _event_detail(event) -> str:
    parts = []
    if event.to_department:
        parts.append(f"{event.from_department.name if event.from_department else ''} → {event.to_department.name}")
    if event.to_position:
        parts.append(f"{event.from_position.name if event.from_position else ''} → {event.to_position.name}")
    if event.to_status:
        parts.append(f"{_status(event.from_status)} → {_status(event.to_status)}")
    return "; ".join(p.strip() for p in parts)


def staff_card_data(staff: StaffMember, letterhead: Letterhead, labels: tuple[str, ...]) -> StaffCardData:
    """The record card of `staff`, oldest history first; the ID number masked."""
    history = tuple(HistoryRow(_date(e.effective_on), text(e.kind), _event_detail(e), e.note)
                    for e in reversed(staff.events))
    return StaffCardData(
        letterhead=letterhead, staff_number=staff.staff_number, name=staff.name_zh, name_en=staff.name_en,
        gender=text(staff.gender), birth_on=_date(staff.birth_on), id_number_masked=mask_id_number(staff.id_number),
        department=staff.department.name, position=staff.position.name if staff.position else "",
        superior=staff.superior.display_name if staff.superior else "", hire_on=_date(staff.hire_on),
        status=text(staff.status), phone=staff.phone, email=staff.email,
        emergency_contact=f"{staff.emergency_contact_name} {staff.emergency_contact_phone}".strip(),
        history=history, signature_labels=labels)


def job_description_data(jd: JobDescription, letterhead: Letterhead, labels: tuple[str, ...]) -> JobDescriptionData:
    """One approved version of a job description with its position's facts."""
    position = jd.position
    subordinates = "、".join(f"{p.name}" for p in position.subordinate_positions)
    quals = tuple(Qualification(label, getattr(jd, f"{key}_required"), getattr(jd, f"{key}_ideal"))
                  for key, label in JD_QUALIFICATIONS
                  if getattr(jd, f"{key}_required").strip() or getattr(jd, f"{key}_ideal").strip())
    return JobDescriptionData(
        letterhead=letterhead, position_name=position.name, position_code=position.code,
        department=position.department.name, headcount=str(position.headcount), job_family=position.job_family,
        grade=position.grade, superior=position.superior_position.name if position.superior_position else "",
        subordinates=subordinates, version=f"v{jd.version}", analysis_on=_date(jd.analysis_on),
        approved_by=person_name(jd.approved_by) if jd.approved_by else "", approved_on=_date(jd.approved_on),
        sections=tuple((title, getattr(jd, key)) for key, title in JD_SECTIONS),
        qualifications=quals, signature_labels=labels)
