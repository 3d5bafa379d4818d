"""HR's conduct settings: the defaults, a save (audited), bad values on their fields, a stale save."""
from decimal import Decimal

import sqlalchemy as sa

from hrapp.blueprints.conduct.settings import conduct_settings
from hrapp.extensions import db
from hrapp.models import AuditEntry, ConductSettings

GOOD = {"respond_days": "5", "second_approval_above_amount": "", "max_deduction_share": "0.25",
        "fines_enabled": "", "version_id": "0"}


def test_the_page_shows_the_defaults(client, auth, org):
    auth.login("hr")
    page = client.get("/conduct/settings").get_data(as_text=True)
    assert 'value="3"' in page and 'value="500.00"' in page and 'value="0.20"' in page
    assert 'name="version_id" type="hidden" value="0"' in page


def test_hr_saves_the_settings(client, auth, org):
    auth.login("hr")
    assert client.post("/conduct/settings", data=GOOD).status_code == 302
    db.session.expire_all()
    settings = conduct_settings()
    assert (settings.respond_days, settings.second_approval_above_amount, settings.max_deduction_share,
            settings.fines_enabled) == (5, None, Decimal("0.25"), False)
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "conduct_settings.update"))
    assert entry.after == {"respond_days": 5, "second_approval_above_amount": None, "max_deduction_share": "0.25",
                           "fines_enabled": False}
    again = {**GOOD, "second_approval_above_amount": "800", "fines_enabled": "y", "version_id": "1"}
    assert client.post("/conduct/settings", data=again).status_code == 302
    db.session.expire_all()
    assert conduct_settings().second_approval_above_amount == Decimal("800.00")
    assert db.session.scalar(sa.select(sa.func.count(ConductSettings.id))) == 1


def test_bad_values_are_refused_on_their_fields(client, auth, org):
    auth.login("hr")
    client.post("/auth/locale/en")
    for field, value, message in (
            ("respond_days", "0", "Number must be between 1 and 30."),
            ("respond_days", "31", "Number must be between 1 and 30."),
            ("max_deduction_share", "1.5", "A share between 0.01 and 1.00 with at most 2 decimal places."),
            ("max_deduction_share", "0.205", "A share between 0.01 and 1.00 with at most 2 decimal places."),
            ("max_deduction_share", "NaN", "Enter a number such as 12.5"),
            ("second_approval_above_amount", "-5", "cannot be negative"),
            ("second_approval_above_amount", "5.001", "at most 2 decimal places")):
        page = client.post("/conduct/settings", data={**GOOD, field: value}).get_data(as_text=True)
        assert message in page, (field, value)
    assert db.session.scalar(sa.select(sa.func.count(ConductSettings.id))) == 0


def test_a_stale_save_is_refused(client, auth, org):
    auth.login("hr")
    assert client.post("/conduct/settings", data=GOOD).status_code == 302
    page = client.post("/conduct/settings", data={**GOOD, "respond_days": "9"}).get_data(as_text=True)
    assert "该记录已被他人修改" in page and 'value="9"' in page
    db.session.expire_all()
    assert conduct_settings().respond_days == 5
