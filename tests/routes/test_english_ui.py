"""The English UI: departments and positions by their English names (Chinese when there is none), in pages
and choice lists; one date-time format per language on every page (no locale 'short' patterns)."""
import re
from pathlib import Path

from hrapp.extensions import db

TEMPLATES = Path(__file__).resolve().parents[2] / "hrapp" / "templates"


def test_english_ui_shows_english_department_and_position_names(client, auth, org, make_position):
    position = make_position(department=org.front)
    position.name, position.name_en = "前台接待", "Receptionist"
    org.desk_staff.position = position
    db.session.commit()
    auth.login("hr")
    chinese = client.get(f"/staff/{org.desk_staff.id}").get_data(as_text=True)
    assert org.front_desk.name in chinese and "前台接待" in chinese
    client.post("/auth/locale/en")
    english = client.get(f"/staff/{org.desk_staff.id}").get_data(as_text=True)
    assert org.front_desk.name_en in english and "Receptionist" in english and "前台接待" not in english
    form = client.get(f"/staff/{org.desk_staff.id}/edit").get_data(as_text=True)
    assert f">{org.front.code} {org.front.name_en}<" in form and f"{position.code} Receptionist" in form
    listing = client.get("/org/positions").get_data(as_text=True)
    assert "Receptionist" in listing and org.front.name_en in listing


def test_a_department_without_an_english_name_keeps_its_chinese_one(client, auth, org):
    org.housekeeping.name_en = ""
    db.session.commit()
    auth.login("hr")
    client.post("/auth/locale/en")
    assert "客房部" in client.get(f"/staff/{org.hk_staff.id}").get_data(as_text=True)


def test_templates_use_the_shared_date_filters():
    """No locale-dependent 'short' pattern and no hand-made date-time format: `datetime_display` everywhere
    (the signed-document pages are the reports module's, which shows signature times in its own way)."""
    offenders = []
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if re.search(r"datetimeformat\(|format_datetime\(", text) or (
                "strftime('%Y" in text and path.parent.name != "reports"):
            offenders.append(str(path.relative_to(TEMPLATES)))
    assert not offenders, offenders


def test_the_same_moment_reads_the_same_in_both_languages(client, auth, org):
    from hrapp import audit
    audit.record(org.hr, "department.update", org.front, {"name": "a"}, {"name": "b"})
    db.session.commit()
    auth.login("hr")
    zh = re.findall(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", client.get("/audit/").get_data(as_text=True))
    client.post("/auth/locale/en")
    en = client.get("/audit/").get_data(as_text=True)
    assert zh and zh[0] in en and not re.search(r"\d+/\d+/\d+, \d+:\d+ [AP]M", en)
