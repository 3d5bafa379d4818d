"""The Chinese catalogue covers every UI string in the source, with the same placeholders.

Pure and fast: extracts from the current tree with Babel (same mapping as babel.cfg) and reads the
.po; the compiled .mo is not needed (the Makefile builds it, and *.mo is gitignored).
When this fails after adding UI strings, run the extract/update commands and translate:
    .venv/bin/pybabel extract -F babel.cfg -k _l -k lazy_gettext --ignore-dirs=".*" \
        -o hrapp/translations/messages.pot .
    .venv/bin/pybabel update --no-fuzzy-matching -i hrapp/translations/messages.pot -d hrapp/translations
"""
import collections
import re
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

pytestmark = pytest.mark.unit  # pure: no app, no database

ROOT = Path(__file__).resolve().parent.parent
PO_FILE = ROOT / "hrapp" / "translations" / "zh" / "LC_MESSAGES" / "messages.po"
METHOD_MAP = [("hrapp/**.py", "python"), ("hrapp/templates/**.html", "jinja2")]
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None}
PLACEHOLDER = re.compile(r"%\((\w+)\)[a-z]")


def _skip_only_dot_dirs(dirpath: str) -> bool:
    """Unlike Babel's default filter, keep `_macros/` and `_partials/` (like --ignore-dirs=".*")."""
    return not Path(dirpath).name.startswith(".")


def _msgid(message_id) -> str:
    return message_id[0] if isinstance(message_id, (tuple, list)) else message_id


def _strings(value) -> list[str]:
    return list(value) if isinstance(value, (tuple, list)) else [value or ""]


@pytest.fixture(scope="module")
def extracted() -> dict[tuple[str, str | None], list[str]]:
    """(msgid, context) -> 'file:line' places, from the current source tree."""
    found: dict[tuple[str, str | None], list[str]] = {}
    for filename, lineno, message, _comments, context in extract_from_dir(
            str(ROOT), METHOD_MAP, keywords=KEYWORDS, directory_filter=_skip_only_dot_dirs):
        msgid = _msgid(message)
        if msgid:
            found.setdefault((msgid, context), []).append(f"{filename}:{lineno}")
    return found


@pytest.fixture(scope="module")
def catalog():
    with PO_FILE.open("rb") as f:
        return read_po(f)


def test_extraction_sees_templates_in_underscore_folders(extracted):
    places = {p.split(":")[0] for ps in extracted.values() for p in ps}
    assert any("/_partials/" in p or p.startswith("_partials/") for p in places)
    assert any("/_macros/" in p or p.startswith("_macros/") for p in places)
    assert ("Log in", None) in extracted


def test_every_ui_string_has_a_chinese_translation(extracted, catalog):
    missing = []
    for (msgid, context), places in sorted(extracted.items(), key=lambda item: (item[0][0], item[0][1] or "")):
        entry = catalog.get(msgid, context)
        if entry is None:
            missing.append(f"{msgid!r} (not in the .po) at {places[0]}")
        elif entry.fuzzy:
            missing.append(f"{msgid!r} (fuzzy) at {places[0]}")
        elif not all(s.strip() for s in _strings(entry.string)):
            missing.append(f"{msgid!r} (empty msgstr) at {places[0]}")
    assert not missing, f"{len(missing)} UI string(s) lack a Chinese translation in {PO_FILE.name}:\n" + \
        "\n".join(missing)


def test_no_entry_is_fuzzy(catalog):
    fuzzy = [_msgid(m.id) for m in catalog if m.id and m.fuzzy]
    assert not fuzzy, "fuzzy entries: " + ", ".join(map(repr, fuzzy))


def test_placeholders_match_in_every_entry(catalog):
    wrong = []
    for m in catalog:
        if not m.id:
            continue
        wanted = set(PLACEHOLDER.findall(_msgid(m.id)))
        for s in _strings(m.string):
            if s and set(PLACEHOLDER.findall(s)) != wanted:
                wrong.append(f"{_msgid(m.id)!r} -> {s!r}")
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


def test_no_stray_percent_signs(catalog):
    """Templates %-format every string, so a lone '%' in a translation would break the page."""
    wrong = [f"{_msgid(m.id)!r} -> {s!r}" for m in catalog if m.id for s in _strings(m.string)
             if "%" in PLACEHOLDER.sub("", s).replace("%%", "")]
    assert not wrong, "stray '%' in:\n" + "\n".join(wrong)


def test_each_message_is_translated_once():
    """Parallel branches append to the catalogue: a message appended twice (perhaps translated two ways) is
    ambiguous, so each msgid appears once."""
    ids = re.findall(r'^msgid "(.+)"$', PO_FILE.read_text(encoding="utf-8"), re.M)
    assert [m for m, n in collections.Counter(ids).items() if n > 1] == []
