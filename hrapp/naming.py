"""Names in the UI language: departments, positions and shift types have an optional English name, shown
when the interface is English (the Chinese name otherwise, or when there is no English one)."""
from flask_babel import get_locale


def english_ui() -> bool:
    """True when the current request's interface language is English."""
    locale = get_locale()
    return locale is not None and locale.language == "en"


def display_name(record) -> str:
    """`record.name_en` in the English UI when it has one, else `record.name` (or a person's `name_zh`)."""
    if record is None:
        return ""
    english = getattr(record, "name_en", "") or ""
    if english and english_ui():
        return english
    return getattr(record, "name", None) or getattr(record, "name_zh", "") or ""


def coded_name(record) -> str:
    """"CODE name" for choice lists and headings, the name in the UI language."""
    return f"{record.code} {display_name(record)}"
