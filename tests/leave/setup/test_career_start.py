"""The career start date (参加工作日期) HR records on the staff form and in the staff import; annual leave counts
cumulative service from it, and the person's balances page shows it."""
import io
import re
from datetime import date

import pytest
import sqlalchemy as sa

from hrapp.blueprints.leave.setup.granting import grant_year
from hrapp.extensions import db
from hrapp.models import StaffMember

from .conftest import entitlement

CSV = "工号,姓名,性别,部门编码,入职日期,日薪,参加工作日期\r\nC001,张三,男,HK,2021-03-01,180.50,2008-07-01\r\n"


@pytest.fixture(autouse=True)
def import_dir(app, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "IMPORT_DIR", str(tmp_path))
    return tmp_path


def test_the_staff_form_offers_the_career_start(client, auth, setup_org):
    auth.login("hr")
    form = client.get(f"/staff/{setup_org.hk_staff.id}/edit").get_data(as_text=True)
    assert 'name="career_started_on"' in form and "参加工作日期" in form


def test_the_import_reads_the_career_start_and_the_grant_counts_from_it(client, auth, setup_org):
    auth.login("hr")
    preview = client.post("/staff-import-export/import", content_type="multipart/form-data",
                          data={"file": (io.BytesIO(CSV.encode("utf-8-sig")), "staff.csv")}).get_data(as_text=True)
    token = re.search(r'name="token" type="hidden" value="([^"]+)"', preview).group(1)
    assert client.post("/staff-import-export/import/confirm", data={"token": token}).status_code == 302
    person = db.session.scalar(sa.select(StaffMember).where(StaffMember.staff_number == "C001"))
    assert person.career_started_on == date(2008, 7, 1)
    grant_year(setup_org.hr, 2026, [person.id])
    assert entitlement(person, 2026, setup_org.types["annual"]).granted_days == 10  # 17 years of service
    db.session.commit()
    page = client.get(f"/leave/balances/{person.id}").get_data(as_text=True)
    assert "2008" in page and "累计工作" in page
