"""An export re-imports unchanged, in the language it was made in: Chinese headers and values in the
Chinese UI (the import template's), English ones in the English UI."""
import io

import pytest

from hrapp.blueprints.staff_import_export.columns import COLUMNS
from hrapp.models import EmploymentStatus, Gender

RAW = ("staff_number", "female", "male", "active", "probation")


@pytest.fixture
def people(org, make_staff, make_department):
    make_staff(org.front_desk, name_zh="周在职", name_en="Zhou", gender=Gender.MALE, status=EmploymentStatus.ACTIVE,
               phone="13800000000", emergency_contact_name="周母", emergency_contact_phone="13900000000")
    make_staff(org.housekeeping, name_zh="吴停职", status=EmploymentStatus.SUSPENDED, notes="备注，含逗号")
    return org


def _export_and_reimport(client, fmt: str) -> tuple[bytes, str]:
    exported = client.get(f"/staff-import-export/export.{fmt}")
    assert exported.status_code == 200
    preview = client.post("/staff-import-export/import", content_type="multipart/form-data",
                          data={"file": (io.BytesIO(exported.data), f"staff.{fmt}")})
    assert preview.status_code == 200
    return exported.data, preview.get_data(as_text=True)


def _assert_nothing_to_import(body: str):
    assert 'id="import-problems"' not in body and 'id="import-blocked"' not in body
    assert 'id="import-nothing"' in body


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_chinese_export_has_the_template_headers_and_chinese_values_and_reimports_unchanged(
        client, auth, people, app, tmp_path, monkeypatch, fmt):
    monkeypatch.setitem(app.config, "IMPORT_DIR", str(tmp_path))
    auth.login("hr")
    data, body = _export_and_reimport(client, fmt)
    _assert_nothing_to_import(body)
    if fmt == "csv":
        text = data.decode("utf-8-sig")
        header = text.splitlines()[0]
        assert header.split(",") == [c.zh for c in COLUMNS]
        assert "女" in text and "在职" in text and "停职" in text
        for raw in RAW:
            assert raw not in text


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_english_export_reimports_unchanged(client, auth, people, app, tmp_path, monkeypatch, fmt):
    monkeypatch.setitem(app.config, "IMPORT_DIR", str(tmp_path))
    auth.login("hr")
    client.post("/auth/locale/en")
    data, body = _export_and_reimport(client, fmt)
    _assert_nothing_to_import(body)
    if fmt == "csv":
        text = data.decode("utf-8-sig")
        assert "Female" in text and "Suspended" in text and "female" not in text.split("\n", 1)[1]
