"""The signed appraisal form (季度考核表) through the report registry: `report appraisal-form APPRAISAL_ID`.

Issued once the result is published (or later), by whoever may see the result (the person their own, heads their
departments', HR everyone's); seen by the same people. Signed in order by the scorer (the user who submitted the
head's scores: the subject's recorded "approver"), HR, then (optionally) the person acknowledging it, once they
have acknowledged or their appeal has been decided. The printed content is the fingerprint the registry
compares, so a form becomes outdated when an appeal is lodged or decided or the result adjusted; acknowledging
prints nothing new."""
from collections.abc import Sequence

import sqlalchemy as sa
from flask import current_app
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.reports.pdf.document import Letterhead
from hrapp.blueprints.reports.sources import date_text, person_name
from hrapp.blueprints.reports.types import RecordNotFound, ReportType, SlotSpec, Subject
from hrapp.company import company_settings, local_day
from hrapp.core.localtime import local_datetime
from hrapp.core.urls import in_db_range
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalAdjustment, AppraisalStatus, CriterionKind

from ..access import RESULT_VISIBLE
from ..totals import item_result
from . import rules
from .access import can_issue_form, can_view_form, form_scope
from .messages import FORM_NOT_YET, SUBJECT_SIGNS_LATER
from .pdf import TITLE, AdjustmentRow, AppraisalFormData, ItemRow, build_appraisal_form

FORM_KIND = "appraisal_form"
APPRAISAL_PAGE = "appraisal_scoring.show_appraisal"
GRADE_TEXT = {"excellent": "优秀 Excellent", "good": "良好 Good", "pass": "合格 Satisfactory",
              "needs_improvement": "待改进 Needs improvement", "fail": "不合格 Unsatisfactory"}
DECISION_TEXT = {rules.UPHELD: "维持原结果 Result upheld", rules.ADJUSTED: "调整结果 Result adjusted"}
SCORER_TEXT = {"head": "部门经理 Department head", "general_manager": "总经理 General manager", "hr": "人事部 HR"}
VALUE_KINDS = (CriterionKind.KPI, CriterionKind.METRIC, CriterionKind.IMPORTED)
# The person signs once they stand by the result: acknowledged (by themselves or by silence) or decided.
SUBJECT_SIGNS = frozenset({AppraisalStatus.ACKNOWLEDGED, AppraisalStatus.DECIDED})


def _score(value) -> str:
    return f"{value:.2f}" if value is not None else "—"


def _both(zh: str, en: str) -> str:
    return " ".join(p for p in (zh, en) if p)


def _item(item) -> ItemRow:
    result = _score(item_result(item))
    if item.kind in VALUE_KINDS and item.value is not None:
        result = f"{item.value.normalize():f}{item.unit} → {result}"
    comments = "\n".join(c for c in (f"自评 Self: {item.self_comment}" if item.self_comment else "",
                                     f"考核人 Appraiser: {item.head_comment}" if item.head_comment else "") if c)
    return ItemRow(_both(item.title_zh, item.title_en), f"{item.weight:.2f}",
                   _score(item.self_score) if item.self_scored else "—", result, comments)


def _adjustments(appraisal: Appraisal, zone: str) -> tuple[AdjustmentRow, ...]:
    rows = db.session.scalars(sa.select(AppraisalAdjustment).where(AppraisalAdjustment.appraisal_id == appraisal.id)
                              .order_by(AppraisalAdjustment.adjusted_at, AppraisalAdjustment.id))
    return tuple(AdjustmentRow(
        local_datetime(a.adjusted_at, zone), "申诉决定 Appeal" if a.by_appeal else "校准 Calibration",
        f"{_score(a.from_total)} {GRADE_TEXT.get(getattr(a.from_grade, 'value', ''), '')} → "
        f"{_score(a.to_total)} {GRADE_TEXT.get(a.to_grade.value, '')}", a.reason,
        person_name(a.adjusted_by) if a.adjusted_by else "") for a in rows)


def form_data(appraisal: Appraisal, letterhead: Letterhead, labels: tuple[str, ...]) -> AppraisalFormData:
    """The form of `appraisal` as it stands (the person's department and position at the cycle's start)."""
    zone, cycle, staff = company_settings().timezone, appraisal.cycle, appraisal.staff
    department, position = appraisal.department, appraisal.position
    appealed = bool(appraisal.appeal_text or appraisal.appealed_at)
    decided = bool(appraisal.decision)
    scorer = person_name(appraisal.scored_by) if appraisal.scored_by else ""
    return AppraisalFormData(
        letterhead=letterhead, cycle=cycle.name, period=f"{date_text(cycle.first_on)} – {date_text(cycle.last_on)}",
        name=_both(staff.name_zh, staff.name_en) if staff else _both(department.name, "团队 Team"),
        staff_number=staff.staff_number if staff else "", department=_both(department.name, department.name_en),
        position=position.name if position else "",
        template=_both(appraisal.template.name_zh, appraisal.template.name_en),
        scorer=_both(scorer, f"({SCORER_TEXT.get(appraisal.scorer.value, '')})"),
        items=tuple(_item(item) for item in appraisal.items), self_total=_score(appraisal.self_total),
        head_total=_score(appraisal.head_total), total=_score(appraisal.total),
        grade=GRADE_TEXT.get(appraisal.grade.value, "") if appraisal.grade else "—",
        self_comment=appraisal.self_comment, head_comment=appraisal.head_comment,
        adjustments=_adjustments(appraisal, zone),
        published_on=date_text(local_day(appraisal.published_at)) if appraisal.published_at else "",
        respond_by=date_text(appraisal.respond_by),
        appeal=appraisal.appeal_text if appealed else "",
        appealed_at=local_datetime(appraisal.appealed_at, zone) if appealed else "",
        decision=DECISION_TEXT.get(appraisal.decision, appraisal.decision) if decided else "",
        decision_reason=appraisal.decision_reason if decided else "",
        decided_by=person_name(appraisal.decided_by) if decided and appraisal.decided_by else "",
        decided_at=local_datetime(appraisal.decided_at, zone) if decided else "",
        signature_labels=labels)


def form_subject(appraisal: Appraisal) -> Subject:
    """The appraisal; its scorer is the "approver" whose slot comes first."""
    who = (f"{appraisal.staff.staff_number} {appraisal.staff.name_zh}" if appraisal.staff
           else appraisal.department.code)
    return Subject(key=f"{FORM_KIND}:{appraisal.id}", label=f"{appraisal.cycle.name} {who}"[:160],
                   staff_id=appraisal.staff_id, department_id=appraisal.department_id,
                   position_id=appraisal.position_id, source_id=appraisal.id, approver_id=appraisal.scored_by_id,
                   period_start_on=appraisal.cycle.first_on, period_end_on=appraisal.cycle.last_on)


def find_appraisal(args: Sequence[str]) -> Appraisal:
    """`report appraisal-form APPRAISAL_ID` (the id the results list and the API show)."""
    raw = args[0].strip()
    appraisal = db.session.get(Appraisal, int(raw)) if raw.isdigit() and in_db_range(int(raw)) else None
    if appraisal is None:
        raise RecordNotFound(f"Unknown appraisal {args[0]}")
    return appraisal


def form_refusal(appraisal: Appraisal) -> str | None:
    """Not before the result is published (nor without a recorded scorer to sign first)."""
    if appraisal.status not in RESULT_VISIBLE or appraisal.scored_by_id is None:
        return str(FORM_NOT_YET)
    return None


def form_sign_refusal(appraisal: Appraisal, who: str) -> str | None:
    """The person signs once they stand by the result (SUBJECT_SIGNS): not while they may still appeal, nor
    while their appeal is open."""
    if who == "subject" and appraisal.status not in SUBJECT_SIGNS:
        return str(SUBJECT_SIGNS_LATER)
    return None


def appraisal_page(appraisal: Appraisal) -> tuple[str, dict] | None:
    """The appraisal's page (the scoring part's), when it is registered."""
    return (APPRAISAL_PAGE, {"appraisal_id": appraisal.id}) if APPRAISAL_PAGE in current_app.view_functions else None


FORM_FIELDS = {
    "cycle": _l("Cycle"), "period": _l("Period"), "name": _l("Name"), "staff_number": _l("Staff number"),
    "department": _l("Department"), "position": _l("Position"), "template": _l("Template"),
    "scorer": _l("Appraiser"), "items": _l("Criteria"), "self_total": _l("Self total"),
    "head_total": _l("Head total"), "total": _l("Final total"), "grade": _l("Grade"),
    "self_comment": _l("Self-assessment comment"), "head_comment": _l("Appraiser's comment"),
    "adjustments": _l("Adjustments"), "published_on": _l("Published on"), "respond_by": _l("Respond by"),
    "appeal": _l("Appeal"), "appealed_at": _l("Appealed at"), "decision": _l("Decision"),
    "decision_reason": _l("Reason for the decision"), "decided_by": _l("Decided by"), "decided_at": _l("Decided at"),
}

APPRAISAL_FORM = ReportType(
    kind=FORM_KIND, name="appraisal-form", prefix="AF", title=TITLE, slots=(
        SlotSpec("考核人 Appraiser", "approver", "考核评分 Scored by the appraiser"),
        SlotSpec("人事部 HR", "issuer", "考核结果审核 Result reviewed by HR"),
        SlotSpec("员工确认 Staff acknowledgement", "subject", "本人已阅知考核结果 Result acknowledged by the staff "
                 "member", required=False),
    ),
    model=Appraisal, subject=form_subject, data=form_data, builder=build_appraisal_form, find=find_appraisal,
    cli_args="APPRAISAL_ID", may_issue=can_issue_form, may_view=can_view_form, view_scope=form_scope,
    refusal=form_refusal, sign_refusal=form_sign_refusal, back_endpoint=appraisal_page, field_labels=FORM_FIELDS)
