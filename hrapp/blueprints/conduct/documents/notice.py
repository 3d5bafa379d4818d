"""The penalty notice (处罚通知单) as a report type: a violation's facts, rule, penalty, appeal and decision,
signed by the department head, then HR, then — acknowledging it — the person themselves.

Issued once the violation has been submitted to the person (never a proposal, a draft or a void record), by
whoever may record for the person's department (the head, HR); seen by whoever may see the violation (the person
their own). The printed content is the fingerprint the registry compares, so a notice becomes outdated when the
amount is adjusted, an appeal is lodged or decided.
"""
from collections.abc import Sequence

import sqlalchemy as sa
from flask import current_app
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.conduct import penalty
from hrapp.blueprints.conduct.access import ConductPerm, can_view_violation, violation_scope
from hrapp.blueprints.conduct.documents import wording
from hrapp.blueprints.conduct.documents.pdf import NOTICE_TITLE, PenaltyNoticeData, Person, build_penalty_notice
from hrapp.blueprints.reports.access import ReportPerm
from hrapp.blueprints.reports.pdf.document import Letterhead
from hrapp.blueprints.reports.types import RecordNotFound, ReportType, SlotSpec, Subject
from hrapp.company import company_settings
from hrapp.extensions import db
from hrapp.models import IssuedDocument, Violation, ViolationState
from hrapp.permissions import has_perm, is_self

NOTICE_KIND = "penalty_notice"
# Not yet (or no longer) a penalty the person was told of.
NOT_ISSUABLE = frozenset({ViolationState.PROPOSED, ViolationState.DISMISSED, ViolationState.DRAFT,
                          ViolationState.VOID})
VIOLATION_PAGE = ("conduct_violations.show_violation", "violation_id")


def person_of(staff, department) -> Person:
    return Person(staff.staff_number, " ".join(p for p in (staff.name_zh, staff.name_en) if p),
                  wording.department_text(department), wording.position_text(staff))


def _occurrence(violation: Violation) -> tuple[str, str]:
    """("第2次（90天内） 2nd within 90 days", "×2 · 书面警告 Written warning") — the second "" without a step."""
    version, n = violation.rule_version, violation.occurrence
    days = version.lookback_days
    occurrence = (f"第{n}次（{days}天内） Occurrence {n} within {days} days" if days
                  else f"第{n}次 Occurrence {n}")
    step = penalty.RuleTerms.of(version).step_for(n)
    if step is None:
        return occurrence, ""
    parts = [f"×{violation.ladder_multiplier.normalize():f}"] if violation.ladder_multiplier != 1 else []
    if step.measure not in ("", "none"):
        parts.append(wording.measure_text(step.measure))
    return occurrence, " · ".join(parts) or f"第{step.occurrence}级 Step {step.occurrence}"


def notice_data(violation: Violation, letterhead: Letterhead, labels: tuple[str, ...]) -> PenaltyNoticeData:
    """The notice of `violation` as it stands (the rule as the version it was recorded under says it)."""
    zone, version = company_settings().timezone, violation.rule_version
    occurrence, step = _occurrence(violation)
    appealed = bool(violation.appeal_text or violation.appealed_at)
    return PenaltyNoticeData(
        letterhead=letterhead, number=violation.number, person=person_of(violation.staff, violation.department),
        occurred_at=wording.when_text(violation.occurred_at, zone), place=violation.place,
        rule_code=violation.rule.code, rule_text="\n".join(t for t in (version.title_zh, version.title_en) if t),
        rule_version=f"v{version.number}", description=violation.description, witnesses=violation.witnesses,
        amount=wording.money_text(violation.amount), points=wording.points_text(violation.points),
        measure=wording.measure_text(violation.measure), serious="是 Yes" if violation.serious else "否 No",
        occurrence=occurrence, step=step, recorded_by=wording.user_text(violation.recorded_by),
        respond_by=violation.respond_by.isoformat() if violation.respond_by else "",
        appeal=violation.appeal_text if appealed else "",
        appealed_at=wording.when_text(violation.appealed_at, zone) if appealed else "",
        decision=wording.decision_text(violation.decision) if violation.decision else "",
        decision_reason=violation.decision_reason if violation.decision else "",
        decided_by=wording.user_text(violation.decided_by) if violation.decision else "",
        decided_at=wording.when_text(violation.decided_at, zone) if violation.decision else "",
        signature_labels=labels)


def notice_subject(violation: Violation) -> Subject:
    staff = violation.staff
    return Subject(key=f"violation:{violation.id}", label=f"{violation.number} {staff.staff_number} {staff.name_zh}",
                   staff_id=staff.id, department_id=violation.department_id, source_id=violation.id)


def find_violation(args: Sequence[str]) -> Violation:
    """`report penalty-notice NUMBER` (the violation's number, e.g. V2026-000123, any case)."""
    number = args[0].strip().upper()
    violation = db.session.scalar(sa.select(Violation).where(Violation.number == number))
    if violation is None:
        raise RecordNotFound(f"Unknown violation number {args[0]}")
    return violation


def may_issue_notice(user, violation: Violation) -> bool:
    """Whoever may see the violation and issue documents or record violations (HR, the person's heads);
    never the person themselves."""
    return (getattr(user, "is_active", False) and not is_self(user, violation.staff)
            and (has_perm(user, ReportPerm.REPORT_ISSUE) or has_perm(user, ConductPerm.RECORD))
            and can_view_violation(user, violation))


def may_view_notice(user, doc: IssuedDocument) -> bool:
    """Whoever may see the violation it prints (the person: their own)."""
    violation = db.session.get(Violation, doc.source_id) if doc.source_id else None
    return violation is not None and can_view_violation(user, violation)


def notice_scope(user) -> sa.ColumnElement[bool]:
    """SQL twin of `may_view_notice`."""
    return IssuedDocument.source_id.in_(sa.select(Violation.id).where(violation_scope(user)))


def notice_refusal(violation: Violation) -> str | None:
    """Drafts and proposals are the recorder's work, and a void violation carries no penalty."""
    if violation.state in NOT_ISSUABLE:
        return str(_l("A penalty notice is issued once the violation has been submitted to the person (not a "
                      "proposal, a draft or a void violation)."))
    return None


# The person signs their acknowledgement once they have acknowledged, or once their appeal is decided and the
# penalty stands: not while they may still appeal, while an appeal is open, or on a void violation.
ACKNOWLEDGEABLE = frozenset({ViolationState.ACKNOWLEDGED, ViolationState.AWAITING_SECOND, ViolationState.FINAL})


def notice_sign_refusal(violation: Violation, who: str) -> str | None:
    """The staff member's acknowledgement slot opens only where they acknowledge (see ACKNOWLEDGEABLE)."""
    if who == "subject" and violation.state not in ACKNOWLEDGEABLE:
        return str(_l("The person signs the notice once they have acknowledged the violation, or once their appeal "
                      "has been decided and the penalty stands."))
    return None


def record_page(endpoint: str, argument: str):
    """`back_endpoint` for a record page another part of the package serves (None while it is not there)."""
    def back(record) -> tuple[str, dict] | None:
        return (endpoint, {argument: record.id}) if endpoint in current_app.view_functions else None
    return back


NOTICE_FIELDS = {
    "number": _l("Number"), "person": _l("Staff member"), "staff_number": _l("Staff number"), "name": _l("Name"),
    "department": _l("Department"), "position": _l("Position"), "occurred_at": _l("When"), "place": _l("Where"),
    "rule_code": _l("Rule"), "rule_text": _l("Rule text"), "rule_version": _l("Version"),
    "description": _l("What happened"), "witnesses": _l("Witnesses"), "amount": _l("Fine"),
    "points": _l("Performance points"), "measure": _l("Measure"), "serious": _l("Serious case"),
    "occurrence": _l("Occurrence"), "step": _l("Escalation"), "recorded_by": _l("Recorded by"),
    "respond_by": _l("Respond by"), "appeal": _l("Appeal"), "appealed_at": _l("Appealed at"),
    "decision": _l("Decision"), "decision_reason": _l("Reason for the decision"), "decided_by": _l("Decided by"),
    "decided_at": _l("Decided at"),
}

PENALTY_NOTICE = ReportType(
    kind=NOTICE_KIND, name="penalty-notice", prefix="PN", title=NOTICE_TITLE, slots=(
        SlotSpec("部门经理 Department head", "head", "违纪处罚 Penalty imposed by the department head"),
        SlotSpec("人事部 HR", "issuer", "处罚审核 Penalty reviewed by HR"),
        SlotSpec("员工确认 Staff acknowledgement", "subject", "本人已收到并确认 Received and acknowledged by the "
                 "staff member", required=False),
    ),
    model=Violation, subject=notice_subject, data=notice_data, builder=build_penalty_notice, find=find_violation,
    cli_args="NUMBER", may_issue=may_issue_notice, may_view=may_view_notice, view_scope=notice_scope,
    refusal=notice_refusal, sign_refusal=notice_sign_refusal, back_endpoint=record_page(*VIOLATION_PAGE), field_labels=NOTICE_FIELDS)
