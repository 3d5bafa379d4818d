"""Select options built from enums (hrapp.labels.choices) follow the page's language: forms declare them at
import, so the labels must stay lazy until the form is rendered."""
import re

from hrapp.extensions import db
from tests.access_matrix import login


def _options(html: str, values: tuple[str, ...]) -> list[str]:
    alternatives = "|".join(values)
    return re.findall(rf'<option value="(?:{alternatives})"[^>]*>([^<]*)<', html)


def test_staff_form_options_are_in_chinese(app, org):
    html = login(app, "hr").get("/staff/new").get_data(as_text=True)
    assert _options(html, ("male", "female")) == ["男", "女"]
    assert "试用期" in _options(html, ("probation",))


def test_staff_form_options_follow_english(app, org):
    org.hr.locale = "en"
    db.session.commit()
    html = login(app, "hr").get("/staff/new").get_data(as_text=True)
    assert _options(html, ("male", "female")) == ["Male", "Female"]
