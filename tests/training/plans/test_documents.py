"""The signed plan through the report registry: `flask report training-plan DEPT YEAR` on an approved plan, the
head signs first and HR last, verify-pdf and pdfsig accept it; refused unless approved and for anyone but HR;
only the department's heads and HR read it."""
from datetime import date

import sqlalchemy as sa

from hrapp.blueprints.reports import services
from hrapp.blueprints.reports.access import can_view_document
from hrapp.blueprints.reports.pdf.document import Letterhead
from hrapp.blueprints.training.plans.documents import TRAINING_PLAN
from hrapp.blueprints.training.plans.needs import raise_need
from hrapp.blueprints.training.plans.services import (
    ItemDraft,
    add_item,
    create_plan,
    fill_from_sources,
    take_step,
)
from hrapp.extensions import db
from hrapp.models import DocumentStatus, IssuedDocument, TrainingPlan
from tests.reports.conftest import _pki_config, nss_db, pdfsig, pdftotext, pki_settings_  # noqa: F401

from .conftest import YEAR


def _approved(site, approve: bool = True):
    raise_need(site.front, "投诉处理", site.head)
    plan = create_plan(site.head, site.front, YEAR, 10, 100)
    fill_from_sources(site.head, plan, plan.version_id)
    add_item(site.head, plan, ItemDraft(4, None, "年终服务复训", 3, 2, 450))
    take_step(site.head, plan, "submit", plan.version_id)
    if approve:
        take_step(site.hr, plan, "approve", plan.version_id)
    db.session.commit()
    return plan


def issue(runner, signer, *args, out=None):
    return runner.invoke(args=["report", "training-plan", *args, "--signer", signer]
                         + (["--out", str(out)] if out else []))


def test_hr_issues_the_head_signs_first_then_hr_and_it_verifies(runner, site, tmp_path, nss_db):  # noqa: F811
    plan = _approved(site)
    result = issue(runner, "hr", "fo", str(YEAR))
    assert result.exit_code == 0, result.output
    doc = db.session.scalar(sa.select(IssuedDocument))
    assert doc.number.startswith("TP-") and doc.subject_key == f"training_plan:{site.front.id}:{YEAR}"
    assert doc.source_id == plan.id
    assert services.can_sign(site.head, doc) and not services.can_sign(site.hr, doc)
    services.sign_document(doc, site.head)
    assert services.can_sign(site.hr, doc) and not services.can_sign(site.hk_head, doc)
    services.sign_document(doc, site.hr)
    db.session.commit()
    assert doc.status == DocumentStatus.ISSUED
    out = tmp_path / "plan.pdf"
    out.write_bytes(doc.pdf)
    verified = runner.invoke(args=["verify-pdf", str(out)])
    assert verified.exit_code == 0 and "GENUINE" in verified.output, verified.output
    reports = pdfsig(nss_db, out)
    assert len(reports) == 2 and all(r["valid"] and r["trusted"] for r in reports)
    text = pdftotext(out)
    assert all(word in text for word in ("年度培训计划", "Annual training plan", "投诉处理", "年终服务复训", "C-ETQ"))
    assert "Over the budget hours" in text  # 10 budget hours, more planned


def test_cli_out_writes_the_pdf(runner, site, tmp_path):
    _approved(site)
    out = tmp_path / "plan.pdf"
    result = issue(runner, "hr", "FO", str(YEAR), out=out)
    assert result.exit_code == 0 and out.read_bytes().startswith(b"%PDF")


def test_rebuilding_gives_the_same_bytes(site):
    plan = _approved(site)
    letterhead = Letterhead("测试", TRAINING_PLAN.title, "TP-2027-000001", date(2027, 1, 5), "AAAA-BBBB-CCCC")
    assert TRAINING_PLAN.build(plan, letterhead).data == TRAINING_PLAN.build(plan, letterhead).data


def test_refused_unless_approved_for_anyone_but_hr_and_for_bad_arguments(runner, site):
    _approved(site, approve=False)
    result = issue(runner, "hr", "FO", str(YEAR))
    assert result.exit_code == 1 and "Only an approved plan" in result.output
    for args, message in ((("FO", "20x7"), "department code and a year"), (("NOPE", str(YEAR)), "no training plan")):
        result = issue(runner, "hr", *args)
        assert result.exit_code == 1 and message in result.output, result.output
    assert db.session.scalar(sa.select(IssuedDocument)) is None
    record = db.session.scalar(sa.select(TrainingPlan))
    take_step(site.hr, record, "approve", record.version_id)
    db.session.commit()
    for signer in ("head", "hkhead", "staff"):
        result = issue(runner, signer, "FO", str(YEAR))
        assert result.exit_code == 1 and "may not issue" in result.output, (signer, result.output)


def test_only_the_departments_heads_and_hr_read_it(runner, site):
    _approved(site)
    assert issue(runner, "hr", "FO", str(YEAR)).exit_code == 0
    doc = db.session.scalar(sa.select(IssuedDocument))
    assert can_view_document(site.hr, doc) and can_view_document(site.head, doc)
    assert not can_view_document(site.hk_head, doc) and not can_view_document(site.staff, doc)


def test_the_plan_page_links_to_the_issue_page_once_approved(client, auth, site):
    plan = _approved(site)
    auth.login("hr")
    page = client.get(f"/training/plans/{plan.id}").get_data(True)
    assert f"/reports/issue/training-plan/{plan.id}" in page
    assert client.get(f"/reports/issue/training-plan/{plan.id}").status_code == 200
