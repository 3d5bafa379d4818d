"""Import (upload, preview, confirm) and export through HTTP: the flows, the scope, the 403 matrix."""
import csv
import io
import re
from datetime import date, datetime

import openpyxl
import pytest
import sqlalchemy as sa

from config import TestingConfig
from hrapp import create_app
from hrapp.blueprints.auth.services import create_user
from hrapp.blueprints.org.services import save_department
from hrapp.blueprints.staff_import_export.columns import COLUMNS
from hrapp.company import company_today
from hrapp.extensions import db
from hrapp.models import AuditEntry, Department, EmploymentStatus, Role, StaffMember
from tests.conftest import PASSWORD, count
from tests.services.test_staff_import_export_services import BAD_LINES, HEADERS, staff_rows, with_bad_rows, xlsx_bytes
from tests.unit.test_staff_import_export_rules import PNG

CSV_TEXT = ("工号,姓名,性别,部门编码,入职日期,日薪\r\n"
            "C001,张三,男,HK,2021-03-01,180.50\r\n"
            "C002,李四,女,FO-DESK,2021/3/2,200\r\n")


@pytest.fixture(autouse=True)
def english(client):
    """These tests read the English messages; the session keeps the language through login."""
    client.post("/auth/locale/en")


@pytest.fixture(autouse=True)
def import_dir(app, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "IMPORT_DIR", str(tmp_path))
    return tmp_path


@pytest.fixture
def company(org, make_position):
    make_position("P-REC", "接待员", department=org.front)
    return org


def upload(client, data: bytes, name: str = "staff.xlsx"):
    return client.post("/staff-import-export/import", data={"file": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")


def token_of(body: str) -> str:
    match = re.search(r'name="token" type="hidden" value="([^"]+)"', body)
    assert match, "no confirm form"
    return match.group(1)


def versions() -> dict:
    return dict(db.session.execute(sa.select(StaffMember.staff_number, StaffMember.version_id)).all())


def test_import_1000_rows_preview_blocks_errors_then_imports_once(client, auth, company, import_dir):
    auth.login("hr")
    staff_before, audit_before = count(StaffMember), count(AuditEntry)
    response = upload(client, xlsx_bytes(with_bad_rows(staff_rows())))
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and 'id="import-problems"' in body
    problems = re.findall(r"<tr><td>(\d+)</td><td>([^<]*)</td><td>([^<]*)</td></tr>", body)
    assert {(int(line), column) for line, column, _ in problems} == set(BAD_LINES.items())
    assert "3 with errors" in body and 'id="import-confirm"' not in body and 'name="token"' not in body
    assert list(import_dir.iterdir()) == []  # nothing staged
    forged = client.post("/staff-import-export/import/confirm", data={"token": "A" * 43})
    assert forged.status_code == 302 and client.post("/staff-import-export/import/confirm").status_code == 302
    assert count(StaffMember) == staff_before and count(AuditEntry) == audit_before

    body = upload(client, xlsx_bytes(staff_rows())).get_data(as_text=True)
    assert "1000 to create" in body and "0 with errors" in body
    token = token_of(body)
    response = client.post("/staff-import-export/import/confirm", data={"token": token})
    assert response.status_code == 302 and response.headers["Location"] == "/staff/"
    assert count(StaffMember) == staff_before + 1000
    assert count(AuditEntry) == audit_before + 1001
    assert list(import_dir.iterdir()) == []  # the staged file is gone
    assert "1000 created, 0 updated, 0 unchanged" in client.get("/staff/").get_data(as_text=True)
    assert client.post("/staff-import-export/import/confirm", data={"token": token}).status_code == 302  # used up

    stored, audit_rows = versions(), count(AuditEntry)
    body = upload(client, xlsx_bytes(staff_rows())).get_data(as_text=True)
    assert "1000 unchanged" in body and 'id="import-nothing"' in body and 'name="token"' not in body
    assert client.post("/staff-import-export/import/confirm", data={"token": token}).status_code == 302
    assert versions() == stored and count(AuditEntry) == audit_rows


def test_staged_import_can_only_be_confirmed_by_its_uploader(client, auth, company):
    auth.login("hr")
    token = token_of(upload(client, CSV_TEXT.encode(), "staff.csv").get_data(as_text=True))
    auth.logout()
    auth.login("admin")
    assert client.post("/staff-import-export/import/confirm", data={"token": token}).status_code == 403
    assert db.session.scalar(sa.select(StaffMember).where(StaffMember.staff_number == "C001")) is None
    auth.logout()
    auth.login("hr")
    assert client.post("/staff-import-export/import/confirm", data={"token": token}).status_code == 302
    assert db.session.scalar(sa.select(StaffMember.name_zh).where(StaffMember.staff_number == "C001")) == "张三"


def test_confirm_validates_again(client, auth, company):
    auth.login("hr")
    token = token_of(upload(client, CSV_TEXT.encode(), "staff.csv").get_data(as_text=True))
    db.session.execute(sa.update(Department).where(Department.id == company.housekeeping.id).values(code="HK-OLD"))
    db.session.commit()
    body = client.post("/staff-import-export/import/confirm", data={"token": token}).get_data(as_text=True)
    assert "nothing was imported" in body and "Unknown department code “HK”." in body
    assert count(StaffMember) == 3


@pytest.mark.parametrize("encoded", [("\ufeff" + CSV_TEXT).encode("utf-8"), CSV_TEXT.encode("gb18030")],
                         ids=["utf8-bom", "gb18030"])
def test_csv_import_in_utf8_bom_and_gb18030(client, auth, company, encoded):
    auth.login("hr")
    body = upload(client, encoded, "员工.csv").get_data(as_text=True)
    assert "2 to create" in body and "员工.csv" in body
    client.post("/staff-import-export/import/confirm", data={"token": token_of(body)})
    rows = db.session.execute(sa.select(StaffMember.name_zh, StaffMember.daily_wage_amount, StaffMember.hire_on)
                              .where(StaffMember.staff_number.in_(["C001", "C002"])).order_by(StaffMember.id)).all()
    assert [tuple(map(str, r)) for r in rows] == [("张三", "180.50", "2021-03-01"), ("李四", "200.00", "2021-03-02")]


@pytest.mark.parametrize(("data", "name", "message"), [
    (PNG, "photo.xlsx", "This file is not a valid XLSX workbook."),
    (PNG, "photo.csv", "This file is not a readable CSV file."),
    (b"a,b\n", "notes.txt", "Upload a .xlsx or .csv file."),
    (b"", "staff.csv", "The file is empty."),
    ("工号,姓名\r\n".encode(), "staff.csv", "The file has a header row but no data rows."),
])
def test_wrong_uploads_are_refused_with_a_message(client, auth, company, data, name, message):
    auth.login("hr")
    body = upload(client, data, name).get_data(as_text=True)
    assert message in body and 'id="import-upload"' in body and 'id="import-summary"' not in body


def test_upload_over_the_limit_is_413(client, auth, company):
    auth.login("hr")
    assert upload(client, b"x" * (6 * 1024 * 1024), "big.csv").status_code == 413


def test_markup_in_a_name_is_stored_as_text_and_escaped(client, auth, company):
    auth.login("hr")
    text = "工号,姓名,性别,部门编码,入职日期,日薪\r\nX1,<script>alert(1)</script>,男,FO,2022-01-01,180\r\n"
    body = upload(client, text.encode(), "x.csv").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body and "<script>alert" not in body
    client.post("/staff-import-export/import/confirm", data={"token": token_of(body)})
    stored = db.session.scalar(sa.select(StaffMember.name_zh).where(StaffMember.staff_number == "X1"))
    assert stored == "<script>alert(1)</script>"
    listing = client.get("/staff/?q=X1").get_data(as_text=True)
    assert "&lt;script&gt;" in listing and "<script>alert" not in listing


def test_template_download_has_the_headers(client, auth, company):
    client.post("/auth/locale/zh")  # headers follow the UI language; Chinese is the default
    auth.login("hr")
    response = client.get("/staff-import-export/import/template.xlsx")
    assert response.status_code == 200 and "staff-import-template.xlsx" in response.headers["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(response.data)).active
    assert [c.value for c in sheet[1]] == [c.zh for c in COLUMNS]


def _csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))


def test_export_csv_is_neutralised_and_complete_for_hr(client, auth, company, make_staff):
    client.post("/auth/locale/zh")  # headers follow the UI language; Chinese is the default
    make_staff(company.housekeeping, staff_number="F1", name_zh="=1+1", phone="+86 138 0000 0000")
    auth.login("hr")
    response = client.get("/staff-import-export/export.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert f"staff-{company_today():%Y%m%d}.csv" in response.headers["Content-Disposition"]
    assert response.headers["Cache-Control"] == "no-store"
    rows = _csv_rows(response)
    assert rows[0] == HEADERS and len(rows) == 1 + 4
    row = dict(zip(rows[0], next(r for r in rows if r[0] == "F1"), strict=True))
    assert row["姓名"] == "'=1+1" and row["电话"] == "'+86 138 0000 0000"
    assert row["身份证号"] and row["日工资"] == "200.00" and row["部门编码"] == "HK" and row["状态"] == "试用"


def test_export_xlsx_writes_strings_not_formulas(client, auth, company, make_staff):
    client.post("/auth/locale/zh")  # headers follow the UI language; Chinese is the default
    make_staff(company.front, staff_number="F1", name_zh="=1+1")
    auth.login("hr")
    response = client.get("/staff-import-export/export.xlsx?q=F1")
    assert f"staff-{company_today():%Y%m%d}.xlsx" in response.headers["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(response.data)).active
    assert [c.value for c in sheet[1]] == HEADERS and sheet.max_row == 2
    name = sheet.cell(row=2, column=HEADERS.index("姓名") + 1)
    assert name.value == "'=1+1" and name.data_type == "s"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_reimports_without_changes(client, auth, company, make_staff, fmt):
    make_staff(company.front, name_zh="=1+1", name_en="-x", phone="+86 138 0000 0000", notes="@home\nline 2",
               status=EmploymentStatus.LEFT, left_on=date(2024, 5, 1), superior=company.head_staff)
    auth.login("hr")
    exported = client.get(f"/staff-import-export/export.{fmt}").data
    body = upload(client, exported, f"export.{fmt}").get_data(as_text=True)
    assert "4 unchanged" in body and 'id="import-nothing"' in body


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_head_exports_own_departments_without_sensitive_data(client, auth, company, fmt):
    auth.login("head")
    response = client.get(f"/staff-import-export/export.{fmt}?department={company.housekeeping.id}")
    assert response.status_code == 200
    if fmt == "csv":
        rows = _csv_rows(response)
    else:
        rows = [[c.value or "" for c in r] for r in openpyxl.load_workbook(io.BytesIO(response.data)).active]
    headers = rows[0]
    assert not {"身份证号", "日工资", "月基本工资"} & set(headers)
    assert sorted(r[0] for r in rows[1:]) == sorted([company.head_staff.staff_number, company.desk_staff.staff_number])
    text = repr(rows)
    assert company.head_staff.id_number not in text and company.desk_staff.id_number not in text
    assert "4500" not in text and "200.00" not in text


def test_export_honours_the_list_filters(client, auth, company):
    auth.login("hr")
    rows = _csv_rows(client.get(f"/staff-import-export/export.csv?department={company.front.id}"))
    assert sorted(r[0] for r in rows[1:]) == sorted([company.head_staff.staff_number, company.desk_staff.staff_number])
    assert client.get("/staff-import-export/export.pdf").status_code == 404


@pytest.mark.parametrize(("method", "url"), [
    ("get", "/staff-import-export/import"), ("post", "/staff-import-export/import"), ("post", "/staff-import-export/import/confirm"),
    ("get", "/staff-import-export/import/template.xlsx"), ("get", "/staff-import-export/export.csv"), ("get", "/staff-import-export/export.xlsx"),
])
@pytest.mark.parametrize(("role", "allowed"), [
    (None, set()), ("staff", set()), ("head", {"/staff-import-export/export.csv", "/staff-import-export/export.xlsx"}),
])
def test_access_matrix(client, auth, org, method, url, role, allowed):
    if role:
        auth.login(role)
    response = getattr(client, method)(url)
    if role is None:
        assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
    elif url in allowed:
        assert response.status_code == 200
    else:
        assert response.status_code == 403


def test_nav_and_list_link_to_import_and_export(client, auth, org):
    auth.login("hr")
    body = client.get("/staff/").get_data(as_text=True)
    assert "/staff-import-export/import" in body and "/staff-import-export/export.xlsx" in body and "/staff-import-export/export.csv" in body


def test_upload_and_confirm_carry_csrf_tokens(tmp_path):
    """With CSRF on (the other tests turn it off) both forms carry a token and work with it."""

    class CsrfConfig(TestingConfig):
        SQLALCHEMY_DATABASE_URI = f"sqlite:///{tmp_path / 'csrf.sqlite'}"
        WTF_CSRF_ENABLED = True
        IMPORT_DIR = str(tmp_path / "imports")

    app = create_app(CsrfConfig)
    with app.app_context():
        db.create_all()
        create_user("clerk", PASSWORD, Role.HR, None, must_change_password=False)
        save_department(None, None, "HK", "客房部", "", None, 0)
        save_department(None, None, "FO-DESK", "前台", "", None, 0)
        db.session.commit()
        db.session.remove()
    client = app.test_client()
    csrf_re = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
    login_page = client.get("/auth/login").get_data(as_text=True)
    client.post("/auth/login", data={"identifier": "clerk", "password": PASSWORD,
                                     "csrf_token": csrf_re.search(login_page).group(1)})
    form_token = csrf_re.search(client.get("/staff-import-export/import").get_data(as_text=True)).group(1)
    preview = client.post("/staff-import-export/import", content_type="multipart/form-data", data={
        "file": (io.BytesIO(CSV_TEXT.encode()), "s.csv"), "csrf_token": form_token}).get_data(as_text=True)
    confirm_form = preview[preview.index('id="import-confirm"'):]
    token, csrf = token_of(confirm_form), csrf_re.search(confirm_form).group(1)
    assert client.post("/staff-import-export/import/confirm", data={"token": token}).status_code == 400
    assert client.post("/staff-import-export/import/confirm", data={"token": token, "csrf_token": csrf}).status_code == 302
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(StaffMember)) == 2
        db.session.remove()
        db.engine.dispose()


def test_staff_export_has_typed_cells_widths_and_a_frozen_bold_header(client, auth, company, make_staff):
    client.post("/auth/locale/zh")
    make_staff(company.housekeeping, staff_number="F1", name_zh="=欧阳娜娜娜娜娜娜", hire_on=date(2021, 3, 1))
    auth.login("hr")
    sheet = openpyxl.load_workbook(io.BytesIO(client.get("/staff-import-export/export.xlsx?q=F1").data)).active
    assert [c.value for c in sheet[1]] == HEADERS and all(c.font.b for c in sheet[1]) and sheet.freeze_panes == "A2"
    row = {h: c for h, c in zip(HEADERS, sheet[2], strict=True)}
    assert row["入职日期"].value == datetime(2021, 3, 1) and row["入职日期"].number_format == "yyyy-mm-dd"
    assert row["日工资"].data_type == "n" and row["日工资"].number_format == "0.00" and row["日工资"].value == 200
    assert row["姓名"].value == "'=欧阳娜娜娜娜娜娜" and row["姓名"].data_type == "s"
    width = {h: sheet.column_dimensions[c.column_letter].width for h, c in row.items()}
    assert width["姓名"] == 2 + 8 * 2 + 2  # "'=", eight wide characters, the margin
    assert width["入职日期"] == 12 and width["工号"] == 6  # a date's ten characters; the minimum
