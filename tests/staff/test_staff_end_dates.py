"""The two dates the HR desk lists, on the staff form, page, export and import: the probation's and the
contract's end, neither before the hire date."""
import io

import lxml.html
import pytest

from hrapp.extensions import db
from hrapp.models import StaffMember
from tests.routes.test_staff_routes import form
from tests.staff.test_form_errors import english, invalid_fields

BEFORE_HIRE = "This date cannot be before the hire date."
pytestmark = pytest.mark.usefixtures(english.__name__)  # the form's messages in English


def test_the_dates_are_saved_and_shown_on_the_staff_page(client, auth, org):
    auth.login("hr")
    response = client.post("/staff/new", data=form(org, staff_number="HQ9001", probation_ends_on="2024-12-31",
                                                   contract_ends_on="2027-05-31"))
    assert response.status_code == 302, response.text
    staff = db.session.query(StaffMember).filter_by(staff_number="HQ9001").one()
    assert (str(staff.probation_ends_on), str(staff.contract_ends_on)) == ("2024-12-31", "2027-05-31")
    page = lxml.html.fromstring(client.get(f"/staff/{staff.id}").get_data(as_text=True))
    assert page.xpath('string(//*[@id="probation-ends-on"])') == "2024-12-31"
    assert page.xpath('string(//*[@id="contract-ends-on"])') == "2027-05-31"


@pytest.mark.parametrize("field", ["probation_ends_on", "contract_ends_on"])
def test_a_date_before_the_hire_is_refused(client, auth, org, field):
    auth.login("hr")
    html = client.post("/staff/new", data=form(org, staff_number="HQ9002", **{field: "2000-01-01"})).get_data(
        as_text=True)
    assert field in invalid_fields(html) and BEFORE_HIRE in html
    assert db.session.query(StaffMember).filter_by(staff_number="HQ9002").count() == 0


def test_export_carries_the_dates_and_an_import_sets_them(client, auth, org, app, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "IMPORT_DIR", str(tmp_path))
    org.desk_staff.contract_ends_on = org.desk_staff.hire_on.replace(year=2030)
    db.session.commit()
    auth.login("hr")
    exported = client.get("/staff-import-export/export.csv").data.decode("utf-8-sig")
    header = exported.splitlines()[0].split(",")
    assert "Probation ends on" in header and "Contract ends on" in header
    column = header.index("Contract ends on")
    row = next(line for line in exported.splitlines() if line.startswith(org.desk_staff.staff_number))
    assert row.split(",")[column] == "2030-03-01"
    changed = exported.replace(row, ",".join(
        value if i != header.index("Probation ends on") else "2020-08-31" for i, value in enumerate(row.split(","))))
    preview = client.post("/staff-import-export/import", content_type="multipart/form-data",
                          data={"file": (io.BytesIO(changed.encode("utf-8-sig")), "staff.csv")})
    body = preview.get_data(as_text=True)
    assert preview.status_code == 200 and 'id="import-problems"' not in body and 'id="import-nothing"' not in body
