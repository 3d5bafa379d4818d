"""The month's payroll export (XLSX and CSV) from the ledger page, and the same file from the CLI."""
import csv
import io
from decimal import Decimal

import openpyxl

from hrapp.extensions import db
from hrapp.models import LedgerResolution, LedgerResolutionKind

from .conftest import MONTH


def _scene(ledger, make_violation, make_reward):
    make_violation(ledger.desk_staff, ledger.fine, amount=Decimal("870.01"))
    make_violation(ledger.hk_staff, ledger.fine, amount=Decimal("100.00"))
    make_violation(ledger.hk_staff, ledger.damage, amount=Decimal("35.50"))
    make_reward(ledger.hk_staff, ledger.bonus, amount=Decimal("200.00"))


def _sheet(body: bytes):
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_xlsx_in_chinese_with_decimal_amounts_flagged_first(client, auth, ledger, make_violation, make_reward):
    _scene(ledger, make_violation, make_reward)
    auth.login("hr")
    response = client.get(f"/conduct/ledger/export.xlsx?month={MONTH}")
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    assert "conduct-ledger-2026-05.xlsx" in response.headers["Content-Disposition"]
    rows = _sheet(response.data)
    assert rows[0][:9] == ["工号", "姓名", "部门", "罚款", "赔偿", "扣款合计", "奖励", "净额", "绩效扣分"]
    desk, hk = rows[1], rows[2]  # the flagged person first
    assert desk[0] == ledger.desk_staff.staff_number and "已标记" in desk[10]
    assert hk[:9] == [ledger.hk_staff.staff_number, "赵服务员", "客房部", 100, 35.5, 135.5, 200, 64.5, 0]
    assert hk[9] == 4350 and hk[10] == "未超限"
    sheet = openpyxl.load_workbook(io.BytesIO(response.data)).active
    assert sheet["D3"].number_format == "0.00"


def test_csv_in_english_and_department_filter(client, auth, ledger, make_violation, make_reward):
    _scene(ledger, make_violation, make_reward)
    db.session.add(LedgerResolution(staff_id=ledger.desk_staff.id, month=MONTH, kind=LedgerResolutionKind.OVERRIDE,
                                    reason="=cmd|' /C calc'!A0", deductions_amount=Decimal("870.01")))
    db.session.commit()
    auth.login("hr")
    client.post("/auth/locale/en")
    response = client.get(f"/conduct/ledger/export.csv?month={MONTH}")
    assert response.mimetype == "text/csv"
    text = response.data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:4] == ["Staff number", "Full name", "Department", "Fines"]
    desk = next(r for r in rows if r[0] == ledger.desk_staff.staff_number)
    assert desk[3] == "870.01" and desk[10].startswith("Accepted by override") and desk[11] == "Override"
    assert desk[12].startswith("'=")  # neutralised
    only_hk = client.get(f"/conduct/ledger/export.csv?month={MONTH}&department_id={ledger.housekeeping.id}")
    numbers = [r[0] for r in csv.reader(io.StringIO(only_hk.data.decode("utf-8-sig")))][1:]
    assert numbers == [ledger.hk_staff.staff_number]


def test_cli_writes_the_same_file_for_the_whole_company(runner, ledger, make_violation, make_reward, tmp_path):
    _scene(ledger, make_violation, make_reward)
    out = tmp_path / "ledger.xlsx"
    result = runner.invoke(args=["conduct", "ledger", MONTH, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 people" in result.output
    rows = _sheet(out.read_bytes())
    assert [r[0] for r in rows[1:]] == [ledger.desk_staff.staff_number, ledger.hk_staff.staff_number]
    assert rows[1][3] == 870.01
    csv_out = tmp_path / "ledger.csv"
    assert runner.invoke(args=["conduct", "ledger", MONTH, "--out", str(csv_out)]).exit_code == 0
    assert csv_out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert len(list(csv.reader(io.StringIO(csv_out.read_text("utf-8-sig"))))) == 3


def test_cli_refuses_a_bad_month_or_extension(runner, ledger, tmp_path):
    bad_month = runner.invoke(args=["conduct", "ledger", "2026-13", "--out", str(tmp_path / "x.xlsx")])
    assert bad_month.exit_code != 0 and not (tmp_path / "x.xlsx").exists()
    bad_ext = runner.invoke(args=["conduct", "ledger", MONTH, "--out", str(tmp_path / "x.pdf")])
    assert bad_ext.exit_code != 0 and "xlsx" in bad_ext.output
