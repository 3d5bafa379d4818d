"""The catalogue covers every enum and status a user sees: each value of every model enum (and every code
a label domain names) has a Chinese label different from the stored value, and key pages rendered in
Chinese show no stored enum value as text."""
import enum
import re
from datetime import date

import pytest
from flask_babel import force_locale

import hrapp.models as models
from hrapp.blueprints.roster.labels import CODES, HOLIDAY_NAMES
from hrapp.blueprints.roster.labels import LABELS as ROSTER_LABELS
from hrapp.blueprints.roster.services import create_roster, sync_company_holidays
from hrapp.core.periods import PeriodKind as CorePeriodKind
from hrapp.extensions import db
from hrapp.labels import LABELS
from hrapp.models import EmploymentStatus, Gender, PeriodKind

CJK = re.compile(r"[\u4e00-\u9fff]")
ENUMS = sorted({v for v in vars(models).values() if isinstance(v, type) and issubclass(v, enum.Enum)}
               | {CorePeriodKind}, key=lambda e: e.__name__)


def _label_of(member) -> object | None:
    return LABELS.get(member) or ROSTER_LABELS.get(member)


@pytest.mark.parametrize("enum_cls", ENUMS, ids=lambda e: e.__name__)
def test_every_model_enum_value_has_a_chinese_label(app, enum_cls):
    with app.test_request_context(), force_locale("zh"):
        wrong = {m.value: str(_label_of(m)) for m in enum_cls
                 if _label_of(m) is None or str(_label_of(m)) == m.value or not CJK.search(str(_label_of(m)))}
    assert not wrong, f"{enum_cls.__name__} values without a Chinese label: {wrong}"


@pytest.mark.parametrize("domain", [CODES, HOLIDAY_NAMES], ids=["roster codes", "holiday names"])
def test_every_label_domain_entry_is_translated(app, domain):
    with app.test_request_context(), force_locale("zh"):
        wrong = [k for k, v in domain.items() if str(v) == k or not CJK.search(str(v))]
    assert not wrong, f"untranslated: {wrong}"


RAW_VALUES = {m.value for e in ENUMS for m in e}


def _text_nodes(html: str) -> set[str]:
    html = re.sub(r"<(script|style)\b.*?</\1>", "", html, flags=re.S)
    return {t.strip() for t in re.findall(r">([^<>]+)<", html) if t.strip()}


def _raw_shown(html: str, usernames: set[str]) -> set[str]:
    return (_text_nodes(html) & RAW_VALUES) - usernames


@pytest.fixture
def pages(org, make_staff):
    """Key pages, with a person of each gender and status, a roster and a synced holiday year."""
    make_staff(org.front, gender=Gender.MALE, status=EmploymentStatus.ACTIVE)
    make_staff(org.front, status=EmploymentStatus.SUSPENDED)
    sync_company_holidays(org.hr, 2026)
    roster = create_roster(org.head, org.front, PeriodKind.MONTH, date(2026, 2, 1))
    db.session.commit()
    return [
        "/staff/", f"/staff/{org.desk_staff.id}", f"/staff/{org.desk_staff.id}/edit", "/staff/new",
        "/accounts/", "/accounts/new", f"/accounts/{org.staff.id}/edit", "/audit/",
        f"/roster/{roster.id}", "/roster/settings/holidays?year=2026", "/roster/",
    ]


def test_key_pages_in_chinese_show_no_stored_enum_value(client, auth, org, pages):
    usernames = {"admin", "hr", "head", "staff", "other"}  # the org fixture's accounts show by name
    auth.login("admin")
    shown = {}
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        raw = _raw_shown(response.get_data(as_text=True), usernames)
        if raw:
            shown[url] = sorted(raw)
    assert not shown, f"stored enum values shown as text: {shown}"


def test_accounts_show_roles_in_chinese_and_a_new_account_defaults_to_staff(client, auth, org):
    auth.login("admin")
    listing = client.get("/accounts/").get_data(as_text=True)
    assert "管理员" in listing
    form = client.get("/accounts/new").get_data(as_text=True)
    selected = re.search(r'<option[^>]*selected[^>]*value="(\w+)"|<option value="(\w+)"[^>]*selected', form)
    assert selected and "staff" in selected.groups()
