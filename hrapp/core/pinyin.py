"""Pinyin of a person's name, for finding them by typing 拼音 (zhangsan) or its initials (zs).

A surname may read several ways (曾 ceng/zeng, 单 dan/shan); every reading of the first character is kept,
so the stored text is the alternatives separated by spaces ("cengguofan zengguofan"). Letters and digits
in the name (an English name inside a Chinese one) are kept as they are, lowercased.
"""
from pypinyin import Style, lazy_pinyin, pinyin

MAX_ALTERNATIVES = 3
MAX_LENGTH = 255


def _readings(name: str, style: Style) -> list[str]:
    """The name's pinyin in `style`, once per reading of its first character."""
    name = (name or "").strip()
    if not name:
        return []
    rest = "".join(lazy_pinyin(name[1:], style=style, errors="default"))
    first = pinyin(name[0], style=style, heteronym=True, errors="default")[0][:MAX_ALTERNATIVES]
    seen: list[str] = []
    for reading in first:
        text = "".join((reading + rest).lower().split())
        if text and text not in seen:
            seen.append(text)
    return seen


def name_pinyin(name: str) -> str:
    """The full pinyin without tones, its readings separated by spaces: 曾国藩 -> "cengguofan zengguofan"."""
    return " ".join(_readings(name, Style.NORMAL))[:MAX_LENGTH]


def name_initials(name: str) -> str:
    """The pinyin initials, its readings separated by spaces: 曾国藩 -> "cgf zgf"."""
    return " ".join(_readings(name, Style.FIRST_LETTER))[:MAX_LENGTH]
