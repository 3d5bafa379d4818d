"""Training needs: raised on the page (department, optional person and course, topic, source), `raise_need` for
appraisals (idempotent on its reference), dismissed with a reason (version-checked), listed by scope and filters."""
import pytest
import sqlalchemy as sa

from hrapp.blueprints.training.plans.needs import raise_need
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import AuditEntry, NeedSource, NeedStatus, TrainingNeed
from tests.conftest import count

from .conftest import login

STALE = "Someone else changed this record; reload and try again."


def _raise(client, department, **data):
    body = {"department_id": department.id, "staff_number": "", "course_id": "", "topic": "投诉处理",
            "source": "manual"} | data
    return client.post("/training/needs/new", data=body)


def test_a_head_raises_needs_for_their_departments(client, auth, site):
    login(client, auth, "head")
    assert _raise(client, site.front_desk, staff_number=site.desk_staff.staff_number, source="quality").status_code == 302
    need = db.session.scalar(sa.select(TrainingNeed))
    assert (need.staff_id, need.source, need.status) == (site.desk_staff.id, NeedSource.QUALITY, NeedStatus.OPEN)
    assert _raise(client, site.front, course_id=site.fire.id, topic="").status_code == 302
    assert "Give a topic or choose a course." in _raise(client, site.front, topic="").get_data(True)
    # someone in another department the head may not see: to them, no such number (it tells them nothing)
    elsewhere = _raise(client, site.front, staff_number=site.hk_staff.staff_number)
    assert "There is no one with this staff number." in elsewhere.get_data(True)
    sub = _raise(client, site.front_desk, staff_number=site.head_staff.staff_number)  # seen, but in FO itself
    assert "This person is not in that department." in sub.get_data(True)
    assert "There is no one with this staff number." in _raise(client, site.front, staff_number="NOPE").get_data(True)
    assert _raise(client, site.housekeeping).status_code == 200  # not theirs: not a choice
    assert count(TrainingNeed) == 2


def test_raise_need_is_idempotent_on_its_reference(site):
    first = raise_need(site.front_desk, "沟通技巧", site.hr, staff=site.desk_staff, source=NeedSource.APPRAISAL,
                       source_ref="appraisal:7")
    again = raise_need(site.front_desk, "沟通技巧", site.hr, staff=site.desk_staff, source=NeedSource.APPRAISAL,
                       source_ref="appraisal:7")
    other = raise_need(site.front_desk, "沟通技巧", site.hr, staff=site.clerk2, source=NeedSource.APPRAISAL,
                       source_ref="appraisal:7")
    unreferenced = [raise_need(site.front_desk, "沟通技巧", site.hr) for _ in range(2)]
    db.session.commit()
    assert again.id == first.id and other.id != first.id and unreferenced[0].id != unreferenced[1].id
    assert count(TrainingNeed) == 4
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AuditEntry)
                             .where(AuditEntry.action == "training.need_raise")) == 4
    with pytest.raises(ValidationFailed):
        raise_need(site.front, "", site.hr)


def test_a_reference_raises_one_need_whatever_became_of_it(site):
    """Raised again after it was dismissed (or planned), the same reference gives back that need, not a new one."""
    first = raise_need(site.front_desk, "沟通技巧", site.hr, staff=site.desk_staff, source=NeedSource.APPRAISAL,
                       source_ref="appraisal:8")
    first.status = NeedStatus.DISMISSED
    db.session.commit()
    again = raise_need(site.front_desk, "沟通技巧", site.hr, staff=site.desk_staff, source=NeedSource.APPRAISAL,
                       source_ref="appraisal:8")
    assert again.id == first.id and count(TrainingNeed) == 1


def test_a_lost_race_for_a_reference_returns_the_winner(site, monkeypatch):
    """Two requests raising one reference at once: the unique index stops the second insert, which answers with
    the first's need (the pre-check is skipped here as it would be when both ran it before either wrote)."""
    from hrapp.blueprints.training.plans import needs
    first = raise_need(site.front_desk, "沟通技巧", site.hr, staff=site.desk_staff, source=NeedSource.APPRAISAL,
                       source_ref="appraisal:9")
    db.session.commit()
    real = needs._raised_with
    calls = []

    def missed_once(key):
        calls.append(key)
        return None if len(calls) == 1 else real(key)

    monkeypatch.setattr(needs, "_raised_with", missed_once)
    again = raise_need(site.front_desk, "沟通技巧", site.hr, staff=site.desk_staff, source=NeedSource.APPRAISAL,
                       source_ref="appraisal:9")
    db.session.commit()
    assert again.id == first.id and count(TrainingNeed) == 1 and len(calls) == 2


def test_dismiss_needs_a_reason_and_the_current_version(client, auth, site):
    need = raise_need(site.front, "投诉处理", site.hr)
    db.session.commit()
    login(client, auth, "head")
    url = f"/training/needs/{need.id}/dismiss"
    stale = client.post(url, data={"version_id": need.version_id - 1, "reason": "已培训"})
    assert stale.status_code == 409 and STALE in stale.get_data(True)
    assert "Please give a reason." in client.post(url, data={"version_id": need.version_id}).get_data(True)
    assert client.post(url, data={"version_id": need.version_id, "reason": "已在岗前培训中覆盖"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(TrainingNeed, need.id).status == NeedStatus.DISMISSED
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "training.need_dismiss"))
    assert entry.after == {"status": "dismissed", "reason": "已在岗前培训中覆盖"}
    assert "已在岗前培训中覆盖" in client.get("/training/needs/?status=dismissed").get_data(True)
    again = client.post(url, data={"version_id": need.version_id + 1, "reason": "x"})
    assert "Only an open need can be dismissed." in again.get_data(True)


def test_the_list_keeps_to_scope_and_filters(client, auth, site):
    raise_need(site.front_desk, "交接班", site.hr, source=NeedSource.QUALITY)
    raise_need(site.front, "投诉处理", site.hr)
    raise_need(site.housekeeping, "铺床", site.hr)
    db.session.commit()
    login(client, auth, "hr")
    assert client.get("/training/needs/").get_data(True).count("data-need-id=") == 3
    assert client.get("/training/needs/?source=quality").get_data(True).count("data-need-id=") == 1
    assert client.get(f"/training/needs/?department={site.front.id}").get_data(True).count("data-need-id=") == 2
    assert client.get("/training/needs/?status=dismissed").get_data(True).count("data-need-id=") == 0
    assert "No training needs for these filters." in client.get("/training/needs/?q=nothing").get_data(True)
    login(client, auth, "head")
    page = client.get("/training/needs/").get_data(True)
    assert page.count("data-need-id=") == 2 and "铺床" not in page
    login(client, auth, "hkhead")
    assert client.get("/training/needs/").get_data(True).count("data-need-id=") == 1
