"""The sheet over HTTP: the page and its picker, the XLSX, HR's payroll export (CSV and XLSX, one department or
all, lateness to conduct or to payroll), and the query budget."""
import csv
import io
from decimal import Decimal

from openpyxl import load_workbook

from hrapp.blueprints.attendance.settings import attendance_settings
from hrapp.extensions import db
from hrapp.models import PenaltyRoute

from .conftest import MONTH_TEXT, close_month

SHEET = f"/attendance/sheet/FO/{MONTH_TEXT}"


def test_sheet_page_shows_marks_totals_and_leave_names(sheet_month, client, auth):
    auth.login("head")
    page = client.get(SHEET).get_data(as_text=True)
    assert 'id="sheet-table"' in page and sheet_month.person.staff_number in page
    assert 'title="年休假">假<' in page and 'title="迟到">迟<' in page
    assert "年休假" in page and 'id="sheet-xlsx"' in page
    assert 'id="sheet-closed"' not in page


def test_sheet_page_in_english(sheet_month, client, auth):
    auth.login("hr")
    client.post("/auth/locale/en")
    page = client.get(SHEET).get_data(as_text=True)
    assert "Monthly attendance sheet" in page and "Overtime on rest days (h)" in page


def test_department_code_any_case_and_empty_month(sheet_month, client, auth):
    auth.login("hr")
    assert client.get(f"/attendance/sheet/fo/{MONTH_TEXT}").status_code == 200
    page = client.get("/attendance/sheet/HK/2026-03").get_data(as_text=True)
    assert 'id="sheet-empty"' in page


def test_bad_month_or_department_is_404(sheet_month, client, auth):
    auth.login("hr")
    for path in ("/attendance/sheet/FO/2026-13", "/attendance/sheet/FO/May", "/attendance/sheet/NOPE/2026-05",
                 "/attendance/sheet/FO/1999-01/xlsx", "/attendance/sheet/payroll/2026-05/pdf",
                 "/attendance/sheet/payroll/26-05/csv", "/attendance/sheet/payroll/2026-05/csv?department=NOPE"):
        assert client.get(path).status_code == 404, path


def test_picker_redirects_to_the_chosen_sheet(sheet_month, client, auth):
    auth.login("hr")
    response = client.get("/attendance/sheet/?department=hk&month=2026-04")
    assert response.status_code == 302 and response.headers["Location"].endswith("/attendance/sheet/HK/2026-04")
    default = client.get("/attendance/sheet/?month=garbled")
    assert default.status_code == 302 and "/attendance/sheet/" in default.headers["Location"]


def test_picker_offers_a_head_only_their_departments(sheet_month, client, auth):
    auth.login("head")
    response = client.get("/attendance/sheet/?department=HK&month=2026-05")
    assert response.headers["Location"].endswith(f"/attendance/sheet/FO/{MONTH_TEXT}")  # not theirs: their first
    page = client.get(SHEET).get_data(as_text=True)
    assert 'value="HK"' not in page and 'value="FO-DESK"' in page


def test_closed_month_offers_hr_the_signed_sheet(sheet_month, client, auth):
    close_month(sheet_month)
    auth.login("hr")
    page = client.get(SHEET).get_data(as_text=True)
    assert 'id="sheet-closed"' in page and 'id="sheet-issue"' in page
    auth.logout()
    auth.login("head")
    page = client.get(SHEET).get_data(as_text=True)
    assert 'id="sheet-closed"' in page and 'id="sheet-issue"' not in page  # HR issues, the head signs first


def test_sheet_xlsx(sheet_month, client, auth):
    auth.login("head")
    response = client.get(f"{SHEET}/xlsx")
    assert response.status_code == 200 and "attendance-FO-2026-05.xlsx" in response.headers["Content-Disposition"]
    rows = list(load_workbook(io.BytesIO(response.data)).active.iter_rows(values_only=True))
    header = rows[0]
    line = next(r for r in rows if r[0] == sheet_month.person.staff_number)
    assert header[2] == "1" and header[32] == "31"
    assert [line[1 + d] for d in (4, 5, 12, 14, 30)] == ["√", "迟", "假", "假", "休"]
    totals = dict(zip(header[33:], line[33:], strict=True))
    assert totals["出勤天数"] == 7 and totals["年休假 (天)"] == 2 and totals["病假 (天)"] == 0.5


def payroll_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))


def test_payroll_csv_under_conduct_deducts_nothing(sheet_month, client, auth):
    auth.login("hr")
    client.post("/auth/locale/en")
    response = client.get(f"/attendance/sheet/payroll/{MONTH_TEXT}/csv?department=FO")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    header, *rows = payroll_rows(response)
    line = dict(zip(header, next(r for r in rows if r[0] == sheet_month.person.staff_number), strict=True))
    assert line["Department"] == "FO" and line["Days worked"] == "7"
    assert line["Paid leave (days)"] == "2.5" and line["Unpaid leave (days)"] == "2.0"  # personal leave is unpaid
    assert (line["Absences (days)"], line["Late (minutes)"], line["Left early (minutes)"]) == ("1", "12", "20")
    assert line["Overtime on public holidays (h)"] == "4.0" and line["Overtime on rest days (h)"] == "8.0"
    assert (line["Deduct late (minutes)"], line["Deduct left early (minutes)"], line["Deduct absences (days)"]) \
        == ("0", "0", "0")
    assert line["Note"] == "Handled by the code of conduct"


def test_payroll_xlsx_under_payroll_carries_the_deductions_for_all_departments(sheet_month, client, auth):
    settings = attendance_settings()
    settings.penalties_via = PenaltyRoute.PAYROLL
    db.session.add(settings)
    db.session.commit()
    auth.login("hr")
    client.post("/auth/locale/en")
    response = client.get(f"/attendance/sheet/payroll/{MONTH_TEXT}/xlsx")
    assert response.status_code == 200 and "payroll-all-2026-05.xlsx" in response.headers["Content-Disposition"]
    header, *rows = list(load_workbook(io.BytesIO(response.data)).active.iter_rows(values_only=True))
    line = dict(zip(header, next(r for r in rows if r[0] == sheet_month.person.staff_number), strict=True))
    assert (line["Deduct late (minutes)"], line["Deduct left early (minutes)"], line["Deduct absences (days)"]) \
        == (12, 20, 1)
    assert line["Note"] is None and Decimal(str(line["Paid leave (days)"])) == Decimal("2.5")
    assert {r[2] for r in rows} == {"FO"}  # only the front office has attendance in May


def test_payroll_page(sheet_month, client, auth):
    auth.login("hr")
    page = client.get("/attendance/sheet/payroll?month=2026-05&department=FO").get_data(as_text=True)
    assert "/attendance/sheet/payroll/2026-05/csv?department=FO" in page
    assert "/attendance/sheet/payroll/2026-05/xlsx?department=FO" in page


def test_sheet_page_query_budget(sheet_month, client, auth, statements):
    auth.login("head")
    with statements() as seen:
        assert client.get(SHEET).status_code == 200
    assert len(seen) <= 10, "\n".join(seen)


def test_board_pages_link_to_the_sheet(sheet_month, client, auth):
    auth.login("head")
    month = client.get(f"/attendance/month?department_id={sheet_month.front.id}&month={MONTH_TEXT}")
    assert f'href="/attendance/sheet/FO/{MONTH_TEXT}"' in month.get_data(as_text=True)
    auth.logout()
    auth.login("hr")
    overview = client.get(f"/attendance/?month={MONTH_TEXT}").get_data(as_text=True)
    assert f'href="/attendance/sheet/HK/{MONTH_TEXT}"' in overview


def test_a_person_past_36_hours_of_overtime_is_flagged_on_the_page(sheet_month, client, auth):
    from datetime import date

    from hrapp.models import DayStatus

    from .conftest import add_day
    add_day(sheet_month.person, date(2026, 5, 16), DayStatus.REST_WORKED, worked_minutes=1900,
            overtime_minutes=1900, overtime_approved=True)  # with the month's 13.5 h: over 36 h
    db.session.commit()
    auth.login("hr")
    page = client.get(f"/attendance/sheet/FO/{MONTH_TEXT}").get_data(as_text=True)
    assert page.count("data-overtime-over-limit") == 1 and "加班超36小时" in page
