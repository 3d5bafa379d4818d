"""The shared XLSX writer (hrapp.core.sheets), read back with openpyxl: types, neutralisation, widths."""
import io
from datetime import date, datetime, time
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from hrapp.core.sheets import Table, add_table, column_widths, neutralise, put, save, text_width, workbook_bytes


def _book(data: bytes):
    return load_workbook(io.BytesIO(data))


@pytest.mark.parametrize("text", ["=1+1", "+86 138", "-5", "@SUM(A1)", "\tx", "\rx"])
def test_neutralise_prefixes_formula_triggers(text):
    assert neutralise(text) == "'" + text


def test_neutralise_leaves_other_values():
    assert neutralise("张三") == "张三" and neutralise(Decimal("-1")) == Decimal("-1") and neutralise(None) is None


def test_cells_are_typed():
    data = workbook_bytes(Table("people", ["姓名", "入职日期", "日薪", "人数", "上班", "备注"],
                                [["张三", date(2024, 2, 1), Decimal("180.5"), 3, time(8, 30), None]]))
    sheet = _book(data)["people"]
    name, hired, wage, count, start, note = sheet[2]
    assert (name.value, name.data_type) == ("张三", "s")
    assert hired.value == datetime(2024, 2, 1) and hired.is_date and hired.number_format == "yyyy-mm-dd"
    assert wage.value == pytest.approx(180.5) and wage.data_type == "n" and wage.number_format == "0.00"
    assert count.value == 3 and count.data_type == "n" and count.number_format == "General"
    assert start.value == time(8, 30) and start.number_format == "hh:mm"
    assert note.value is None


def test_text_is_never_a_formula():
    data = workbook_bytes(Table("s", ["=HEADER()"], [['=HYPERLINK("http://evil.example","x")'], ["+86"], ["-"]]))
    sheet = _book(data)["s"]
    cells = [row[0] for row in sheet.iter_rows()]
    assert [c.value for c in cells] == ["'=HEADER()", "'=HYPERLINK(\"http://evil.example\",\"x\")", "'+86", "'-"]
    assert {c.data_type for c in cells} == {"s"}


def test_header_is_bold_and_frozen_and_extra_sheets_follow():
    data = workbook_bytes(Table("main", ["a", "b"], [[1, 2]]), Table("extra", ["c"], [["x"]]), Table("empty", ["d"]))
    book = _book(data)
    assert book.sheetnames == ["main", "extra", "empty"]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2" and all(c.font.b for c in sheet[1])
    assert not any(c.font.b for c in book["main"][2])
    assert book["extra"]["A2"].value == "x" and book["empty"].max_row == 1


def test_widths_follow_content_and_cjk_counts_double():
    assert text_width("张三丰") == 6 and text_width("abc") == 3 and text_width("Ａ") == 2
    assert text_width(Decimal("1234.5")) == 7 and text_width(date(2024, 1, 1)) == 10 and text_width(None) == 0
    assert text_width("=x") == 3  # as shown, with its apostrophe
    data = workbook_bytes(Table("w", ["n", "name", "long"], [[1, "张三丰张三丰", "x" * 200], [22, "abcdef", ""]]))
    sheet = _book(data)["w"]
    widths = [sheet.column_dimensions[letter].width for letter in "ABC"]
    assert widths == [6, 14, 60]  # the minimum, 12 + a margin of 2, the maximum


def test_column_widths_take_the_widest_value_of_each_column():
    assert column_widths([["ab", "日期"], ["abcdefgh", None]], minimum=1) == {1: 10, 2: 6}


def test_put_and_add_table_on_a_normal_workbook():
    book = Workbook()
    put(book.active, 1, 1, "=1+1")
    put(book.active, 1, 2, date(2026, 5, 1), fmt="m-d")
    add_table(book, Table("extra", ["x"], [[Decimal("2")]]))
    back = _book(save(book))
    assert back.active["A1"].value == "'=1+1" and back.active["B1"].number_format == "m-d"
    assert back["extra"]["A2"].value == 2 and back["extra"]["A2"].number_format == "0.00" and back["extra"]["A1"].font.b
