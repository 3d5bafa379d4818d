"""Pinyin of a person's name, for finding them by typing 拼音 (zhangsan) or its initials (zs), and for sorting
lists of people by name.

A surname may read several ways (曾 ceng/zeng, 单 dan/shan); every reading of the surname is kept, so the
stored text is the alternatives separated by spaces ("zengguofan cengguofan"). The surname's own reading comes
first (SURNAME_READINGS: 曾 is read zeng as a surname), so that a list sorted by pinyin files 曾国藩 under z.
Letters and digits in the name (an English name inside a Chinese one) are kept as they are, lowercased.
"""
from pypinyin import Style, lazy_pinyin, pinyin

MAX_ALTERNATIVES = 3
MAX_LENGTH = 255

# Surnames read otherwise than their character's everyday (first) reading, by syllable, and two-character
# surnames read as one. The other readings stay for finding.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "曾": ("zeng",), "单": ("shan",), "解": ("xie",), "仇": ("qiu",), "区": ("ou",), "查": ("zha",),
    "朴": ("piao",), "乐": ("yue",), "盖": ("ge",), "缪": ("miao",), "翟": ("zhai",), "覃": ("qin",),
    "种": ("chong",), "重": ("chong",), "秘": ("bi",), "繁": ("po",), "折": ("she",), "粘": ("nian",),
    "藏": ("zang",), "都": ("du",), "薄": ("bo",), "员": ("yun",), "佴": ("nai",), "卜": ("bu",),
    "万俟": ("mo", "qi"), "尉迟": ("yu", "chi"), "长孙": ("zhang", "sun"), "澹台": ("tan", "tai"),
}  # not 单于 or 乐正: far more people are 单 or 乐 with a given name starting 于 or 正


def _styled(syllables, style: Style) -> str:
    return "".join(s[:1] if style == Style.FIRST_LETTER else s for s in syllables)


def _surname_readings(surname: str, style: Style) -> list[str]:
    """The surname's readings in `style`, its reading as a surname first."""
    own = [_styled(SURNAME_READINGS[surname], style)] if surname in SURNAME_READINGS else []
    if len(surname) > 1:  # also read as a one-character surname and a given name: found either way
        second = "".join(lazy_pinyin(surname[1:], style=style, errors="default"))
        return own + [reading + second for reading in _surname_readings(surname[0], style)]
    return own + pinyin(surname, style=style, heteronym=True, errors="default")[0][:MAX_ALTERNATIVES]


def _readings(name: str, style: Style) -> list[str]:
    """The name's pinyin in `style`, once per reading of its surname (at most MAX_ALTERNATIVES)."""
    name = (name or "").strip()
    if not name:
        return []
    surname = name[:2] if name[:2] in SURNAME_READINGS else name[:1]
    rest = "".join(lazy_pinyin(name[len(surname):], style=style, errors="default"))
    seen: list[str] = []
    for reading in _surname_readings(surname, style):
        text = "".join((reading + rest).lower().split())
        if text and text not in seen:
            seen.append(text)
    return seen[:MAX_ALTERNATIVES]


def name_pinyin(name: str) -> str:
    """The full pinyin without tones, its readings separated by spaces: 曾国藩 -> "zengguofan cengguofan"."""
    return " ".join(_readings(name, Style.NORMAL))[:MAX_LENGTH]


def name_initials(name: str) -> str:
    """The pinyin initials, its readings separated by spaces: 曾国藩 -> "zgf cgf"."""
    return " ".join(_readings(name, Style.FIRST_LETTER))[:MAX_LENGTH]
