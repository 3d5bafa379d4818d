"""HR creates and edits rules: an edit is a new version (records keep theirs), every problem shows on its field at
once, a stale edit loses nothing, codes are unique, rules are deactivated and reactivated."""
from decimal import Decimal

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from hrapp.blueprints.conduct.catalogue.services import DUPLICATE_CODE, create_rule
from hrapp.core.uniqueness import duplicate_failure
from hrapp.extensions import db
from hrapp.models import AuditEntry, ConductRule, ConductRuleVersion, RuleKind, Violation
from tests.conduct.catalogue.conftest import rule_body


def _rule(code: str) -> ConductRule:
    db.session.expire_all()
    return db.session.scalar(sa.select(ConductRule).where(ConductRule.code == code))


def _edit_body(rule: ConductRule, **fields) -> dict:
    body = rule_body(code=None, category=None, reason="公司调整", version_id=str(rule.version_id))
    body.update(fields)
    return {k: v for k, v in body.items() if v is not None}


def test_hr_creates_a_rule_with_its_ladder(client, auth, org):
    auth.login("hr")
    response = client.post("/conduct/rules/new", data=rule_body())
    assert response.status_code == 302, response.get_data(as_text=True)
    rule = _rule("9-1")
    version = rule.current
    assert (version.number, version.kind, version.min_amount, version.max_amount, version.points) == (
        1, RuleKind.FINE_RANGE, Decimal("5.00"), Decimal("10.00"), Decimal("1.0"))
    assert version.ladder == [{"occurrence": 2, "multiplier": "2", "measure": "written_warning"},
                              {"occurrence": 3, "multiplier": "3", "measure": "final_warning"}]
    assert version.created_by_id == org.hr.id and rule.active
    assert db.session.scalar(sa.select(AuditEntry.action).where(
        AuditEntry.target_id == rule.id, AuditEntry.target_type == "ConductRule")) == "conduct_rule.create"
    assert "5–10 元" in client.get(response.headers["Location"]).get_data(as_text=True)


def test_a_lateness_rule_takes_its_tiers(client, auth, org):
    auth.login("hr")
    body = rule_body(code="9-2", kind="handbook", min_amount="", max_amount="", points="",
                     **{"tiers-0-from_minutes": "1", "tiers-0-to_minutes": "15", "tiers-0-amount": "10",
                        "tiers-0-points": "0.5", "tiers-1-from_minutes": "16", "tiers-1-amount": "30",
                        "tiers-1-points": "1"})
    assert client.post("/conduct/rules/new", data=body).status_code == 302
    assert _rule("9-2").current.tiers == [
        {"from_minutes": 1, "to_minutes": 15, "amount": "10.00", "points": "0.5"},
        {"from_minutes": 16, "to_minutes": None, "amount": "30.00", "points": "1.0"}]


def test_every_problem_shows_on_its_field_at_once(client, auth, org):
    auth.login("hr")
    client.post("/auth/locale/en")
    body = rule_body(min_amount="-5", max_amount="10.005", points="NaN", lookback_days="",
                     **{"ladder-1-occurrence": "2", "tiers-0-from_minutes": "1", "tiers-0-amount": "5"})
    page = client.post("/conduct/rules/new", data=body).get_data(as_text=True)
    assert "The amount must not be negative." in page
    assert "At most 2 decimal places." in page
    assert "Enter a number such as 12.5 (NaN and infinity are not numbers)." in page
    assert "A ladder needs a look-back window of 1 to 3650 days." in page
    assert "Ladder steps start at the 2nd occurrence and each occurrence appears once." in page
    assert "This rule kind takes no such value." in page  # tiers on a fine range
    assert page.count("is-invalid") >= 3 and _rule("9-1") is None


def test_kind_and_category_must_agree_and_amounts_fit_the_kind(client, auth, org):
    auth.login("hr")
    client.post("/auth/locale/en")
    page = client.post("/conduct/rules/new", data=rule_body(category="reward")).get_data(as_text=True)
    assert "This kind does not belong to the rule&#39;s category." in page
    page = client.post("/conduct/rules/new", data=rule_body(kind="daily_wage_multiple", factor="3.125")).get_data(
        as_text=True)
    assert "A factor has at most 2 decimal places." in page and "This rule kind takes no such value." in page
    page = client.post("/conduct/rules/new", data=rule_body(code="bad code!", max_amount="abc")).get_data(
        as_text=True)
    assert "Letters, digits, dots and dashes" in page and "Enter a number such as 12.5" in page
    assert db.session.scalar(sa.select(sa.func.count(ConductRule.id))) == 0


def test_a_reward_rule(client, auth, org):
    auth.login("hr")
    body = rule_body(code="R-9", category="reward", kind="bonus", min_amount="100", max_amount="800", points="2",
                     lookback_days="", **{"ladder-0-occurrence": "", "ladder-0-multiplier": "",
                                          "ladder-0-measure": "none", "ladder-1-occurrence": "",
                                          "ladder-1-multiplier": "", "ladder-1-measure": "none"})
    assert client.post("/conduct/rules/new", data=body).status_code == 302
    version = _rule("R-9").current
    assert (version.kind, version.max_amount, version.ladder) == (RuleKind.BONUS, Decimal("800.00"), [])


def test_a_taken_code_is_refused_on_its_field(client, auth, catalogue):
    auth.login("hr")
    client.post("/auth/locale/en")
    page = client.post("/conduct/rules/new", data=rule_body(code="2-1")).get_data(as_text=True)
    assert str(DUPLICATE_CODE) in page


def test_a_racing_duplicate_code_gets_the_field_message(org):
    """The pre-check passed for both; the database's constraint refuses the second and means the same message."""
    from hrapp.blueprints.conduct.catalogue.forms import RuleCreateForm  # noqa: F401  (the form's module declares nothing)
    db.session.add(ConductRule(code="X-1", category="penalty"))
    db.session.flush()
    db.session.add(ConductRule(code="X-1", category="penalty"))
    with pytest.raises(IntegrityError) as caught:
        db.session.flush()
    db.session.rollback()
    failure = duplicate_failure(caught.value)
    assert failure is not None and failure.errors == {"code": [DUPLICATE_CODE]}


def test_an_edit_adds_a_version_and_records_keep_theirs(client, auth, catalogue, make_violation):
    rule = catalogue.rule("2-1")
    violation_id = make_violation(catalogue.desk_staff, rule, amount=Decimal("8.00")).id
    auth.login("hr")
    response = client.post(f"/conduct/rules/{rule.id}/edit", data=_edit_body(
        rule, title_zh="在岗聊天、玩手机", min_amount="20", max_amount="40"))
    assert response.status_code == 302, response.get_data(as_text=True)
    rule = _rule("2-1")
    assert [v.number for v in rule.versions] == [2, 1] and rule.version_id == 2
    assert (rule.current.min_amount, rule.current.change_reason) == (Decimal("20.00"), "公司调整")
    violation = db.session.get(Violation, violation_id)
    assert violation.rule_version.number == 1 and violation.rule_version.min_amount == Decimal("5.00")
    current = client.get(f"/conduct/rules/{rule.id}").get_data(as_text=True)
    assert "20–40 元" in current and "在岗聊天、玩手机" in current and "公司调整" in current
    old = client.get(f"/conduct/rules/{rule.id}/versions/{violation.rule_version.number}").get_data(as_text=True)
    assert 'id="old-version"' in old and "5–10 元" in old and "20–40 元" not in old
    audit = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "conduct_rule.revise"))
    assert audit.before["min_amount"] == "5.00" and audit.after["min_amount"] == "20.00" and audit.after["number"] == 2


def test_an_edit_needs_a_reason(client, auth, catalogue):
    rule = catalogue.rule("2-1")
    auth.login("hr")
    page = client.post(f"/conduct/rules/{rule.id}/edit", data=_edit_body(rule, reason="")).get_data(as_text=True)
    assert "is-invalid" in page and len(_rule("2-1").versions) == 1


def test_the_edit_page_starts_from_the_current_version(client, auth, catalogue):
    rule = catalogue.rule("2-3a")
    auth.login("hr")
    page = client.get(f"/conduct/rules/{rule.id}/edit").get_data(as_text=True)
    assert f'name="version_id" type="hidden" value="{rule.version_id}"' in page
    assert 'name="tiers-3-from_minutes" type="text" value="61"' in page or 'value="61"' in page
    assert "下一版本为第 2 版" in page


def test_a_stale_edit_is_refused_and_nothing_is_lost(client, auth, catalogue):
    rule = catalogue.rule("2-1")
    auth.login("hr")
    first = _edit_body(rule, min_amount="6")
    assert client.post(f"/conduct/rules/{rule.id}/edit", data=first).status_code == 302
    page = client.post(f"/conduct/rules/{rule.id}/edit", data=_edit_body(
        rule, title_zh="另一位编辑的文字", version_id="1")).get_data(as_text=True)
    assert "该记录已被他人修改" in page
    assert "另一位编辑的文字" in page  # what was typed comes back
    assert [v.number for v in _rule("2-1").versions] == [2, 1]
    versionless = _edit_body(rule)
    versionless.pop("version_id")
    assert client.post(f"/conduct/rules/{rule.id}/edit", data=versionless).status_code == 200
    assert len(_rule("2-1").versions) == 2


def test_deactivate_and_reactivate(client, auth, catalogue):
    rule = catalogue.rule("2-5")
    auth.login("hr")
    assert client.post(f"/conduct/rules/{rule.id}/deactivate", data={"version_id": "1"}).status_code == 302
    rule = _rule("2-5")
    assert not rule.active and rule.version_id == 2
    page = client.get(f"/conduct/rules/{rule.id}").get_data(as_text=True)
    assert 'id="rule-inactive"' in page and 'id="reactivate-rule"' in page
    assert client.post(f"/conduct/rules/{rule.id}/reactivate", data={"version_id": "1"}).status_code == 409
    assert client.post(f"/conduct/rules/{rule.id}/reactivate", data={"version_id": "2"}).status_code == 302
    assert _rule("2-5").active
    actions = db.session.scalars(sa.select(AuditEntry.action).where(AuditEntry.target_id == rule.id,
                                                                    AuditEntry.target_type == "ConductRule"))
    assert set(actions) == {"conduct_rule.deactivate", "conduct_rule.reactivate"}


def test_the_service_refuses_what_the_form_would(org):
    from hrapp.blueprints.conduct import penalty
    from hrapp.blueprints.conduct.catalogue.rules import VersionDraft
    from hrapp.core.validation import ValidationFailed
    with pytest.raises(ValidationFailed) as caught:
        create_rule(org.hr, "Z-1", "penalty", VersionDraft("x", penalty.RuleTerms(kind="fine_min")))
    assert set(caught.value.errors) == {"min_amount"}
    assert db.session.scalar(sa.select(sa.func.count(ConductRuleVersion.id))) == 0
