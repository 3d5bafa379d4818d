"""Bilingual line breaking in PDFs: Latin words stay whole, Chinese breaks anywhere (one unit per character)."""
import pytest

from hrapp.blueprints.reports.pdf.wrap import tokens, wrap_text


def measure(text: str) -> float:
    """Every character one unit wide (wide characters two), as a monospaced font would."""
    return sum(2 if "\u4e00" <= ch <= "\u9fff" or ch in "，。" else 1 for ch in text)


def test_bilingual_label_breaks_between_words_not_inside_them():
    assert wrap_text("紧急联系人 Emergency contact", 14, measure) == ["紧急联系人", "Emergency", "contact"]
    assert wrap_text("紧急联系人 Emergency contact", 20, measure) == ["紧急联系人 Emergency", "contact"]


def test_chinese_breaks_between_characters_and_fills_lines():
    assert wrap_text("前厅部客房部餐饮部", 8, measure) == ["前厅部客", "房部餐饮", "部"]


def test_closing_punctuation_never_starts_a_line():
    assert wrap_text("一二三，四", 6, measure) == ["一二", "三，四"]
    assert all(not line.startswith("，") for line in wrap_text("一二三，四五六，七八", 6, measure))


def test_a_word_longer_than_the_line_is_split_by_characters():
    assert wrap_text("Supercalifragilistic ok", 8, measure) == ["Supercal", "ifragili", "stic ok"]


def test_newlines_are_kept_and_text_that_fits_is_untouched():
    assert wrap_text("早班 Early\n休 Rest", 40, measure) == ["早班 Early", "休 Rest"]
    assert wrap_text("", 10, measure) == [""]


@pytest.mark.parametrize("text", ["员工确认 Staff acknowledgement", "Emergency contact 紧急联系人 13900000000",
                                  "前厅部 → 客房部; 领班 → 主管"])
def test_every_line_fits_and_no_word_is_cut(text):
    lines = wrap_text(text, 12, measure)
    assert all(measure(line) <= 12 for line in lines)
    words = [t for t in tokens(text) if t != " " and measure(t) <= 12]
    assert all(any(w in line for line in lines) for w in words)
