"""The catalogue pages everyone with conduct access reads: the list (search, filters, paging, the empty state and
HR's button to load the standard catalogue) and a rule in words with its versions."""
import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import AuditEntry, ConductRule


def _codes(html: str) -> list[str]:
    import re
    return re.findall(r'data-rule="([^"]+)"', html)


def test_an_empty_catalogue_offers_hr_the_standard_one(client, auth, org):
    auth.login("hr")
    page = client.get("/conduct/rules/").get_data(as_text=True)
    assert 'id="empty-catalogue"' in page and 'id="load-standard"' in page and "data-confirm" in page
    response = client.post("/conduct/rules/standard")
    assert response.status_code == 302
    assert db.session.scalar(sa.select(sa.func.count(ConductRule.id))) == 19
    assert db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "conduct_catalogue.seed")).after == {
        "added": 19}
    assert _codes(client.get("/conduct/rules/").get_data(as_text=True))[:3] == ["2-1", "2-2", "2-3a"]


def test_staff_see_the_empty_state_without_the_button(client, auth, org):
    auth.login("staff")
    page = client.get("/conduct/rules/").get_data(as_text=True)
    assert 'id="empty-catalogue"' in page and 'id="load-standard"' not in page
    assert client.post("/conduct/rules/standard").status_code == 403


def test_the_list_searches_and_filters(client, auth, catalogue):
    auth.login("staff")
    assert len(_codes(client.get("/conduct/rules/").get_data(as_text=True))) == 19
    assert _codes(client.get("/conduct/rules/?q=旷工").get_data(as_text=True)) == ["2-3b"]
    assert _codes(client.get("/conduct/rules/?q=2-3").get_data(as_text=True)) == ["2-3a", "2-3b"]
    assert _codes(client.get("/conduct/rules/?category=reward").get_data(as_text=True)) == ["R-1", "R-2"]
    assert _codes(client.get("/conduct/rules/?kind=daily_wage_multiple").get_data(as_text=True)) == ["2-3b"]
    catalogue.rule("2-5").active = False
    db.session.commit()
    assert _codes(client.get("/conduct/rules/?active=no").get_data(as_text=True)) == ["2-5"]
    assert "2-5" not in _codes(client.get("/conduct/rules/?active=yes").get_data(as_text=True))
    none = client.get("/conduct/rules/?q=nothing-like-this").get_data(as_text=True)
    assert "没有符合条件的规则" in none and 'id="empty-catalogue"' not in none
    junk = client.get("/conduct/rules/?kind=nope&active=maybe&page=abc&sort=-nope")
    assert junk.status_code == 200 and len(_codes(junk.get_data(as_text=True))) == 19


def test_the_list_pages(client, auth, catalogue):
    auth.login("hr")
    first = client.get("/conduct/rules/?per_page=10").get_data(as_text=True)
    second = client.get("/conduct/rules/?per_page=10&page=2").get_data(as_text=True)
    assert len(_codes(first)) == 10 and len(_codes(second)) == 9
    assert not set(_codes(first)) & set(_codes(second))
    assert _codes(client.get("/conduct/rules/?sort=-code&per_page=1").get_data(as_text=True)) == ["R-2"]


def test_a_rule_reads_in_words(client, auth, catalogue):
    auth.login("staff")
    client.post("/auth/locale/en")
    page = client.get(f"/conduct/rules/{catalogue.rule('2-1').id}").get_data(as_text=True)
    assert "5–10 yuan" in page and "Fine and performance points" in page and "Performance points deducted: 1" in page
    assert "2nd within 90 days: ×2 and written warning" in page
    assert "4th or later within 90 days: ×2 and dismissal review" in page
    page = client.get(f"/conduct/rules/{catalogue.rule('2-6').id}").get_data(as_text=True)
    assert "at least 50 yuan" in page and "Serious cases: dismissal" in page
    page = client.get(f"/conduct/rules/{catalogue.rule('2-3b').id}").get_data(as_text=True)
    assert "3 × the day&#39;s wage" in page
    page = client.get(f"/conduct/rules/{catalogue.rule('2-3a').id}").get_data(as_text=True)
    assert 'id="rule-tiers"' in page and "1–10 minutes" in page and "61 minutes or more" in page
    page = client.get(f"/conduct/rules/{catalogue.rule('R-2').id}").get_data(as_text=True)
    assert "A bonus of 100–5,000 yuan" in page and "Performance points awarded: 3" in page
    assert 'id="edit-rule"' not in page


def test_a_rule_reads_in_chinese(client, auth, catalogue):
    auth.login("staff")
    page = client.get(f"/conduct/rules/{catalogue.rule('2-1').id}").get_data(as_text=True)
    assert "5–10 元" in page and "90 天内第 2 次：×2，并书面警告" in page
    page = client.get(f"/conduct/rules/{catalogue.rule('2-3b').id}").get_data(as_text=True)
    assert "当天工资的 3 倍" in page


def test_a_missing_rule_or_version_is_404(client, auth, catalogue):
    auth.login("hr")
    rule = catalogue.rule("2-1")
    assert client.get("/conduct/rules/999999").status_code == 404
    assert client.get(f"/conduct/rules/{rule.id}/versions/2").status_code == 404
    assert client.get(f"/conduct/rules/{rule.id}/versions/99999999999999999999").status_code == 404
    assert client.get(f"/conduct/rules/{rule.id}/versions/1").status_code == 200


def test_a_deactivated_rule_is_offered_nowhere_for_new_records(catalogue):
    from hrapp.blueprints.conduct.catalogue.queries import offered_rules
    from hrapp.models import RuleCategory
    catalogue.rule("2-5").active = False
    db.session.commit()
    penalties = [rule.code for rule, _version in offered_rules(RuleCategory.PENALTY)]
    assert len(penalties) == 16 and "2-5" not in penalties and penalties[0] == "2-1"
    assert [rule.code for rule, version in offered_rules(RuleCategory.REWARD) if version.number == 1] == ["R-1", "R-2"]


def test_a_warning_rule_is_named_as_a_kind_not_as_a_measure(client, auth, org, make_rule):
    from hrapp.models import RuleKind
    rule = make_rule("W-1", RuleKind.WARNING)
    auth.login("staff")
    client.post("/auth/locale/en")
    page = client.get(f"/conduct/rules/{rule.id}").get_data(as_text=True)
    assert "Warning only" in page and "a warning, no fine" in page and "Verbal warning" not in page
