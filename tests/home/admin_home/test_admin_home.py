"""The administrator's health page over HTTP: the tick, the job queue, the clocks, the signing certificate and
the failed deliveries; a missing certificate is a problem shown, not an error."""
from datetime import timedelta

import lxml.html
import pytest

from hrapp.blueprints.home.admin_home import rules
from hrapp.blueprints.reports.pki import ensure_demo_pki
from hrapp.blueprints.reports.settings import pki_settings
from hrapp.extensions import db
from hrapp.models import (
    AttendanceDevice,
    DeliveryStatus,
    Job,
    JobStatus,
    OutwardChannel,
    OutwardDelivery,
    TickLease,
    utcnow,
)
from tests.conftest import counted_statements

MAX_STATEMENTS = 8


def health(client):
    with counted_statements() as seen:
        response = client.get("/home/admin/")
    assert response.status_code == 200, response.text
    assert len(seen) <= MAX_STATEMENTS, "\n".join(seen)
    return lxml.html.fromstring(response.get_data(as_text=True))


@pytest.fixture
def pki_dir(app, tmp_path):
    saved = app.config.get("PKI_DIR")
    app.config["PKI_DIR"] = str(tmp_path / "pki")
    yield tmp_path / "pki"
    app.config["PKI_DIR"] = saved


def test_tick_tasks_with_their_last_outcome(client, auth, org, pki_dir):
    now = utcnow()
    db.session.add_all([
        TickLease(task="roster.remind", last_started_at=now - timedelta(minutes=2),
                  last_finished_at=now - timedelta(minutes=2), last_ok=True, last_count=3),
        TickLease(task="gone.task", last_started_at=now - timedelta(minutes=3), last_finished_at=now, last_ok=False,
                  last_error="ZeroDivisionError: boom")])
    db.session.commit()
    auth.login("admin")
    page = health(client)
    assert page.xpath('//tr[@data-task="gone.task"]//span/@data-outcome') == ["failed"]
    assert "boom" in page.xpath('string(//tr[@data-task="gone.task"])')
    assert page.xpath('//*[@id="admin-tick"]//div[contains(@class,"card-header")]/span/@data-state') == ["ok"]


def test_no_recent_tick_is_flagged(client, auth, org, pki_dir):
    auth.login("admin")
    page = health(client)
    assert page.xpath('//*[@id="admin-tick"]//div[contains(@class,"card-header")]/span/@data-state') == ["problem"]


def test_job_queue_counts_and_recent_failures(client, auth, org, pki_dir):
    db.session.add_all([Job(name="reports.bulk", status=JobStatus.QUEUED),
                        Job(name="reports.bulk", status=JobStatus.DONE),
                        Job(name="reports.bulk", status=JobStatus.FAILED, message="disk full", finished_at=utcnow())])
    db.session.commit()
    auth.login("admin")
    page = health(client)
    counts = {li.get("data-status"): li.xpath('string(span)') for li in page.xpath('//ul[@id="job-counts"]/li')}
    assert counts == {"queued": "1", "running": "0", "done": "1", "failed": "1"}
    assert "disk full" in page.xpath('string(//*[@id="failed-jobs"])')


def test_devices_last_seen_stale_flagged(client, auth, org, pki_dir):
    now = utcnow()
    db.session.add_all([AttendanceDevice(serial="FRESH1", last_seen_at=now - timedelta(minutes=1)),
                        AttendanceDevice(serial="OLD1", last_seen_at=now - timedelta(days=2)),
                        AttendanceDevice(serial="NEVER1"),
                        AttendanceDevice(serial="OFF1", active=False)])
    db.session.commit()
    auth.login("admin")
    page = health(client)
    states = {tr.get("data-serial"): tr.xpath('string(.//span/@data-state)') for tr in
              page.xpath('//table[@id="device-table"]/tbody/tr')}
    assert states == {"NEVER1": "stale", "OLD1": "stale", "FRESH1": "ok"}


def test_missing_certificate_is_a_problem_not_an_error(client, auth, org, pki_dir):
    auth.login("admin")
    page = health(client)
    assert page.xpath('//*[@id="admin-certificate"]/div[@data-state]/@data-state') == ["problem"]
    assert page.xpath('//*[@id="admin-certificate"]//div[contains(@class,"alert-danger")]')


def test_certificate_subject_and_days_left(app, client, auth, org, pki_dir):
    with app.test_request_context():
        ensure_demo_pki(pki_settings(), "测试酒店")
    auth.login("admin")
    page = health(client)
    panel = page.xpath('//*[@id="admin-certificate"]/div[@data-state]')[0]
    assert panel.get("data-state") == "ok"
    assert "document signing" in panel.xpath('string(.//code)')
    assert "day" in panel.xpath('string(.//span[contains(@class,"badge")])') or \
        "天" in panel.xpath('string(.//span[contains(@class,"badge")])')


def test_failed_deliveries_count_links_to_the_deliveries(client, auth, org, pki_dir):
    db.session.add_all([OutwardDelivery(kind="general", channel=OutwardChannel.EMAIL, recipient="a@example.com",
                                        body="x", status=status)
                        for status in (DeliveryStatus.FAILED, DeliveryStatus.FAILED, DeliveryStatus.SENT)])
    db.session.commit()
    auth.login("admin")
    page = health(client)
    assert page.xpath('string(//*[@id="failed-deliveries"])') == "2"
    assert page.xpath('//*[@id="admin-deliveries"]//a/@href') == ["/notifications/outward/deliveries"]


def test_rules():
    now = utcnow()
    assert rules.is_late(None, now, rules.TICK_LATE)
    assert not rules.is_late(now - timedelta(minutes=1), now, rules.TICK_LATE)
    assert rules.certificate_state(None) == "problem" and rules.certificate_state(-1) == "problem"
    assert rules.certificate_state(10) == "warning" and rules.certificate_state(400) == "ok"
