"""grant_year, the tick and adjustments: statutory days by cumulative service, proration by hire date,
carry-over with its cap and expiry seen through leave_balance, idempotent re-grants keeping HR's adjustments."""
from datetime import date, datetime
from decimal import Decimal

import pytest

from hrapp.blueprints.leave.balances import leave_balance
from hrapp.blueprints.leave.setup.granting import adjust_entitlement, grant_new_hires, grant_year
from hrapp.core.errors import StaleRecord
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import AuditEntry, EmploymentStatus, LeaveStatus
from tests.leave.fixtures import write_leave

from .conftest import entitlement


def test_grant_by_years_of_service_and_proration(setup_org, make_staff):
    annual = setup_org.types["annual"]
    veteran = make_staff(setup_org.front, hire_on=date(2015, 1, 1), career_started_on=date(2005, 6, 1))
    newcomer = make_staff(setup_org.front, hire_on=date(2026, 7, 1), career_started_on=date(2010, 1, 1))
    first_job = make_staff(setup_org.front, hire_on=date(2026, 3, 1))
    grant_year(setup_org.hr, 2026)
    assert entitlement(veteran, 2026, annual).granted_days == 15  # 20 full years on 1 January
    row = entitlement(newcomer, 2026, annual)
    # 16 years of service: 10 days × 184/365 = 5.04, rounded down
    assert row.granted_days == 5 and "prorated from 2026-07-01" in row.note
    assert entitlement(first_job, 2026, annual).granted_days == 0  # under a year of cumulative service
    assert entitlement(setup_org.desk_staff, 2026, annual).granted_days == 5  # hired 2020-03-01
    assert db.session.query(AuditEntry).filter_by(action="leave_entitlement.grant").count() == 1


def test_a_first_anniversary_during_the_year_is_prorated_from_it(setup_org, make_staff):
    person = make_staff(setup_org.front, hire_on=date(2025, 10, 1))
    grant_year(setup_org.hr, 2026)
    # eligible from 2025-10-01 + 1 year: 5 days × 92/365 = 1.26 -> 1
    assert entitlement(person, 2026, setup_org.types["annual"]).granted_days == 1


def test_a_type_with_fixed_days_replaces_the_statutory_scale(setup_org):
    annual = setup_org.types["annual"]
    annual.yearly_days = Decimal(12)
    grant_year(setup_org.hr, 2026, [setup_org.hk_staff.id])
    assert entitlement(setup_org.hk_staff, 2026, annual).granted_days == 12
    assert entitlement(setup_org.desk_staff, 2026, annual) is None  # only the people asked for


def test_carry_over_is_capped_and_lapses_after_its_expiry(setup_org):
    annual, person = setup_org.types["annual"], setup_org.desk_staff
    annual.carry_over_cap, annual.carry_over_months = Decimal(3), 3
    grant_year(setup_org.hr, 2025)
    write_leave(person, date(2025, 5, 6), date(2025, 5, 6), days=Decimal(1))  # 4 of 5 left; 3 carried
    grant_year(setup_org.hr, 2026)
    row = entitlement(person, 2026, annual)
    assert (row.carried_days, row.carry_expires_on) == (3, date(2026, 3, 31))
    assert leave_balance(person, annual, date(2026, 3, 31)).available == 8
    write_leave(person, date(2026, 2, 2), date(2026, 2, 2), days=Decimal(1))
    after = leave_balance(person, annual, date(2026, 4, 1))
    assert (after.lapsed, after.available) == (2, 5)  # 1 of the 3 carried used in time, 2 lapse


def test_regrant_recomputes_and_keeps_adjustments(setup_org):
    annual, person = setup_org.types["annual"], setup_org.desk_staff
    grant_year(setup_org.hr, 2026)
    row = entitlement(person, 2026, annual)
    adjust_entitlement(setup_org.hr, row, Decimal("1.5"), "long service award", row.version_id)
    assert grant_year(setup_org.hr, 2026) == 0  # nothing changed
    person.career_started_on = date(2010, 1, 1)
    assert grant_year(setup_org.hr, 2026) == 1
    row = entitlement(person, 2026, annual)
    assert (row.granted_days, row.adjusted_days) == (10, Decimal("1.5"))
    assert leave_balance(person, annual, date(2026, 6, 1)).entitled == Decimal("11.5")


def test_adjustment_needs_a_reason_half_days_and_the_current_version(setup_org):
    grant_year(setup_org.hr, 2026)
    row = entitlement(setup_org.desk_staff, 2026, setup_org.types["annual"])
    with pytest.raises(ValidationFailed) as failed:
        adjust_entitlement(setup_org.hr, row, Decimal("0.3"), " ", row.version_id)
    assert set(failed.value.errors) == {"days", "reason"}
    with pytest.raises(StaleRecord):
        adjust_entitlement(setup_org.hr, row, Decimal(1), "why", row.version_id - 1)
    adjust_entitlement(setup_org.hr, row, Decimal(-2), "taken before the system", row.version_id)
    entry = db.session.query(AuditEntry).filter_by(action="leave_entitlement.adjust").one()
    assert entry.after == {"adjusted_days": "-2.0", "reason": "taken before the system"}


def test_the_tick_grants_new_hires_and_the_new_year_once(setup_org, make_staff):
    grant_year(setup_org.hr, 2026)
    hired = make_staff(setup_org.front, hire_on=date(2026, 11, 2), career_started_on=date(2016, 1, 1))
    gone = make_staff(setup_org.front, hire_on=date(2020, 1, 1), status=EmploymentStatus.LEFT,
                      left_on=date(2026, 6, 30))
    assert grant_new_hires(datetime(2026, 12, 2, 2, 0)) == 1
    assert entitlement(hired, 2026, setup_org.types["annual"]).granted_days == 1  # 10 × 60/365
    assert grant_new_hires(datetime(2026, 12, 2, 3, 0)) == 0
    # 31 Dec 16:00 UTC is 1 January in Shanghai: everyone employed gets the new year, the leaver does not
    assert grant_new_hires(datetime(2026, 12, 31, 16, 0)) == 4
    assert entitlement(gone, 2027, setup_org.types["annual"]) is None
    assert entitlement(hired, 2027, setup_org.types["annual"]).granted_days == 10


def test_pending_requests_count_against_last_years_remainder(setup_org):
    annual, person = setup_org.types["annual"], setup_org.desk_staff
    grant_year(setup_org.hr, 2025)
    write_leave(person, date(2025, 12, 29), date(2025, 12, 31), status=LeaveStatus.PENDING)
    grant_year(setup_org.hr, 2026)
    assert entitlement(person, 2026, annual).carried_days == 2
