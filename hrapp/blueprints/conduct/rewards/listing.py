"""The list pages' declarations (hrapp.core.listing): rewards and measures, with their filters and sorts."""
from datetime import datetime

import sqlalchemy as sa

from hrapp.blueprints.conduct.rewards.rules import MEASURE_KINDS, REWARD_KINDS
from hrapp.blueprints.staff.services import department_subtree_ids
from hrapp.core.listing import Filter, Listing, like_escape, positive_int
from hrapp.models import DisciplinaryMeasure, Measure, Reward, RewardState, RuleKind, StaffMember


def month(value: str) -> str:
    """A "YYYY-MM" month; ValueError otherwise."""
    return datetime.strptime(value, "%Y-%m").strftime("%Y-%m")


def _reward_kind(value: str) -> RuleKind:
    if value not in REWARD_KINDS:
        raise ValueError(value)
    return RuleKind(value)


def _measure_kind(value: str) -> Measure:
    if value not in MEASURE_KINDS:
        raise ValueError(value)
    return Measure(value)


def person_clause(text: str) -> sa.ColumnElement[bool]:
    """A person by staff number (exact) or name (part of the Chinese or English name)."""
    pattern = f"%{like_escape(text)}%"
    return sa.or_(StaffMember.staff_number == text, StaffMember.name_zh.like(pattern, escape="\\"),
                  StaffMember.name_en.like(pattern, escape="\\"))


REWARDS = Listing(
    sorts={"awarded": Reward.awarded_on, "number": Reward.number, "state": Reward.state, "amount": Reward.amount,
           "person": StaffMember.staff_number},
    default_sort="-awarded",
    tiebreak=(Reward.id.desc(),),
    filters=(
        Filter("department", lambda q, d: q.where(Reward.department_id.in_(department_subtree_ids(d))),
               parse=positive_int, max_length=18),
        Filter("month", lambda q, m: q.where(Reward.ledger_month == m), parse=month, max_length=7),
        Filter("state", lambda q, s: q.where(Reward.state == s), parse=RewardState, max_length=20),
        Filter("kind", lambda q, k: q.where(Reward.kind == k), parse=_reward_kind, max_length=20),
        Filter("person", lambda q, p: q.where(person_clause(p)), max_length=40),
    ),
)

MEASURES = Listing(
    sorts={"starts": DisciplinaryMeasure.starts_on, "kind": DisciplinaryMeasure.kind,
           "person": StaffMember.staff_number},
    default_sort="-starts",
    tiebreak=(DisciplinaryMeasure.id.desc(),),
    filters=(
        Filter("department", lambda q, d: q.where(StaffMember.department_id.in_(department_subtree_ids(d))),
               parse=positive_int, max_length=18),
        Filter("kind", lambda q, k: q.where(DisciplinaryMeasure.kind == k), parse=_measure_kind, max_length=20),
        Filter("person", lambda q, p: q.where(person_clause(p)), max_length=40),
        Filter("active", lambda q, a: q.where(DisciplinaryMeasure.revoked_at.is_(None) if a == "1"
                                              else DisciplinaryMeasure.revoked_at.is_not(None)),
               parse=lambda v: v if v in ("0", "1") else int("x"), max_length=1),
    ),
)
