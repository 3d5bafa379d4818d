"""The shared validation shape over HTTP: a service's per-field messages land on the form's fields
(staff, accounts, organisation) and in the API's 422 body."""
import lxml.html

from hrapp.models import Department, StaffMember, User
from tests.conftest import count
from tests.routes.test_staff_routes import form as staff_form


def field_messages(response, field_id: str) -> list[str]:
    """The error texts Bootstrap renders beside the input (or select) whose id is `field_id`."""
    page = lxml.html.fromstring(response.get_data(as_text=True))
    (control,) = page.xpath(f"//*[@id='{field_id}']")
    return [e.text_content().strip() for e in control.getparent().xpath(".//*[contains(@class, 'invalid-feedback')]")]


def test_staff_form_shows_each_service_message_on_its_own_field(client, auth, org):
    auth.login("hr")
    before = count(StaffMember)
    response = client.post("/staff/new", data=staff_form(
        org, staff_number=org.desk_staff.staff_number, hire_on="1990-01-01"))
    assert response.status_code == 200 and count(StaffMember) == before
    assert field_messages(response, "staff_number") == ["该工号已被使用。"]
    assert field_messages(response, "hire_on") == ["入职日期不能早于出生日期。"]
    assert field_messages(response, "name_zh") == []


def test_staff_form_messages_follow_the_language(client, auth, org):
    auth.login("hr")
    client.post("/auth/locale/en")
    response = client.post("/staff/new", data=staff_form(org, superior_number="NOBODY"))
    assert field_messages(response, "superior_number") == ["Unknown superior."]


def test_account_form_shows_the_rule_message_on_its_field(client, auth, org):
    auth.login("hr")
    before = count(User)
    response = client.post("/accounts/new", data={"username": org.staff.username, "password": "a-long-unusual-pass-91",
                                                  "role": "staff", "is_enabled": "y"})
    assert response.status_code == 200 and count(User) == before
    assert field_messages(response, "username") == ["该用户名已被占用。"]


def test_department_form_shows_the_rule_message_on_its_field(client, auth, org):
    auth.login("admin")
    before = count(Department)
    response = client.post("/org/departments/new", data={"code": org.front_desk.code, "name": "x",
                                                         "planned_headcount": 0})
    assert response.status_code == 200 and count(Department) == before
    assert field_messages(response, "code") == ["该部门代码已被使用。"]
