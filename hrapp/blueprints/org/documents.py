"""The job description (岗位说明书) as a report type: the approved version in force, signed by its approver."""
from collections.abc import Sequence

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.org.pdf import TITLE, JobDescriptionData, Qualification, build_job_description
from hrapp.blueprints.reports.pdf.document import Letterhead
from hrapp.blueprints.reports.sources import date_text, person_name
from hrapp.blueprints.reports.types import RecordNotFound, ReportType, SlotSpec, Subject
from hrapp.extensions import db
from hrapp.models import JobDescription, JobDescriptionStatus, Position

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
        subordinates=subordinates, version=f"v{jd.version}", analysis_on=date_text(jd.analysis_on),
        approved_by=person_name(jd.approved_by) if jd.approved_by else "", approved_on=date_text(jd.approved_on),
        sections=tuple((title, getattr(jd, key)) for key, title in JD_SECTIONS),
        qualifications=quals, signature_labels=labels)


def job_description_subject(jd: JobDescription) -> Subject:
    position = jd.position
    return Subject(key=f"position:{position.id}", label=f"{position.code} {position.name} v{jd.version}"[:160],
                   department_id=position.department_id, position_id=position.id, source_id=jd.id,
                   approver_id=jd.approved_by_id)


def find_job_description(args: Sequence[str]) -> JobDescription:
    """`report job-description POSITION_CODE`: the position's approved version."""
    position = db.session.scalar(sa.select(Position).where(Position.code == args[0].upper()))
    record = position and db.session.scalar(sa.select(JobDescription).where(
        JobDescription.position_id == position.id, JobDescription.status == JobDescriptionStatus.APPROVED))
    if record is None:
        raise RecordNotFound(f"No approved job description for position {args[0]}")
    return record


def job_description_refusal(jd: JobDescription) -> str | None:
    """Only the approved version in force is issued."""
    if jd.status != JobDescriptionStatus.APPROVED:
        return str(_l("Only the approved version in force can be issued."))
    return None


JD_FIELDS = {
    "position_name": _l("Position"), "position_code": _l("Position code"), "department": _l("Department"),
    "headcount": _l("Headcount"), "job_family": _l("Job family"), "grade": _l("Grade"), "superior": _l("Superior"),
    "subordinates": _l("Subordinates"), "version": _l("Version"), "analysis_on": _l("Analysis date"),
    "approved_by": _l("Approved by"), "approved_on": _l("Approved on"), "sections": _l("Sections"),
    "qualifications": _l("Qualifications"),
}

JOB_DESCRIPTION = ReportType(
    kind="job_description", name="job-description", prefix="JD", title=TITLE, slots=(
        SlotSpec("批准 Approved by", "approver", "岗位说明书批准 Job description approved"),
    ),
    model=JobDescription, subject=job_description_subject, data=job_description_data,
    builder=build_job_description, find=find_job_description, cli_args="POSITION_CODE",
    refusal=job_description_refusal, field_labels=JD_FIELDS,
    back_endpoint=lambda jd: ("org.show_description", {"description_id": jd.id}))
