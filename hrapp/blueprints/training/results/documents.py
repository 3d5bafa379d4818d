"""The signed training certificate through the report registry: the record it prints is the passed attempt
(`report training-certificate RESULT_ID`, the attempt's id as the results API lists it). HR issues and signs
it; an attempt that failed, or at a course that certifies nothing, is refused."""
from collections.abc import Sequence

from flask_babel import lazy_gettext as _l

from hrapp.blueprints.reports.pdf.document import Letterhead
from hrapp.blueprints.reports.sources import date_text
from hrapp.blueprints.reports.types import RecordNotFound, ReportType, SlotSpec, Subject
from hrapp.company import company_settings
from hrapp.core.localtime import local_datetime
from hrapp.core.urls import in_db_range
from hrapp.extensions import db
from hrapp.models import Attempt

from .assessment import certificate_refusal
from .messages import MESSAGES
from .pdf import TITLE, CertificateData, build_certificate

CERTIFICATE_KIND = "training_certificate"


def _number(value) -> str:
    return f"{value.normalize():f}" if value is not None else ""


def certificate_data(attempt: Attempt, letterhead: Letterhead, labels: tuple[str, ...]) -> CertificateData:
    """The certificate of `attempt` as it stands."""
    staff, course, session, certificate = attempt.staff, attempt.course, attempt.session, attempt.certificate
    trainer = session.trainer.display_name if session.trainer else (session.trainer_name or course.trainer_name)
    return CertificateData(
        letterhead=letterhead, number=certificate.number if certificate else "", staff_number=staff.staff_number,
        name=staff.name_zh, name_en=staff.name_en, department=staff.department.name, course_code=course.code,
        course_title=course.title, course_title_en=course.title_en, hours=_number(session.hours),
        session=f"{local_datetime(session.starts_at, company_settings().timezone)} {session.place}".strip(),
        trainer=trainer or "", score=f"{_number(attempt.score)} / {_number(attempt.max_score)}",
        pass_score=_number(attempt.pass_score), attempt=str(attempt.number), issued_on=date_text(
            certificate.issued_on if certificate else attempt.taken_on),
        expires_on=date_text(certificate.expires_on) if certificate and certificate.expires_on else "长期 No expiry",
        signature_labels=labels)


def certificate_subject(attempt: Attempt) -> Subject:
    staff = attempt.staff
    number = attempt.certificate.number if attempt.certificate else f"#{attempt.id}"
    return Subject(key=f"{CERTIFICATE_KIND}:{attempt.id}",
                   label=f"{number} {staff.staff_number} {staff.name_zh} {attempt.course.code}"[:160],
                   staff_id=staff.id, department_id=staff.department_id, source_id=attempt.id)


def find_attempt(args: Sequence[str]) -> Attempt:
    """`report training-certificate RESULT_ID` (the attempt's id)."""
    raw = args[0].strip()
    attempt = db.session.get(Attempt, int(raw)) if raw.isdigit() and in_db_range(int(raw)) else None
    if attempt is None:
        raise RecordNotFound(f"Unknown training result {args[0]}")
    return attempt


def document_refusal(attempt: Attempt) -> str | None:
    """A failed attempt, or one at a course that certifies nothing, has no certificate to sign."""
    code = certificate_refusal(attempt) or (None if attempt.certificate is not None else "certificate_failed")
    return str(MESSAGES[code]) if code else None


CERTIFICATE_FIELDS = {
    "number": _l("Certificate number"), "staff_number": _l("Staff number"), "name": _l("Name"),
    "name_en": _l("English name"), "department": _l("Department"), "course_code": _l("Course code"),
    "course_title": _l("Course"), "course_title_en": _l("Course (English)"), "hours": _l("Hours"),
    "session": _l("Session"), "trainer": _l("Trainer"), "score": _l("Score"), "pass_score": _l("Pass mark"),
    "attempt": _l("Attempt"), "issued_on": _l("Issued on"), "expires_on": _l("Expires on"),
}

TRAINING_CERTIFICATE = ReportType(
    kind=CERTIFICATE_KIND, name="training-certificate", prefix="TC", title=TITLE, slots=(
        SlotSpec("人事部 HR", "issuer", "培训证书核发 Training certificate issued"),
    ),
    model=Attempt, subject=certificate_subject, data=certificate_data, builder=build_certificate,
    find=find_attempt, cli_args="RESULT_ID", refusal=document_refusal,
    back_endpoint=lambda attempt: ("training_results.show_session_results", {"session_id": attempt.session_id}),
    field_labels=CERTIFICATE_FIELDS)
