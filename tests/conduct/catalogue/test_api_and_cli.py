"""GET /api/v1/conduct/rules with a token (every role with conduct access; filters; Decimal amounts as strings;
in the OpenAPI document) and `flask conduct seed-catalogue`."""
import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import AuditEntry, ConductRule
from tests.api.conftest import bearer


def test_the_rules_with_their_current_terms(client, catalogue):
    rule = catalogue.rule("2-5")
    rule.active = False
    db.session.commit()
    body = client.get("/api/v1/conduct/rules", headers=bearer(catalogue.staff)).get_json()
    items = {r["code"]: r for r in body["items"]}
    assert len(items) == 19 and list(items)[:2] == ["2-1", "2-2"]
    first = items["2-1"]
    assert (first["category"], first["active"], first["version"]["number"]) == ("penalty", True, 1)
    assert (first["version"]["min_amount"], first["version"]["max_amount"], first["version"]["points"]) == (
        "5.00", "10.00", "1.0")
    assert first["version"]["ladder"][0] == {"occurrence": 2, "multiplier": "2", "measure": "written_warning"}
    tiers = items["2-3a"]["version"]["tiers"]
    assert tiers[0] == {"from_minutes": 1, "to_minutes": 10, "amount": "10.00", "points": "0.5"}
    assert tiers[-1]["to_minutes"] is None
    assert items["2-3b"]["version"]["factor"] == "3.00" and items["2-5"]["active"] is False


def test_filters(client, catalogue):
    headers = bearer(catalogue.head)
    rewards = client.get("/api/v1/conduct/rules?category=reward", headers=headers).get_json()["items"]
    assert [r["code"] for r in rewards] == ["R-1", "R-2"]
    catalogue.rule("2-5").active = False
    db.session.commit()
    inactive = client.get("/api/v1/conduct/rules?active=false", headers=headers).get_json()["items"]
    assert [r["code"] for r in inactive] == ["2-5"]
    assert len(client.get("/api/v1/conduct/rules?active=true", headers=headers).get_json()["items"]) == 18
    bad = client.get("/api/v1/conduct/rules?category=nope", headers=headers)
    assert bad.status_code == 422 and "category" in bad.get_json()["errors"]


def test_a_token_is_needed(client, catalogue):
    assert client.get("/api/v1/conduct/rules").status_code == 401
    assert client.get("/api/v1/conduct/rules", headers={"Authorization": "Bearer nope"}).status_code == 401


def test_the_endpoint_is_documented(client, org):
    spec = client.get("/api/v1/openapi.json").get_json()
    operation = spec["paths"]["/api/v1/conduct/rules"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {"category", "active"}


def test_the_cli_loads_the_standard_catalogue_once(runner, org):
    result = runner.invoke(args=["conduct", "seed-catalogue"])
    assert result.exit_code == 0 and "19 rules added" in result.output
    assert db.session.scalar(sa.select(sa.func.count(ConductRule.id))) == 19
    again = runner.invoke(args=["conduct", "seed-catalogue"])
    assert again.exit_code == 0 and "0 rules added" in again.output
    assert db.session.scalar(sa.select(sa.func.count(AuditEntry.id)).where(
        AuditEntry.action == "conduct_catalogue.seed")) == 1
