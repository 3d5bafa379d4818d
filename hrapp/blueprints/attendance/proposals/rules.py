"""Which reconciled days become proposed violations, under which rule (pure: no Flask, no SQLAlchemy).

The mapping is a fixed table, not a setting: the company decides what each rule costs in its catalogue (the
lateness tiers of 2-3a, the wage multiple of 2-3b), and switches the whole route off with the attendance
setting `penalties_via` (PAYROLL: the payroll export deducts instead; see policy.py). Only final-looking days
are read: late, early, late and early, absent. A pending day (its check-out window still open) and a missing
punch (a correction is expected) propose nothing.

| day status     | proposals (kind -> rule)                   | minutes           |
|----------------|--------------------------------------------|-------------------|
| late           | late -> 2-3a 迟到、早退 (handbook tiers)    | late minutes      |
| early          | early -> 2-3a                              | early minutes     |
| late_and_early | late -> 2-3a and early -> 2-3a (two)       | each its own      |
| absent         | absent -> 2-3b 无故旷工 (three days' wage) | none              |
"""
from dataclasses import dataclass
from datetime import date

LATE, EARLY, ABSENT = "late", "early", "absent"
KINDS = (LATE, EARLY, ABSENT)
LATENESS_RULE = "2-3a"  # 迟到、早退: the staff handbook's tiers by minutes
ABSENCE_RULE = "2-3b"  # 无故旷工: three days' wage
RULE_OF_KIND = {LATE: LATENESS_RULE, EARLY: LATENESS_RULE, ABSENT: ABSENCE_RULE}
# Day status (DayStatus values) -> the kinds it proposes.
KINDS_OF_STATUS = {
    "late": (LATE,),
    "early": (EARLY,),
    "late_and_early": (LATE, EARLY),
    "absent": (ABSENT,),
}
SOURCE_PREFIX = "attendance"


@dataclass(frozen=True)
class Wanted:
    """One violation a day calls for: its kind, the rule code and the minutes (None for an absence)."""

    kind: str
    rule_code: str
    minutes: int | None


def wanted_proposals(status: str | None, late_minutes: int = 0, early_minutes: int = 0) -> list[Wanted]:
    """The violations a day with `status` (a DayStatus value; None: no day any more) calls for.

    A late or early kind with no minutes (0) calls for nothing: the reconciliation said late, the minutes say
    within grace, and a fine of 0 minutes is not a proposal worth a head's time.
    """
    minutes = {LATE: late_minutes, EARLY: early_minutes}
    wanted = []
    for kind in KINDS_OF_STATUS.get(str(status) if status is not None else "", ()):
        if kind == ABSENT:
            wanted.append(Wanted(kind, RULE_OF_KIND[kind], None))
        elif (minutes[kind] or 0) > 0:
            wanted.append(Wanted(kind, RULE_OF_KIND[kind], int(minutes[kind])))
    return wanted


def source_ref(staff_id: int, day: date, kind: str) -> str:
    """The proposal's reference, unique per person, local day and kind: the idempotency key of proposing."""
    return f"{SOURCE_PREFIX}:{staff_id}:{day.isoformat()}:{kind}"


def withdrawn_ref(ref: str, violation_id: int) -> str:
    """The reference a proposal the system withdrew keeps: its own reference is freed, so the day may propose
    again should it turn late or absent once more (a head's dismissal keeps the reference: never again)."""
    return f"{ref}:withdrawn:{violation_id}"
