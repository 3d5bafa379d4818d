"""The consistency view: per rule, how the amounts recorded spread across the heads who chose them."""
from decimal import Decimal

from hrapp.blueprints.conduct.ledger.consistency import amount_spread
from hrapp.models import ViolationState

from .conftest import MONTH


def _scene(ledger, make_violation, make_user, make_staff):
    hk_clerk = make_staff(ledger.housekeeping, name_zh="钱服务员")
    for amount in ("1000.00", "1000.00", "1000.00", "1000.00", "500.00"):  # hk_head: nearly always the maximum
        make_violation(hk_clerk, ledger.fine, amount=Decimal(amount), recorded_by=ledger.hk_head)
    for amount in ("10.00", "20.00", "30.00", "40.00"):  # the FO head: spread out
        make_violation(ledger.desk_staff, ledger.fine, amount=Decimal(amount), recorded_by=ledger.head)
    make_violation(ledger.desk_staff, ledger.fine, amount=Decimal("1000.00"), recorded_by=ledger.head,
                   state=ViolationState.VOID)  # voided: not counted
    make_violation(ledger.desk_staff, ledger.fine, amount=Decimal("1000.00"), recorded_by=ledger.head,
                   ledger_month="2026-04")


def test_spread_per_rule_and_recorder(ledger, make_violation, make_user, make_staff):
    _scene(ledger, make_violation, make_user, make_staff)
    spreads = {s.recorder: s for s in amount_spread(MONTH, ledger.fine.id)}
    hk, fo = spreads["hkhead"], spreads[ledger.head_staff.name_zh]
    assert (hk.count, hk.minimum, hk.median, hk.maximum, hk.at_max_share) == (
        5, Decimal("500.00"), Decimal("1000.00"), Decimal("1000.00"), Decimal("0.80"))
    assert hk.always_max
    assert (fo.count, fo.minimum, fo.median, fo.maximum, fo.at_max_share) == (
        4, Decimal("10.00"), Decimal("25.00"), Decimal("40.00"), Decimal("0.00"))
    assert not fo.always_max
    everything = {s.recorder: s.count for s in amount_spread()}
    assert everything[ledger.head_staff.name_zh] == 5  # April's counts without a month filter
    assert amount_spread(MONTH, ledger.damage.id) == []


def test_consistency_page_highlights_the_head_at_the_maximum(client, auth, ledger, make_violation, make_user,
                                                             make_staff):
    _scene(ledger, make_violation, make_user, make_staff)
    auth.login("hr")
    client.post("/auth/locale/en")
    body = client.get(f"/conduct/ledger/consistency?month={MONTH}&rule_id={ledger.fine.id}").get_data(as_text=True)
    row = body.split('data-recorder="hkhead"')[0].rsplit("<tr", 1)[1]
    assert "table-warning" in row and "80%" in body
    assert client.get("/conduct/ledger/consistency?rule_id=abc&month=").status_code == 200
    assert client.get("/conduct/ledger/consistency?month=2026-13").status_code == 404
    empty = client.get("/conduct/ledger/consistency?month=2025-01").get_data(as_text=True)
    assert "No fines recorded" in empty
