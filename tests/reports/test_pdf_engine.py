"""The report engine: deterministic builds, embedded CJK subsets, extractable Chinese, safe text,
paginated tables with repeated headers, and no missing glyphs."""
import subprocess

import pytest
from PIL import Image

from hrapp.blueprints.org.pdf import JobDescriptionData, Qualification, build_job_description
from hrapp.blueprints.reports.pdf.document import Letterhead
from hrapp.blueprints.reports.pdf.fonts import clean, covered_codepoints, markup, missing_chars, plain
from hrapp.blueprints.reports.pdf.stampfont import stamp_font
from hrapp.blueprints.reports.signing import STAMP_TEMPLATE, StampText
from hrapp.blueprints.staff.pdf import build_staff_card
from tests.reports.conftest import card_data, pdftotext


def test_markup_is_escaped_never_parsed():
    assert markup('<b>x</b> & <font name="Courier">y</font>') == (
        "&lt;b&gt;x&lt;/b&gt; &amp; &lt;font name=\"Courier\"&gt;y&lt;/font&gt;")


def test_control_and_format_characters_are_dropped():
    assert clean("a\x00b\x1b[31mc\u202ed\u200be\r\nf") == "ab[31mcde\nf"
    assert markup("line1\nline2") == "line1<br/>line2"


def test_characters_outside_the_font_become_visible_markers():
    assert missing_chars("吉𠮷祥") == ["𠮷"]
    assert plain("𠮷田") == "[U+20BB7]田"
    assert "[U+1F600]" in markup("smile 😀")


def test_truncation_is_visible():
    assert plain("x" * 50, limit=10) == "x" * 9 + "…"


def test_unsigned_bytes_are_reproducible():
    data = card_data()
    assert build_staff_card(data).data == build_staff_card(data).data


def test_two_page_card_has_page_x_of_y_and_repeated_header(tmp_path):
    built = build_staff_card(card_data(rows=30))
    assert built.pages == 2
    path = tmp_path / "card.pdf"
    path.write_bytes(built.data)
    pages = pdftotext(path).split("\f")
    assert "Page 1 of 2" in pages[0] and "Page 2 of 2" in pages[1]
    assert "变动 Change" in pages[0] and "变动 Change" in pages[1]  # the table header repeats
    assert all("7K3M-Q9TD-2XWB" in p for p in pages[:2])  # verification code in every footer
    # the signature boxes sit on the last page, side by side
    assert [s.page for s in built.slots] == [1, 1] and built.slots[0].box[2] < built.slots[1].box[0]


def test_chinese_text_is_extracted_and_fonts_are_embedded_subsets(tmp_path):
    path = tmp_path / "card.pdf"
    path.write_bytes(build_staff_card(card_data(rows=2)).data)
    text = pdftotext(path)
    for expected in ("员工档案卡 Staff record card", "测试旅行社有限公司", "王小明", "前厅部 Front office", "人事部 HR"):
        assert expected in text
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows, fonts
    for row in rows:  # every font embedded as a subset, with a ToUnicode map
        assert row.split()[-5:-2] == ["yes", "yes", "yes"], row


def test_rendered_page_has_ink_and_every_character_is_covered(tmp_path):
    data = card_data(rows=2)
    printed = " ".join(str(v) for v in vars(data).values() if isinstance(v, str))
    assert all(ord(ch) in covered_codepoints() for ch in printed if not ch.isspace())
    path = tmp_path / "card.pdf"
    path.write_bytes(build_staff_card(data).data)
    result = subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")],
                            capture_output=True, text=True, check=True)
    assert "rror" not in result.stderr  # no font or syntax errors from poppler
    image = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    dark = sum(image.histogram()[:128])
    assert dark > 2000  # the letterhead, table and Chinese text were drawn


@pytest.mark.parametrize("value", [
    "<script>alert(1)</script>", "]]></para><para>", "&amp;&lt;", "%(ts)s %s %d", "\x00\x07\x1b", "\u202eevil",
    "龘" * 400, "W" * 3000, "𠮷" * 30, "a\nb\n" * 200,
])
def test_hostile_text_never_breaks_a_pdf(tmp_path, value):
    lh = Letterhead(value, value, value[:30], card_data().letterhead.issued_on, value[:20], value)
    built = build_staff_card(card_data(rows=3, letterhead=lh, name=value, department=value, email=value))
    path = tmp_path / "x.pdf"
    path.write_bytes(built.data)
    text = pdftotext(path)
    assert "<script>" not in value or "<script>alert(1)</script>" in text  # printed literally
    assert built.slots


def test_job_description_flows_over_pages(tmp_path):
    lh = Letterhead("测试旅行社", "岗位说明书 Job description", "JD-2026-000001",
                    card_data().letterhead.issued_on, "AAAA-BBBB-CCCC")
    data = JobDescriptionData(
        letterhead=lh, position_name="前台接待", position_code="FO-REC", department="前厅部", headcount="4",
        job_family="服务", grade="P2", superior="前厅部经理", subordinates="", version="v3", analysis_on="2026-04-01",
        approved_by="王经理 (head)", approved_on="2026-04-02",
        sections=(("职责描述 Duties", "1. 负责接待客人，办理入住与退房手续。\n" * 120),),
        qualifications=(Qualification("教育背景 Education", "大专及以上", "本科"),))
    built = build_job_description(data)
    assert built.pages >= 3 and built.slots[0].page == built.pages - 1
    path = tmp_path / "jd.pdf"
    path.write_bytes(built.data)
    text = pdftotext(path)
    assert "负责接待客人" in text and "必备资格 Required" in text and f"Page 3 of {built.pages}" in text


def test_stamp_font_covers_every_printed_character():
    stamp = StampText("𠮷田 Ōno <b>", "人事专员 HR clerk", "2026-05-01 10:00:00 CST", "人事档案核准 Staff record certified")
    text = STAMP_TEMPLATE % stamp.params()
    assert "[U+20BB7]" in text and "<b>" in text  # marker for the missing glyph; markup is not parsed here
    font = stamp_font(text)
    assert all(ch in font.gid_of for ch in text if ch != "\n")
    assert font.program.startswith(b"\x00\x01\x00\x00") and len(font.program) < 200_000  # a small TrueType subset
