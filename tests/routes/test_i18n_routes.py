"""The interface is Chinese by default and switches to English on request."""
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask_babel import get_babel

TRANSLATIONS = Path(__file__).resolve().parents[2] / "hrapp" / "translations"


@pytest.fixture(scope="module", autouse=True)
def compiled_catalogs(app):
    """Compile any .po whose .mo is missing or stale (the Makefile normally does it), then drop
    Flask-Babel's per-domain cache, which may hold the catalogue as it was before."""
    for po in TRANSLATIONS.glob("*/LC_MESSAGES/*.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            with po.open("rb") as f:
                catalog = read_po(f)
            with mo.open("wb") as f:
                write_mo(f, catalog)
    get_babel(app).instance.domain_instance.cache.clear()


def test_login_page_is_chinese_by_default(client):
    page = client.get("/auth/login").get_data(as_text=True)
    assert "登录" in page
    assert "Log in" not in page


def test_login_page_is_english_after_switching(client):
    assert client.post("/auth/locale/en").status_code == 302
    page = client.get("/auth/login").get_data(as_text=True)
    assert "Log in" in page
    assert "登录" not in page
