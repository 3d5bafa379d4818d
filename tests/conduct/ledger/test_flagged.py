"""The flagged people the close checks and the HR desk read (flagged_ids / flagged_people, one statement) are
exactly the computed ledger's flagged people: over the share, below the minimum wage, without a wage, and an
override that covers the deductions or no longer does."""
from datetime import date
from decimal import Decimal

import sqlalchemy as sa

from hrapp.blueprints.conduct.ledger import rules
from hrapp.blueprints.conduct.ledger.queries import compute_ledger, flagged_ids, flagged_people, may_flag
from hrapp.core.periods import parse_period
from hrapp.extensions import db
from hrapp.models import CompanySettings, LedgerResolution, LedgerResolutionKind, StaffMember, ViolationState
from hrapp.models.staff import MONEY
from tests.conftest import is_savepoint

from .conftest import MONTH


def _minimum_wage(amount: Decimal) -> None:
    settings = db.session.scalar(sa.select(CompanySettings))
    if settings is None:
        db.session.add(CompanySettings(name="x", minimum_monthly_wage_amount=amount))
    else:
        settings.minimum_monthly_wage_amount = amount
    db.session.commit()


def _override(staff, deductions: str) -> None:
    db.session.add(LedgerResolution(staff_id=staff.id, month=MONTH, kind=LedgerResolutionKind.OVERRIDE,
                                    reason="HR decided", deductions_amount=Decimal(deductions)))
    db.session.commit()


def test_flagged_ids_equal_the_computed_ledgers(ledger, make_violation, make_reward, make_staff, set_wage):
    _minimum_wage(Decimal("2690.00"))
    over_share = ledger.desk_staff  # 4350.00: 20% is 870.00; fine plus compensation 871.00
    make_violation(over_share, ledger.fine, amount=Decimal("800.00"))
    make_violation(over_share, ledger.damage, amount=Decimal("71.00"))
    set_wage(over_share, Decimal("9000.00"), date(2026, 6, 1))  # after the month's last day: not the wage
    below_minimum = ledger.hk_staff
    set_wage(below_minimum, Decimal("3000.00"), date(2026, 5, 31))  # in force on the last day
    make_violation(below_minimum, ledger.fine, amount=Decimal("400.00"))  # 3000 - 400 < 2690, within 20%
    no_wage = make_staff(ledger.housekeeping)
    make_violation(no_wage, ledger.fine, amount=Decimal("20.00"))
    covered = ledger.head_staff
    make_violation(covered, ledger.fine, amount=Decimal("900.00"))
    _override(covered, "900.00")
    outgrown = make_staff(ledger.front)  # an override recorded before another fine: flagged again
    set_wage(outgrown, Decimal("4350.00"))
    make_violation(outgrown, ledger.fine, amount=Decimal("880.00"))
    make_violation(outgrown, ledger.fine, amount=Decimal("20.00"))
    _override(outgrown, "880.00")
    within = make_staff(ledger.front)
    set_wage(within, Decimal("4350.00"))
    make_violation(within, ledger.fine, amount=Decimal("870.00"))  # exactly the share
    make_violation(within, ledger.fine, amount=Decimal("500.00"), state=ViolationState.APPEALED)  # not final
    rewarded = make_staff(ledger.front)  # only a reward: nothing deducted
    make_reward(rewarded, ledger.bonus, amount=Decimal("200.00"))
    month = parse_period(MONTH)

    computed = compute_ledger(month)
    assert sorted(flagged_ids(month)) == sorted(computed.flagged_ids()) == \
        sorted([over_share.id, below_minimum.id, no_wage.id, outgrown.id])
    assert computed.lines[covered.id].status == "accepted"
    assert sorted(flagged_people(month)) == sorted((s.id, s.department_id)
                                                  for s in (over_share, below_minimum, no_wage, outgrown))
    in_housekeeping = StaffMember.department_id == ledger.housekeeping.id
    assert sorted(flagged_ids(month, in_housekeeping)) == sorted(compute_ledger(month, in_housekeeping).flagged_ids()) \
        == sorted([below_minimum.id, no_wage.id])


def test_flagged_ids_read_the_month_in_one_statement(ledger, make_violation):
    make_violation(ledger.desk_staff, ledger.fine, amount=Decimal("900.00"))
    month = parse_period(MONTH)
    flagged_ids(month)  # the settings are read (and cached) once
    seen = []

    def on(conn, cursor, statement, *args):  # noqa: ARG001
        if not is_savepoint(statement) and "violations" in statement:
            seen.append(statement)
    sa.event.listen(db.engine, "before_cursor_execute", on)
    try:
        assert flagged_ids(month) == [ledger.desk_staff.id]
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", on)
    assert len(seen) == 1


def test_the_sql_prefilter_keeps_everyone_the_guard_rail_flags(db):
    """may_flag may keep too many (the exact judgement follows in Python) but never drops a flagged month:
    checked on the share's and the minimum wage's edges, without a wage, with and without a minimum wage."""
    share, minimum = Decimal("0.20"), Decimal("2690.00")
    cases = [(d, w) for w in (None, Decimal("2690.00"), Decimal("3000.00"), Decimal("4350.00"), Decimal("4350.05"))
             for d in (Decimal("0.00"), Decimal("0.01"), Decimal("309.99"), Decimal("310.00"), Decimal("310.01"),
                       Decimal("869.99"), Decimal("870.00"), Decimal("870.01"), Decimal("870.02"), Decimal("5000.00"))]
    for minimum_wage in (minimum, None):
        kept = [bool(db.session.scalar(sa.select(may_flag(
            sa.literal(d, MONEY), sa.null() if w is None else sa.literal(w, MONEY), share, minimum_wage))))
            for d, w in cases]
        flagged = [bool(rules.guard_rail(d, w, share, minimum_wage)) for d, w in cases]
        assert all(k for k, f in zip(kept, flagged, strict=True) if f)
        assert not kept[cases.index((Decimal("0.00"), Decimal("4350.00")))]  # nothing deducted: never a candidate
        assert kept.count(True) < len(cases)  # a filter, not everyone
