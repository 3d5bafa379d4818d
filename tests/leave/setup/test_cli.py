"""`flask --app wsgi leave grant YEAR [--department CODE]`."""
from hrapp.models import LeaveEntitlement

from .conftest import entitlement


def test_grant_a_year_for_one_department_then_everyone(runner, setup_org):
    result = runner.invoke(args=["leave", "grant", "2026", "--department", "FO"])
    assert result.exit_code == 0, result.output
    assert "2 entitlements" in result.output
    annual = setup_org.types["annual"]
    assert entitlement(setup_org.desk_staff, 2026, annual) is not None
    assert entitlement(setup_org.hk_staff, 2026, annual) is None
    result = runner.invoke(args=["leave", "grant", "2026"])
    assert "1 entitlements" in result.output
    assert LeaveEntitlement.query.count() == 3


def test_an_unknown_department_or_year_is_refused(runner, setup_org):
    assert runner.invoke(args=["leave", "grant", "2026", "--department", "NOPE"]).exit_code != 0
    assert runner.invoke(args=["leave", "grant", "1999"]).exit_code != 0
    assert LeaveEntitlement.query.count() == 0
