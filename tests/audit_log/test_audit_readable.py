"""The audit trail reads as an HR clerk speaks: every action in the code has a label, records are named,
changes are `field: old → new` in the UI language, the raw data sits behind a details toggle, and filters
say when their value cannot be read."""
import re
import sys
from pathlib import Path

from hrapp import audit
from hrapp.blueprints.audit_log.display import vocabulary
from hrapp.core.workflow import Workflow
from hrapp.extensions import db
from hrapp.models import Department

HRAPP = Path(__file__).resolve().parents[2] / "hrapp"
LITERAL_ACTION = re.compile(r'audit\.record\([^,]+,\s*"([a-z_.]+)"')
ACTION_LITERAL = re.compile(r'"([a-z_]+(?:\.[a-z_]+)+)"')


def actions_in_code() -> set[str]:
    """Actions written by audit.record with a literal, or chosen by a variable (`action = "x.y" if ...`,
    `require_override(..., "x.y")`), and every registered workflow's steps."""
    found = set()
    for path in HRAPP.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        found |= set(LITERAL_ACTION.findall(text))
        for line in text.splitlines():
            if re.search(r"\baction = |require_override\(", line):
                found |= set(ACTION_LITERAL.findall(line))
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("hrapp."):
            for value in vars(module).values():
                if isinstance(value, Workflow):
                    found |= {f"{value.name}.{t.name}" for t in value.transitions}
    return found


def test_every_audit_action_in_the_code_has_a_label(app):
    with app.test_request_context():
        labelled = set(vocabulary().actions)
    actions = actions_in_code()
    assert {"roster_demand.set", "user.role", "roster.publish_override", "swap.accept"} <= actions
    assert not actions - labelled, f"audit actions without a label: {sorted(actions - labelled)}"


def _record_demand(org):
    audit.record(org.hr, "roster_demand.set", org.front, None,
                 {"shift": "晚", "weekday": 2, "on_date": None, "required": 3}, label="FO")
    audit.record(org.hr, "staff.update", org.desk_staff,
                 {"department_id": org.front_desk.id, "status": "probation", "gender": "female"},
                 {"department_id": org.housekeeping.id, "status": "active", "gender": "male"})
    db.session.commit()


def _table(page: str) -> str:
    return page.split('id="audit-table"')[1].split("</table>")[0]


def _visible(html: str) -> str:
    """The text outside <details> blocks and tags."""
    text = re.sub(r"<[^>]+>", "", re.sub(r"<details.*?</details>", " ", html, flags=re.S))
    return re.sub(r"\s+", " ", text)


def test_trail_shows_labels_and_changes_in_chinese(client, auth, org):
    _record_demand(org)
    auth.login("hr")
    table = _table(client.get("/audit/").get_data(as_text=True))
    visible = _visible(table)
    assert "人员需求已设置" in visible and "员工档案已修改" in visible
    assert "班次: 晚" in visible and "需求人数: 3" in visible
    assert "试用期 → 在职" in visible and "性别: 女 → 男" in visible
    assert "前台 (FO-DESK) → 客房部 (HK)" in visible
    assert f"李前台 ({org.desk_staff.staff_number})" in visible
    for raw in ("roster_demand.set", "staff.update", "StaffMember", "probation", '\\u665a', "department_id"):
        assert raw not in visible, raw
    assert "<details" in table and "roster_demand.set" in table  # the raw data, behind the toggle


def test_trail_in_english_uses_english_labels(client, auth, org):
    _record_demand(org)
    auth.login("hr")
    client.post("/auth/locale/en")
    visible = _visible(_table(client.get("/audit/").get_data(as_text=True)))
    assert "Staffing demand set" in visible and "Employment status" in visible and "Probation → Active" in visible


def test_filter_by_person_and_by_record(client, auth, org):
    _record_demand(org)
    auth.login("hr")
    by_person = _table(client.get(f"/audit/?person={org.desk_staff.staff_number}").get_data(as_text=True))
    assert 'data-action="staff.update"' in by_person and 'data-action="roster_demand.set"' not in by_person
    by_record = _table(client.get(f"/audit/?target_type=Department&target_id={org.front.id}").get_data(as_text=True))
    assert 'data-action="roster_demand.set"' in by_record and 'data-action="staff.update"' not in by_record


def test_invalid_filter_values_are_reported_not_ignored_silently(client, auth, org):
    _record_demand(org)
    auth.login("hr")
    page = client.get("/audit/?from=2026-13-45&target_id=x&person=NOPE&actor=nobody&target_type=Nope")
    body = page.get_data(as_text=True)
    assert page.status_code == 200 and 'id="filter-errors"' in body
    assert set(re.findall(r'data-invalid="(\w+)"', body)) == {"from", "target_id", "person", "actor", "target_type"}
    assert "不是日期" in body
    assert 'id="filter-errors"' not in client.get("/audit/?from=2026-01-01").get_data(as_text=True)


def test_department_target_is_named_from_its_row(client, auth, org):
    audit.record(org.hr, "department.update", org.housekeeping, {"name": "客房"}, {"name": "客房部"})
    db.session.commit()
    auth.login("hr")
    visible = _visible(_table(client.get("/audit/?action=department.update").get_data(as_text=True)))
    assert "部门" in visible and "客房部 (HK)" in visible and "客房 → 客房部" in visible
    assert db.session.get(Department, org.housekeeping.id).name == "客房部"
