"""The KPI page over HTTP: the codes and imports shown, CSV and XLSX uploads (all or nothing, problems per row),
the XLSX template, the metrics button; after publishing nothing changes."""
import io
from decimal import Decimal

import openpyxl
import pytest

from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalCycle, CycleStage, KpiImport, KpiSource, KpiValue

from .conftest import ALL_METRICS, Q2_FIRST


@pytest.fixture
def page_scene(org, make_template, make_cycle, make_appraisal):
    org.template = make_template("T-ALL", criteria=ALL_METRICS)
    org.cycle = make_cycle("2026-Q2", stage=CycleStage.HEAD_SCORING, first_on=Q2_FIRST)
    org.mine = make_appraisal(org.cycle, org.desk_staff, org.template)
    org.theirs = make_appraisal(org.cycle, org.hk_staff, org.template)
    db.session.commit()
    return org


def fresh(model, record):
    """The record as the database holds it now (the fixture's copy is detached by the requests)."""
    db.session.expire_all()
    return db.session.get(model, record.id)


def url(s, tail=""):
    return f"/appraisals/cycles/{s.cycle.id}/kpis{tail}"


def upload(client, s, name, data: bytes, version=None):
    return client.post(url(s, "/upload"), data={
        "file": (io.BytesIO(data), name), "version_id": s.cycle.version_id if version is None else version},
        content_type="multipart/form-data")


def xlsx(rows) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_page_lists_codes_and_metrics(client, auth, page_scene):
    auth.login("hr")
    html = client.get(url(page_scene)).get_data(as_text=True)
    assert 'data-kpi-code="csat"' in html and 'data-metric="attendance_rate"' in html
    assert 'id="no-kpi-imports"' in html and 'id="kpi-upload-form"' in html


def test_a_good_csv_is_imported(client, auth, page_scene):
    s = page_scene
    auth.login("hr")
    data = f"staff_number,kpi_code,value\n{s.desk_staff.staff_number},csat,4.6\n{s.hk_staff.staff_number},csat,3.7\n"
    response = upload(client, s, "kpi.csv", data.encode())
    assert response.status_code == 302
    record = db.session.query(KpiImport).one()
    assert (record.source, record.row_count, record.filename) == (KpiSource.CSV, 2, "kpi.csv")
    record_id = record.id
    csat = next(i for i in fresh(Appraisal, s.mine).items if i.kpi_code == "csat")
    assert csat.value_score == Decimal("100.00")
    html = client.get(url(s)).get_data(as_text=True)
    assert f'data-import-id="{record_id}"' in html


def test_a_good_xlsx_is_imported_and_a_repeat_replaces_values(client, auth, page_scene):
    s = page_scene
    auth.login("hr")
    rows = [("Staff_Number", "KPI_code", "value"), (s.desk_staff.staff_number, "csat", 4.2)]
    assert upload(client, s, "kpi.xlsx", xlsx(rows)).status_code == 302
    s.cycle = fresh(AppraisalCycle, s.cycle)
    rows[1] = (s.desk_staff.staff_number, "csat", 4.8)
    assert upload(client, s, "again.xlsx", xlsx(rows)).status_code == 302
    assert db.session.query(KpiValue).one().value == Decimal("4.8")
    assert [i.source for i in db.session.query(KpiImport)] == [KpiSource.XLSX, KpiSource.XLSX]


def test_bad_rows_are_listed_and_nothing_is_stored(client, auth, page_scene):
    s = page_scene
    auth.login("hr")
    data = (f"staff_number,kpi_code,value\n{s.desk_staff.staff_number},csat,4.6\nX999,csat,4\n"
            f"{s.hk_staff.staff_number},csat,NaN\n{s.hk_staff.staff_number},sales,5\n").encode()
    response = upload(client, s, "kpi.csv", data)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'data-row="3" data-column="staff_number"' in html
    assert 'data-row="4" data-column="value"' in html
    assert 'data-row="5" data-column="kpi_code"' in html
    assert "没有这个工号的员工。" in html
    assert db.session.query(KpiValue).count() == 0 and db.session.query(KpiImport).count() == 0


def test_a_file_without_the_columns_is_refused(client, auth, page_scene):
    auth.login("hr")
    response = upload(client, page_scene, "kpi.csv", b"staff,value\nS1,4\n")
    assert response.status_code == 422 and 'id="kpi-file-error"' in response.get_data(as_text=True)
    assert upload(client, page_scene, "kpi.txt", b"x").status_code == 422
    assert db.session.query(KpiImport).count() == 0


def test_a_stale_page_is_told(client, auth, page_scene):
    auth.login("hr")
    s = page_scene
    data = f"staff_number,kpi_code,value\n{s.desk_staff.staff_number},csat,4.6\n".encode()
    assert upload(client, s, "kpi.csv", data, version=s.cycle.version_id - 1).status_code == 409
    assert db.session.query(KpiImport).count() == 0


def test_the_template_lists_the_codes(client, auth, page_scene):
    auth.login("hr")
    response = client.get(url(page_scene, "/template.xlsx"))
    book = openpyxl.load_workbook(io.BytesIO(response.data))
    assert [c.value for c in book.worksheets[0][1]] == ["staff_number", "kpi_code", "value"]
    assert book.worksheets[1].cell(2, 1).value == "csat"


def test_the_button_computes_the_metrics(client, auth, page_scene):
    s = page_scene
    auth.login("hr")
    response = client.post(url(s, "/metrics"), data={"version_id": s.cycle.version_id})
    assert response.status_code == 302
    assert fresh(AppraisalCycle, s.cycle).metrics_at is not None
    late = [i for i in fresh(Appraisal, s.theirs).items if i.metric and i.metric.value == "late_count"]
    assert late and all(i.value == 0 for i in late)


def test_after_publishing_nothing_changes(client, auth, page_scene):
    s = page_scene
    s.cycle.stage = CycleStage.PUBLISHED
    db.session.commit()
    auth.login("hr")
    assert 'id="kpis-frozen"' in client.get(url(s)).get_data(as_text=True)
    assert client.post(url(s, "/metrics"), data={"version_id": s.cycle.version_id}).status_code == 403
    data = f"staff_number,kpi_code,value\n{s.desk_staff.staff_number},csat,4.6\n".encode()
    assert upload(client, s, "kpi.csv", data).status_code == 403
    assert db.session.query(KpiImport).count() == 0
