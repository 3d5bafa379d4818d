"""HR's leave-type pages: list, add, edit (the defaults keep their codes; a stale page), take out of use,
delete only what was never used."""
import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import AuditEntry, LeaveType

VALID = {"code": "study", "name": "学习假", "name_en": "Study leave", "balance_kind": "no_balance",
         "max_days": "5", "carry_over_cap": "0", "carry_over_months": "3", "sort_order": "200", "paid": "y",
         "half_days": "y"}


def _type(code: str) -> LeaveType:
    return db.session.scalar(sa.select(LeaveType).where(LeaveType.code == code))


def test_hr_lists_the_defaults_and_adds_a_type(client, auth, setup_org):
    auth.login("hr")
    page = client.get("/leave/setup/types/").get_data(as_text=True)
    assert 'data-type="annual"' in page and "年休假" in page
    response = client.post("/leave/setup/types/new", data=VALID)
    assert response.status_code == 302
    study = _type("study")
    assert (study.name, study.max_days, study.paid, study.active) == ("学习假", 5, True, True)
    assert db.session.query(AuditEntry).filter_by(action="leave_type.create").count() == 1


def test_a_new_type_with_a_taken_code_or_bad_days_comes_back_with_messages(client, auth, setup_org):
    auth.login("hr")
    page = client.post("/leave/setup/types/new", data={**VALID, "code": "annual", "max_days": "2.3",
                                                       "carry_over_months": "13"}).get_data(as_text=True)
    assert "这个代码已被另一个假期类型使用" not in page  # the fields' own errors come first
    assert "0 到 999 之间的整天或半天" not in page and "is-invalid" in page and _type("study") is None
    page = client.post("/leave/setup/types/new", data={**VALID, "code": "annual"}).get_data(as_text=True)
    assert "这个代码已被另一个假期类型使用" in page and _type("study") is None
    page = client.post("/leave/setup/types/new", data={**VALID, "max_days": "2.3"}).get_data(as_text=True)
    assert "0 到 999 之间的整天或半天" in page and _type("study") is None


def test_editing_a_default_keeps_its_code_and_a_stale_page_is_refused(client, auth, setup_org):
    auth.login("hr")
    sick = setup_org.types["sick"]
    form = client.get(f"/leave/setup/types/{sick.id}/edit").get_data(as_text=True)
    assert 'name="version_id"' in form and "readonly" in form
    data = {**VALID, "code": "sick", "name": "病假（带薪）", "version_id": str(sick.version_id)}
    moved = client.post(f"/leave/setup/types/{sick.id}/edit", data={**data, "code": "ill"})
    assert moved.status_code == 200 and _type("ill") is None
    assert client.post(f"/leave/setup/types/{sick.id}/edit", data=data).status_code == 302
    assert _type("sick").name == "病假（带薪）"
    stale = client.post(f"/leave/setup/types/{sick.id}/edit", data={**data, "name": "病假2"})
    assert stale.status_code == 200 and "病假2" not in _type("sick").name


def test_take_out_of_use_and_delete_only_an_unused_custom_type(client, auth, setup_org, make_entitlement):
    auth.login("hr")
    annual = setup_org.types["annual"]
    client.post(f"/leave/setup/types/{annual.id}/deactivate", data={"version_id": annual.version_id})
    assert _type("annual").active is False
    client.post(f"/leave/setup/types/{annual.id}/reactivate", data={"version_id": _type("annual").version_id})
    assert _type("annual").active is True
    client.post(f"/leave/setup/types/{annual.id}/delete", data={"version_id": _type("annual").version_id})
    assert _type("annual") is not None  # a default is only taken out of use
    client.post("/leave/setup/types/new", data=VALID)
    study = _type("study")
    assert client.post(f"/leave/setup/types/{study.id}/delete", data={"version_id": study.version_id}
                       ).status_code == 302
    assert _type("study") is None


def test_the_list_offers_adding_when_the_table_is_empty(client, auth, org):
    auth.login("hr")
    db.session.execute(sa.delete(LeaveType))
    db.session.commit()
    page = client.get("/leave/setup/types/").get_data(as_text=True)
    assert 'id="no-types"' in page and 'id="new-type"' in page
