"""The commendation (表彰通知) as a report type: an approved reward, signed by HR or the general manager of the
person's unit (whoever may issue it: the slot's "record_issuer")."""
from collections.abc import Sequence

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.conduct.access import can_view_reward, is_general_manager_for, reward_scope
from hrapp.blueprints.conduct.documents import wording
from hrapp.blueprints.conduct.documents.notice import person_of, record_page
from hrapp.blueprints.conduct.documents.pdf import COMMENDATION_TITLE, CommendationData, build_commendation
from hrapp.blueprints.reports.access import ReportPerm
from hrapp.blueprints.reports.pdf.document import Letterhead
from hrapp.blueprints.reports.types import RecordNotFound, ReportType, SlotSpec, Subject
from hrapp.company import company_settings
from hrapp.extensions import db
from hrapp.models import IssuedDocument, Reward, RewardState
from hrapp.permissions import has_perm, is_self

COMMENDATION_KIND = "commendation"
REWARD_PAGE = ("conduct_rewards.show_reward", "reward_id")


def commendation_data(reward: Reward, letterhead: Letterhead, labels: tuple[str, ...]) -> CommendationData:
    """The commendation of `reward` as it stands."""
    version = reward.rule_version
    return CommendationData(
        letterhead=letterhead, number=reward.number, person=person_of(reward.staff, reward.department),
        awarded_on=reward.awarded_on.isoformat(), rule_code=reward.rule.code,
        rule_text="\n".join(t for t in (version.title_zh, version.title_en) if t),
        kind=wording.REWARD_KINDS.get(reward.kind, str(reward.kind)), reason=reward.reason,
        amount=wording.money_text(reward.amount), points=wording.points_text(reward.points),
        proposed_by=wording.user_text(reward.proposed_by), approved_by=wording.user_text(reward.decided_by),
        approved_at=wording.when_text(reward.decided_at, company_settings().timezone), signature_labels=labels)


def commendation_subject(reward: Reward) -> Subject:
    staff = reward.staff
    return Subject(key=f"reward:{reward.id}", label=f"{reward.number} {staff.staff_number} {staff.name_zh}",
                   staff_id=staff.id, department_id=reward.department_id, source_id=reward.id)


def find_reward(args: Sequence[str]) -> Reward:
    """`report commendation NUMBER` (the reward's number, e.g. R2026-000045, any case)."""
    reward = db.session.scalar(sa.select(Reward).where(Reward.number == args[0].strip().upper()))
    if reward is None:
        raise RecordNotFound(f"Unknown reward number {args[0]}")
    return reward


def may_issue_commendation(user, reward: Reward) -> bool:
    """HR (who may issue documents) or the general manager of the person's unit; never the person."""
    return (getattr(user, "is_active", False) and not is_self(user, reward.staff) and can_view_reward(user, reward)
            and (has_perm(user, ReportPerm.REPORT_ISSUE) or is_general_manager_for(user, reward.department)))


def may_view_commendation(user, doc: IssuedDocument) -> bool:
    reward = db.session.get(Reward, doc.source_id) if doc.source_id else None
    return reward is not None and can_view_reward(user, reward)


def commendation_scope(user) -> sa.ColumnElement[bool]:
    """SQL twin of `may_view_commendation`."""
    return IssuedDocument.source_id.in_(sa.select(Reward.id).where(reward_scope(user)))


def commendation_refusal(reward: Reward) -> str | None:
    if reward.state != RewardState.APPROVED:
        return str(_l("Only an approved reward can be issued as a commendation."))
    return None


COMMENDATION_FIELDS = {
    "number": _l("Number"), "person": _l("Staff member"), "staff_number": _l("Staff number"), "name": _l("Name"),
    "department": _l("Department"), "position": _l("Position"), "awarded_on": _l("Date"), "rule_code": _l("Rule"),
    "rule_text": _l("Rule text"), "kind": _l("Kind"), "reason": _l("Reason"), "amount": _l("Bonus"),
    "points": _l("Performance points"), "proposed_by": _l("Proposed by"), "approved_by": _l("Approved by"),
    "approved_at": _l("Approved at"),
}

COMMENDATION = ReportType(
    kind=COMMENDATION_KIND, name="commendation", prefix="CM", title=COMMENDATION_TITLE, slots=(
        SlotSpec("人事部/总经理 HR / General manager", "record_issuer", "表彰批准 Commendation approved"),
    ),
    model=Reward, subject=commendation_subject, data=commendation_data, builder=build_commendation,
    find=find_reward, cli_args="NUMBER", may_issue=may_issue_commendation, may_view=may_view_commendation,
    view_scope=commendation_scope, refusal=commendation_refusal, back_endpoint=record_page(*REWARD_PAGE),
    field_labels=COMMENDATION_FIELDS)
