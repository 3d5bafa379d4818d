"""Import planning and applying, and export, against the database (no HTTP)."""
import io
from datetime import date, timedelta
from decimal import Decimal

import openpyxl
import pytest
import sqlalchemy as sa

from hrapp.blueprints.staff.services import StaffFilters
from hrapp.blueprints.staff_import_export.export import export_table
from hrapp.blueprints.staff_import_export.services import apply_import, plan_staged, preview_upload
from hrapp.blueprints.staff_import_export.staging import StagedImport
from hrapp.blueprints.staff_import_export.writer import build_xlsx
from hrapp.extensions import db
from hrapp.models import AuditEntry, EmploymentEvent, EmploymentStatus, EventKind, Position, StaffMember
from tests.conftest import count
from tests.fixtures import make_id_number

HEADERS = ["工号", "姓名", "英文名", "性别", "出生日期", "身份证号", "电话", "邮箱", "部门编码", "岗位编码",
           "直接上级工号", "入职日期", "状态", "离职日期", "参加工作日期", "试用期结束日期", "合同到期日期", "日工资",
           "月基本工资", "紧急联系人", "紧急联系电话", "备注"]
COL = {name: i for i, name in enumerate(HEADERS)}
BAD_LINES = {2 + 100: "入职日期", 2 + 500: "部门编码", 2 + 900: "日工资"}  # spreadsheet rows (header is row 1)


def staff_rows(n: int = 1000, departments=("FO", "HK"), position: str = "P-REC") -> list[list]:
    """`n` valid rows with real Excel dates and numbers mixed with text; some superiors are
    rows further down the same file."""
    rows = []
    for i in range(n):
        birth = date(1980, 1, 1) + timedelta(days=7 * i)
        superior = "" if i == 0 else (f"T{i + 1:05d}" if i % 50 == 0 and i + 1 < n else "T00000")
        rows.append([
            f"T{i:05d}", f"员工{i}", f"Person {i}", "男" if i % 2 else "female", birth, make_id_number(birth, i),
            f"138{i:08d}", f"p{i}@example.com", departments[i % 2], position if i % 6 == 0 else "", superior,
            date(2020, 1, 1) + timedelta(days=i), "在职" if i % 4 else "probation", None, None, None, None,
            200 + (i % 7) + 0.5, "4500.00", f"联系人{i}", "13900000000", "",
        ])
    return rows


def with_bad_rows(rows: list[list]) -> list[list]:
    """The acceptance test's 3 bad rows: impossible date, unknown department, negative pay."""
    rows = [list(r) for r in rows]
    rows[100][COL["入职日期"]] = "2023-02-30"
    rows[500][COL["部门编码"]] = "NOPE"
    rows[900][COL["日工资"]] = -5
    return rows


def xlsx_bytes(rows: list[list], headers=HEADERS) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def company(org, make_position):
    """The org fixture's FO and HK departments plus the position the rows use."""
    make_position("P-REC", "接待员", department=org.front)
    return org.front, org.housekeeping


def _versions() -> dict[str, int]:
    return dict(db.session.execute(sa.select(StaffMember.staff_number, StaffMember.version_id)).all())


def test_1000_rows_all_or_nothing_then_idempotent(company, org):
    good = staff_rows()
    audit_before = count(AuditEntry)
    plan = preview_upload("staff.xlsx", xlsx_bytes(with_bad_rows(good)))
    assert {(p.line, p.column) for p in plan.problems} == set(BAD_LINES.items())
    assert plan.counts["error"] == 3 and not plan.can_commit
    with pytest.raises(ValueError):
        apply_import(plan, org.hr)
    assert count(StaffMember) == 3  # the org fixture's staff only

    plan = preview_upload("staff.xlsx", xlsx_bytes(good))
    assert plan.problems == [] and plan.counts["create"] == 1000
    counts = apply_import(plan, org.hr)
    db.session.commit()
    assert counts["create"] == 1000 and count(StaffMember) == 1003
    audit_rows = count(AuditEntry)
    summary = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "import.staff"))
    assert summary.after == {"filename": "staff.xlsx", "rows": 1000, "created": 1000, "updated": 0, "unchanged": 0}
    assert audit_rows == audit_before + 1001  # one per record plus the summary
    t50 = db.session.scalar(sa.select(StaffMember).where(StaffMember.staff_number == "T00050"))
    assert t50.superior.staff_number == "T00051"  # a superior further down the same file
    assert t50.daily_wage_amount == Decimal("201.50") and t50.monthly_base_amount == Decimal("4500.00")
    versions = _versions()

    again = preview_upload("staff.xlsx", xlsx_bytes(good))
    assert again.counts["unchanged"] == 1000 and not again.has_changes
    apply_import(again, org.hr)
    db.session.commit()
    assert count(AuditEntry) == audit_rows and _versions() == versions


def test_existing_staff_are_updated_with_history_and_audit(company, org, make_staff):
    fo, hk = company
    person = make_staff(fo, staff_number="T00000", name_zh="旧名")
    before = db.session.scalar(sa.select(sa.func.max(AuditEntry.id))) or 0  # ids are not reset between tests
    rows = staff_rows(2)
    rows[0][COL["部门编码"]], rows[0][COL["岗位编码"]] = "HK", ""  # P-REC is a front-office position
    plan = preview_upload("s.xlsx", xlsx_bytes(rows))
    assert [r.action for r in plan.rows] == ["update", "create"]
    assert {"name_zh", "department_id"} <= set(plan.rows[0].changed)
    apply_import(plan, org.hr)
    db.session.commit()
    db.session.refresh(person)
    assert person.name_zh == "员工0" and person.department_id == hk.id
    kinds = db.session.scalars(sa.select(EmploymentEvent.kind).where(EmploymentEvent.staff_id == person.id)).all()
    assert EventKind.TRANSFER in kinds
    actions = db.session.scalars(sa.select(AuditEntry.action).where(AuditEntry.id > before)).all()
    assert sorted(actions) == ["import.staff", "staff.create", "staff.update"]


def test_blank_status_and_pay_keep_stored_values(company, org, make_staff):
    fo, _hk = company
    person = make_staff(fo, staff_number="T00000", status=EmploymentStatus.ACTIVE)
    row = staff_rows(1)[0]
    row[COL["状态"]], row[COL["日工资"]], row[COL["月基本工资"]] = "", None, ""
    row[COL["出生日期"]], row[COL["身份证号"]] = person.birth_on, person.id_number
    plan = preview_upload("s.xlsx", xlsx_bytes([row]))
    assert plan.problems == []
    assert plan.rows[0].data.status == EmploymentStatus.ACTIVE
    assert plan.rows[0].data.daily_wage_amount == person.daily_wage_amount


@pytest.mark.parametrize(("change", "column", "fragment"), [
    ({"直接上级工号": "NOBODY"}, "直接上级工号", "NOBODY"),
    ({"岗位编码": "P-NONE"}, "岗位编码", "P-NONE"),
    ({"身份证号": "110101199001011235"}, "身份证号", "check digit"),
    ({"离职日期": "2021-01-01"}, "离职日期", "only allowed"),
    ({"性别": "?"}, "性别", "gender"),
    ({"邮箱": "not-an-email"}, "邮箱", "email"),
    ({"日工资": "1.005"}, "日工资", "2 decimal"),
])
def test_row_problems_name_the_cell(company, change, column, fragment):
    row = staff_rows(1)[0]
    for name, value in change.items():
        row[COL[name]] = value
    plan = preview_upload("s.xlsx", xlsx_bytes([row]))
    assert [(p.line, p.column) for p in plan.problems] == [(2, column)]
    assert fragment in plan.problems[0].message


def test_duplicates_loops_and_unheaded_values_are_errors(company):
    rows = staff_rows(4)
    rows[1][COL["工号"]], rows[1][COL["直接上级工号"]] = "T00000", ""
    rows[2][COL["直接上级工号"]], rows[3][COL["直接上级工号"]] = "T00003", "T00002"
    rows[0].append("stray")
    problems = {(p.line, p.column, p.message) for p in preview_upload("s.xlsx", xlsx_bytes(rows)).problems}
    assert problems == {
        (3, "工号", "This staff number also appears on row 2."),
        (4, "直接上级工号", "The superiors given in this file form a loop."),
        (5, "直接上级工号", "The superiors given in this file form a loop."),
        (2, "W", "A value in a column without a header."),
    }


def test_header_problems_stop_before_rows(company):
    plan = preview_upload("s.xlsx", xlsx_bytes(staff_rows(1), headers=["工号", "x", "英文名"] + HEADERS[3:]))
    assert [(p.line, p.column, p.message) for p in plan.problems] == [
        (1, "x", "Unknown column “x”."), (1, "姓名", "Required column “姓名” is missing.")]
    assert plan.rows == [] and not plan.can_commit


def test_staged_plan_is_validated_again(company, org, make_staff):
    plan = preview_upload("s.xlsx", xlsx_bytes(staff_rows(3)))
    staged = StagedImport("t" * 40, org.hr.id, "s.xlsx", plan.header_names, plan.staged_rows())
    assert plan_staged(staged).counts["create"] == 3
    make_staff(org.front, staff_number="T00001")  # someone created it meanwhile: now an update
    assert [r.action for r in plan_staged(staged).rows] == ["create", "update", "create"]
    position = db.session.scalar(sa.select(Position).where(Position.code == "P-REC"))
    position.code = "P-NEW"
    db.session.commit()
    replanned = plan_staged(staged)
    assert not replanned.can_commit
    assert [(p.line, p.message) for p in replanned.problems] == [(2, "Unknown position code “P-REC”.")]


def test_export_reimports_unchanged(company, org):
    apply_import(preview_upload("s.xlsx", xlsx_bytes(staff_rows(20))), org.hr)
    db.session.commit()
    headers, rows = export_table(org.hr, StaffFilters())
    assert headers == HEADERS and len(rows) == 23  # with the org fixture's 3
    plan = preview_upload("export.xlsx", build_xlsx(headers, rows))
    assert plan.problems == [] and plan.counts["unchanged"] == 23


def test_export_for_heads_has_no_sensitive_columns(org):
    headers, rows = export_table(org.head, StaffFilters(), zh=False)
    assert "ID number" not in headers and "Daily wage" not in headers and "Monthly base pay" not in headers
    numbers = {r[headers.index("Staff number")] for r in rows}
    assert numbers == {org.head_staff.staff_number, org.desk_staff.staff_number}
    assert org.hk_staff.staff_number not in numbers
