"""Pure import/export rules: header matching, cell parsing, reading and writing files."""
import io
from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest

from hrapp.blueprints.staff_import_export.reader import MAX_ROWS, FileProblem, decode_text, is_xlsx, read_table
from hrapp.blueprints.staff_import_export.rules import (
    CellError,
    cell_text,
    creation_order,
    duplicate_numbers,
    map_headers,
    parse_date,
    parse_gender,
    parse_money,
    parse_row,
    parse_status,
    parse_text,
)
from hrapp.blueprints.staff_import_export.staging import values_from_json, values_to_json
from hrapp.blueprints.staff_import_export.writer import build_csv, build_xlsx
from hrapp.models import EmploymentStatus, Gender

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


def _code(func, value) -> str:
    with pytest.raises(CellError) as info:
        func(value)
    return info.value.code


@pytest.mark.parametrize(("value", "expected"), [
    ("2023-02-28", date(2023, 2, 28)),
    (" 2023/2/3 ", date(2023, 2, 3)),
    ("2024.02.29", date(2024, 2, 29)),
    (datetime(2023, 5, 6), date(2023, 5, 6)),
    (date(2023, 5, 6), date(2023, 5, 6)),
    ("", None),
    (None, None),
])
def test_parse_date_accepts_text_and_excel_dates(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["2023-02-30", "2023-13-01", "2023-00-10", "06/05/2023", "yesterday", 45000,
                                   45000.5, datetime(2023, 5, 6, 12, 30), "2023-1-1x"])
def test_parse_date_rejects_impossible_and_unreadable_dates(value):
    assert _code(parse_date, value) == "date"


@pytest.mark.parametrize(("value", "expected"), [
    ("4500", Decimal("4500.00")),
    ("4,500.50", Decimal("4500.50")),
    (" 0.1 ", Decimal("0.10")),
    (4500.1, Decimal("4500.10")),
    (199.99, Decimal("199.99")),
    (200, Decimal("200.00")),
    (Decimal("12.5"), Decimal("12.50")),
    ("'+5", Decimal("5.00")),
    ("", None),
    (None, None),
])
def test_parse_money_is_exact_decimal(value, expected):
    amount = parse_money(value)
    assert amount == expected
    assert amount is None or isinstance(amount, Decimal)


@pytest.mark.parametrize(("value", "code"), [
    ("-5", "pay_negative"),
    (-0.5, "pay_negative"),
    ("1.234", "pay_precision"),
    (0.1 + 0.2, "pay_precision"),  # the float 0.30000000000000004 is not silently rounded
    ("100000000", "pay_too_large"),
    ("abc", "money"),
    ("1e5", "money"),
    ("12,34", "money"),
    (True, "money"),
    (float("nan"), "money_not_finite"),
    (float("inf"), "money_not_finite"),
    ("Infinity", "money_not_finite"),
    ("1e999", "pay_too_large"),
])
def test_parse_money_rejects_bad_amounts(value, code):
    assert _code(parse_money, value) == code


def test_gender_and_status_words_in_both_languages():
    assert parse_gender("男") == parse_gender("Male") == parse_gender("M") == Gender.MALE
    assert parse_gender("女") == parse_gender("FEMALE") == Gender.FEMALE
    assert parse_status("在职") == parse_status("active") == EmploymentStatus.ACTIVE
    assert parse_status("试用") == parse_status("Probation") == EmploymentStatus.PROBATION
    assert parse_status("停职") == EmploymentStatus.SUSPENDED and parse_status("离职") == EmploymentStatus.LEFT
    assert parse_gender("") is None and parse_status(None) is None
    assert _code(parse_gender, "x") == "gender" and _code(parse_status, "退休") == "status"


@pytest.mark.parametrize(("value", "expected"), [
    (None, ""), (123.0, "123"), (13800138000, "13800138000"), (" a b ", "a b"),
    (datetime(2023, 1, 2), "2023-01-02"), ("'=1+1", "=1+1"), ("'+86 138", "+86 138"), ("'ok", "'ok"),
])
def test_cell_text(value, expected):
    assert cell_text(value) == expected


def test_parse_text_refuses_numbers_excel_rounded():
    assert parse_text(110101199001011234) == "110101199001011234"  # stored exactly: fine
    assert _code(parse_text, 1.10101199001011e17) == "long_number"
    assert parse_text("x" * 20, 20) == "x" * 20
    with pytest.raises(CellError) as info:
        parse_text("x" * 21, 20)
    assert (info.value.code, info.value.detail) == ("too_long", 20)


def test_map_headers_accepts_chinese_and_english_names_in_any_order():
    header = map_headers(["\ufeff工号", "Name_ZH", "gender", "部门编码", "Hire On", None, "备注 *"])
    assert header.problems == []
    assert header.keys == {0: "staff_number", 1: "name_zh", 2: "gender", 3: "department_code", 4: "hire_on",
                           6: "notes"}
    assert header.names["staff_number"] == "工号"


def test_map_headers_reports_unknown_duplicate_and_missing_columns():
    header = map_headers(["工号", "staff_number", "姓名", "入职时间", "性别", "部门编码"])
    assert ("duplicate_column", "staff_number") in header.problems
    assert ("unknown_column", "入职时间") in header.problems
    assert ("missing_column", "入职日期") in header.problems


def test_parse_row_types_values_and_collects_problems():
    values, problems = parse_row({"staff_number": "A1", "name_zh": "<b>张三</b>", "gender": "女",
                                  "hire_on": "2023-02-30", "department_code": "FO", "status": "",
                                  "daily_wage": "", "superior_staff_number": "A1", "name_en": "x" * 81})
    assert values["name_zh"] == "<b>张三</b>" and values["gender"] == Gender.FEMALE
    assert "status" not in values and "daily_wage" not in values  # blank: keep the stored value
    assert sorted((k, c) for k, c, _ in problems) == [
        ("hire_on", "date"), ("name_en", "too_long"), ("superior_staff_number", "superior_self")]


def test_parse_row_requires_the_required_cells():
    _values, problems = parse_row({"staff_number": " ", "name_zh": "", "gender": None,
                                   "department_code": "FO", "hire_on": "2020-01-01"})
    assert sorted(k for k, c, _ in problems if c == "required") == ["gender", "name_zh", "staff_number"]


def test_duplicate_numbers_points_at_the_first_row():
    assert duplicate_numbers([(2, "A"), (3, "B"), (4, "A"), (5, ""), (6, ""), (7, "A")]) == {4: 2, 7: 2}


def test_values_json_round_trip():
    values = {"staff_number": "A1", "gender": Gender.MALE, "hire_on": date(2020, 1, 2),
              "daily_wage": Decimal("200.50"), "status": EmploymentStatus.LEFT, "left_on": None}
    assert values_from_json(values_to_json(values)) == values


def test_creation_order_puts_superiors_first_and_finds_loops():
    order, looped = creation_order({"C": "B", "B": "A", "A": None, "D": None})
    assert order.index("A") < order.index("B") < order.index("C") and set(order) == {"A", "B", "C", "D"}
    assert looped == set()
    order, looped = creation_order({"X": "Y", "Y": "X", "Z": "Z", "W": None})
    assert looped == {"X", "Y", "Z"} and order == ["W"]


# Reading files

def _xlsx(rows) -> bytes:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_read_csv_utf8_with_bom_and_gb18030():
    text = "工号,姓名\r\nA1,张三\r\n\r\nA2,李四\r\n"
    for data in (("\ufeff" + text).encode("utf-8"), text.encode("utf-8"), text.encode("gb18030")):
        table = read_table("staff.CSV", data)
        assert table.headers == ["工号", "姓名"]
        assert table.rows == [(2, ["A1", "张三"]), (4, ["A2", "李四"])]  # blank line 3 skipped, numbers kept


def test_read_xlsx_keeps_spreadsheet_row_numbers_and_types():
    table = read_table("s.xlsx", _xlsx([["工号", "入职日期", "日薪"], [], ["A1", datetime(2020, 1, 2), 200.5]]))
    assert table.rows == [(3, ["A1", datetime(2020, 1, 2), 200.5])]


@pytest.mark.parametrize(("name", "data", "code"), [
    ("photo.xlsx", PNG, "not_xlsx"),
    ("photo.csv", PNG, "not_text"),
    ("book.csv", _xlsx([["a"], ["b"]]), "not_text"),
    ("fake.xlsx", b"PK\x03\x04" + b"\x00" * 40, "not_xlsx"),
    ("staff.xls", b"a,b\n1,2\n", "extension"),
    ("staff", b"a,b\n1,2\n", "extension"),
    ("staff.csv", b"", "empty"),
    ("staff.csv", "\ufeff".encode(), "no_header"),
    ("staff.csv", b"a,b\r\n", "no_rows"),
    ("staff.csv", "\ufeffa\n".encode("utf-16"), "not_text"),
])
def test_read_table_rejects_wrong_types_and_empty_files(name, data, code):
    with pytest.raises(FileProblem) as info:
        read_table(name, data)
    assert info.value.code == code


def test_read_table_limits_rows():
    data = ("a\n" + "x\n" * (MAX_ROWS + 1)).encode()
    with pytest.raises(FileProblem) as info:
        read_table("big.csv", data)
    assert info.value.code == "too_many_rows"
    assert len(read_table("ok.csv", ("a\n" + "x\n" * MAX_ROWS).encode()).rows) == MAX_ROWS


def test_sniffing_helpers():
    assert is_xlsx(_xlsx([["a"]])) and not is_xlsx(PNG) and not is_xlsx(b"")
    assert decode_text("张".encode("gb18030")) == "张"


# Writing files

def test_build_csv_has_bom_and_neutralises_formulas():
    data = build_csv(["姓名", "日薪"], [["=1+1", Decimal("200.00")], ["\t@x", None], ["-3", date(2020, 1, 2)]])
    assert data.startswith("\ufeff".encode())
    lines = data.decode("utf-8-sig").splitlines()
    assert lines == ["姓名,日薪", "'=1+1,200.00", "'\t@x,", "'-3,2020-01-02"]


def test_build_xlsx_writes_formulas_as_plain_strings():
    data = build_xlsx(["姓名", "入职日期", "日薪"], [["=1+1", date(2020, 1, 2), Decimal("4500.50")], ["+86", None, None]])
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    cell = sheet["A2"]
    assert cell.value == "'=1+1" and cell.data_type == "s"
    assert sheet["A3"].value == "'+86"
    assert sheet["B2"].value == datetime(2020, 1, 2) and sheet["C2"].value == 4500.5
    assert sheet["A1"].font.bold
