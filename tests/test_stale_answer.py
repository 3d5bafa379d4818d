"""A stale edit gets one answer everywhere: the same "changed by someone else" message on a web form, on a
workflow step (409) and in the API's 409 JSON."""
from hrapp.core.errors import STALE_MESSAGE
from hrapp.extensions import db
from hrapp.models import StaffMember
from tests.api.conftest import bearer

STALE = "Someone else changed this record; reload and try again."


def test_the_message_is_one_string():
    assert STALE_MESSAGE._args[0] == STALE


def test_stale_contact_form_and_stale_api_patch_give_the_same_message(client, auth, org):
    auth.login("staff")
    client.post("/auth/locale/en")
    response = client.post(f"/staff/{org.desk_staff.id}/contact", data={
        "phone": "13700001111", "emergency_contact_name": "李母", "emergency_contact_phone": "13700002222",
        "version_id": "0"})
    assert STALE in response.get_data(as_text=True)
    api = client.patch(f"/api/v1/staff/{org.desk_staff.id}", json={"name_en": "Li", "version_id": 0},
                       headers={"Authorization": bearer(org.hr)["Authorization"], "Accept-Language": "en"})
    assert api.status_code == 409 and api.get_json()["message"] == STALE
    assert db.session.get(StaffMember, org.desk_staff.id).phone != "13700001111"
