"""HR's three resolutions of a flagged month through the person page's forms: adjust, defer, override; each
with a reason, audited, refusing bad amounts, stale pages and what is not on the month."""
from decimal import Decimal

import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import AuditEntry, LedgerResolution, LedgerResolutionKind, Violation, ViolationState
from tests.conftest import count

from .conftest import MONTH, page_form, person_url

STALE = "Someone else changed this record; reload and try again."


def _flagged(ledger, make_violation):
    """Two final fines of 500.00 on the desk clerk's May (1000.00 > 870.00)."""
    return [make_violation(ledger.desk_staff, ledger.fine, amount=Decimal("500.00")) for _ in range(2)]


def _status(client, staff, month=MONTH) -> str:
    body = client.get(person_url(staff, month)).get_data(as_text=True)
    return body.split('data-status="')[1].split('"')[0]


def _row_field(form, violation, name):
    """The adjust/defer form field of `violation`'s row."""
    index = next(k for k, v in form.values if k.endswith("-violation_id") and v == str(violation.id))
    return index.rsplit("-", 1)[0] + f"-{name}"


def test_adjust_lowers_amounts_and_the_flag_clears(client, auth, ledger, make_violation):
    first, second = _flagged(ledger, make_violation)
    auth.login("hr")
    client.post("/auth/locale/en")
    form = page_form(client, ledger.desk_staff, "adjust")
    data = form.replaced(**{_row_field(form, first, "amount"): "370.00", "adjust-reason": "agreed with the head"})
    response = client.post(form.action, data=data, follow_redirects=True)
    assert "Amounts lowered." in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Violation, first.id).amount == Decimal("370.00")
    assert db.session.get(Violation, second.id).amount == Decimal("500.00")  # unchanged
    assert _status(client, ledger.desk_staff) == "ok"  # 870.00: exactly 20%
    resolution = db.session.scalar(sa.select(LedgerResolution))
    assert resolution.kind == LedgerResolutionKind.ADJUSTED and resolution.deductions_amount == Decimal("870.00")
    actions = set(db.session.scalars(sa.select(AuditEntry.action)))
    assert {"conduct_ledger.adjusted", "violation.ledger_adjust"} <= actions


def test_adjust_that_stays_over_the_limit_keeps_the_flag(client, auth, ledger, make_violation):
    first, _second = _flagged(ledger, make_violation)
    auth.login("hr")
    form = page_form(client, ledger.desk_staff, "adjust")
    client.post(form.action, data=form.replaced(**{_row_field(form, first, "amount"): "400.00",
                                                   "adjust-reason": "partly"}))
    assert _status(client, ledger.desk_staff) == "flagged"
    assert db.session.scalar(sa.select(LedgerResolution)).kind == LedgerResolutionKind.ADJUSTED


def test_adjust_refuses_bad_amounts_and_a_missing_reason(client, auth, ledger, make_violation):
    first, _second = _flagged(ledger, make_violation)
    auth.login("hr")
    client.post("/auth/locale/en")
    form = page_form(client, ledger.desk_staff, "adjust")
    field = _row_field(form, first, "amount")
    cases = {"500.01": "must not be above the recorded one", "-1": "must not be negative",
             "1.005": "At most 2 decimal places", "NaN": "NaN", "abc": "Not a valid amount",
             "500.00": "Lower at least one amount"}
    audit_rows = count(AuditEntry)
    for amount, message in cases.items():
        response = client.post(form.action, data=form.replaced(**{field: amount, "adjust-reason": "x"}))
        assert response.status_code == 400 and message in response.get_data(as_text=True), amount
    no_reason = client.post(form.action, data=form.replaced(**{field: "10.00", "adjust-reason": ""}))
    assert no_reason.status_code == 400 and "Give a reason." in no_reason.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Violation, first.id).amount == Decimal("500.00")
    assert count(AuditEntry) == audit_rows and count(LedgerResolution) == 0


def test_a_stale_adjust_changes_nothing(client, auth, ledger, make_violation):
    first, _second = _flagged(ledger, make_violation)
    auth.login("hr")
    client.post("/auth/locale/en")
    form = page_form(client, ledger.desk_staff, "adjust")
    db.session.get(Violation, first.id).description = "changed meanwhile"  # the version moves on
    db.session.commit()
    response = client.post(form.action, data=form.replaced(**{_row_field(form, first, "amount"): "10.00",
                                                              "adjust-reason": "x"}), follow_redirects=True)
    assert STALE in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Violation, first.id).amount == Decimal("500.00") and count(LedgerResolution) == 0


def test_adjust_of_a_violation_of_another_month_or_person_is_refused(client, auth, ledger, make_violation):
    first, _second = _flagged(ledger, make_violation)
    elsewhere = make_violation(ledger.hk_staff, ledger.fine, amount=Decimal("500.00"))
    auth.login("hr")
    client.post("/auth/locale/en")
    form = page_form(client, ledger.desk_staff, "adjust")
    prefix = _row_field(form, first, "")
    data = form.replaced(**{f"{prefix}violation_id": str(elsewhere.id), f"{prefix}version_id": "1",
                            f"{prefix}amount": "1.00", "adjust-reason": "x"})
    response = client.post(form.action, data=data)
    assert response.status_code == 400 and "no longer a final violation" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Violation, elsewhere.id).amount == Decimal("500.00")


def test_defer_moves_chosen_violations_to_the_next_month(client, auth, ledger, make_violation):
    first, second = _flagged(ledger, make_violation)
    auth.login("hr")
    client.post("/auth/locale/en")
    form = page_form(client, ledger.desk_staff, "defer")
    nothing = client.post(form.action, data=form.replaced(**{"defer-reason": "x"}))
    assert nothing.status_code == 400 and "Choose at least one violation." in nothing.get_data(as_text=True)
    data = form.replaced(**{_row_field(form, second, "chosen"): "y", "defer-reason": "spread over two months"})
    response = client.post(form.action, data=data, follow_redirects=True)
    assert "Violations deferred to 2026-06." in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Violation, second.id).ledger_month == "2026-06"
    assert db.session.get(Violation, first.id).ledger_month == MONTH
    assert _status(client, ledger.desk_staff) == "ok" and _status(client, ledger.desk_staff, "2026-06") == "ok"
    resolution = db.session.scalar(sa.select(LedgerResolution))
    assert resolution.kind == LedgerResolutionKind.DEFERRED and resolution.deductions_amount == Decimal("500.00")
    assert db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "violation.ledger_defer")).after[
        "ledger_month"] == "2026-06"


def test_override_accepts_the_month_until_a_later_fine(client, auth, ledger, make_violation):
    _flagged(ledger, make_violation)
    auth.login("hr")
    client.post("/auth/locale/en")
    form = page_form(client, ledger.desk_staff, "override")
    assert form.value("override-version_id") == "0"
    no_reason = client.post(form.action, data=form.replaced(**{"override-reason": " "}))
    assert no_reason.status_code == 400 and count(LedgerResolution) == 0
    response = client.post(form.action, data=form.replaced(**{"override-reason": "agreed in writing"}),
                           follow_redirects=True)
    assert "Month accepted." in response.get_data(as_text=True)
    assert _status(client, ledger.desk_staff) == "accepted"
    # the same page posted again is stale: the resolution now exists
    again = client.post(form.action, data=form.replaced(**{"override-reason": "twice"}), follow_redirects=True)
    assert STALE in again.get_data(as_text=True)
    assert db.session.scalar(sa.select(LedgerResolution)).reason == "agreed in writing"
    make_violation(ledger.desk_staff, ledger.fine, amount=Decimal("10.00"))
    assert _status(client, ledger.desk_staff) == "flagged"  # the override covered 1000.00 only


def test_nothing_to_resolve_within_the_limits(client, auth, ledger, make_violation):
    make_violation(ledger.desk_staff, ledger.fine, amount=Decimal("100.00"))
    auth.login("hr")
    client.post("/auth/locale/en")
    response = client.post(f"{person_url(ledger.desk_staff)}/override",
                           data={"override-version_id": "0", "override-reason": "x"})
    assert response.status_code == 400 and "nothing to resolve" in response.get_data(as_text=True)
    assert count(LedgerResolution) == 0


def test_hr_never_resolves_their_own_month(client, auth, ledger, make_violation, make_user, make_staff):
    from hrapp.models import Role
    clerk_staff = make_staff(ledger.front, name_zh="人事专员")
    make_user(Role.HR, "hrclerk", staff=clerk_staff)
    make_violation(clerk_staff, ledger.fine, amount=Decimal("900.00"))
    auth.login("hrclerk")
    assert 'id="override-form"' not in client.get(person_url(clerk_staff)).get_data(as_text=True)
    response = client.post(f"{person_url(clerk_staff)}/override", data={"override-version_id": "0",
                                                                        "override-reason": "mine"})
    assert response.status_code == 403 and count(LedgerResolution) == 0


def test_an_open_violation_is_not_adjusted(client, auth, ledger, make_violation):
    _flagged(ledger, make_violation)
    appealed = make_violation(ledger.desk_staff, ledger.fine, amount=Decimal("50.00"), state=ViolationState.APPEALED)
    auth.login("hr")
    form = page_form(client, ledger.desk_staff, "adjust")
    assert str(appealed.id) not in [v for k, v in form.values if k.endswith("violation_id")]
