"""Recording through the form: the check step, drafts and submission, evidence, double submission."""
from decimal import Decimal
from io import BytesIO

import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import Attachment, Notification, Violation, ViolationState
from tests.conduct.violations.conftest import form_data, last_violation
from tests.conftest import count

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
EXE = b"MZ\x90\x00" + b"\x00" * 64


def test_the_check_step_shows_the_outcome_and_stores_nothing(client, auth, people, catalogue):
    auth.login("head")
    response = client.post("/conduct/violations/new",
                           data=form_data(people.desk_staff, catalogue["2-4"], action="check", amount="15"))
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and 'id="check-result"' in html
    assert "15.00" in html and 'id="save-submit"' in html
    assert count(Violation) == 0


def test_save_as_draft_then_submit_notifies_the_person(client, auth, people, catalogue):
    auth.login("head")
    response = client.post("/conduct/violations/new",
                           data=form_data(people.desk_staff, catalogue["2-4"], amount="12.50"))
    assert response.status_code == 302
    violation = last_violation()
    assert violation.state == ViolationState.DRAFT and violation.amount == Decimal("12.50")
    assert violation.number.startswith("V") and violation.department_id == people.front_desk.id
    assert violation.recorded_by_id == people.head.id and violation.rule_version.rule_id == catalogue["2-4"].id
    assert count(Notification) == 0
    page = client.get(f"/conduct/violations/{violation.id}").get_data(as_text=True)
    assert 'data-transition="submit"' in page and 'data-transition="withdraw"' in page
    response = client.post(f"/conduct/violations/{violation.id}/submit", data={"version_id": violation.version_id})
    assert response.status_code == 302
    violation = db.session.get(Violation, violation.id)
    assert violation.state == ViolationState.SUBMITTED and violation.respond_by is not None
    assert violation.submitted_at is not None
    note = db.session.scalar(sa.select(Notification).where(Notification.user_id == people.staff.id))
    assert note is not None and violation.number in note.text


def test_save_and_submit_in_one_go_and_the_person_sees_it(client, auth, people, catalogue):
    auth.login("head")
    client.post("/conduct/violations/new", data=form_data(people.desk_staff, catalogue["2-1"], action="submit",
                                                          amount="5"))
    violation = last_violation()
    assert violation.state == ViolationState.SUBMITTED
    auth.logout()
    auth.login("staff")
    page = client.get(f"/conduct/violations/{violation.id}")
    assert page.status_code == 200 and violation.number in page.get_data(as_text=True)
    mine = client.get("/conduct/my/violations").get_data(as_text=True)
    assert violation.number in mine


def test_a_draft_is_not_shown_to_the_person(client, auth, people, catalogue):
    auth.login("head")
    client.post("/conduct/violations/new", data=form_data(people.desk_staff, catalogue["2-1"], amount="5"))
    violation = last_violation()
    auth.logout()
    auth.login("staff")
    assert client.get(f"/conduct/violations/{violation.id}").status_code in (403, 404)
    assert violation.number not in client.get("/conduct/my/violations").get_data(as_text=True)


def test_withdraw_a_draft(client, auth, people, catalogue):
    auth.login("hr")
    client.post("/conduct/violations/new", data=form_data(people.desk_staff, catalogue["2-1"], amount="5"))
    violation = last_violation()
    client.post(f"/conduct/violations/{violation.id}/withdraw", data={"version_id": violation.version_id})
    violation = db.session.get(Violation, violation.id)
    assert violation.state == ViolationState.VOID


def test_a_stale_step_changes_nothing(client, auth, people, catalogue):
    auth.login("head")
    client.post("/conduct/violations/new", data=form_data(people.desk_staff, catalogue["2-1"], amount="5"))
    violation = last_violation()
    response = client.post(f"/conduct/violations/{violation.id}/submit",
                           data={"version_id": violation.version_id - 1}, follow_redirects=True)
    violation = db.session.get(Violation, violation.id)
    assert violation.state == ViolationState.DRAFT
    assert "已被他人修改" in response.get_data(as_text=True)


def test_evidence_is_attached_while_recording(client, auth, people, catalogue):
    auth.login("head")
    data = form_data(people.desk_staff, catalogue["2-1"], amount="5")
    data["evidence"] = [(BytesIO(PNG), "photo.png")]
    response = client.post("/conduct/violations/new", data=data, content_type="multipart/form-data")
    assert response.status_code == 302
    violation = last_violation()
    files = db.session.scalars(sa.select(Attachment).where(Attachment.owner_type == "violation",
                                                           Attachment.owner_id == violation.id)).all()
    assert [f.original_name for f in files] == ["photo.png"] and files[0].content_type == "image/png"
    page = client.get(f"/conduct/violations/{violation.id}").get_data(as_text=True)
    assert "photo.png" in page and 'id="attachment-upload"' in page


def test_an_executable_renamed_jpg_is_refused_and_nothing_is_stored(client, auth, people, catalogue):
    auth.login("head")
    data = form_data(people.desk_staff, catalogue["2-1"], amount="5")
    data["evidence"] = [(BytesIO(EXE), "photo.jpg")]
    response = client.post("/conduct/violations/new", data=data, content_type="multipart/form-data")
    assert response.status_code == 200
    assert "JPEG" in response.get_data(as_text=True) or "is-invalid" in response.get_data(as_text=True)
    assert count(Violation) == 0 and count(Attachment) == 0


def test_evidence_on_the_record_page_while_open(client, auth, people, catalogue, make_violation):
    final = make_violation(people.desk_staff, catalogue["2-1"], state=ViolationState.FINAL)
    draft = make_violation(people.desk_staff, catalogue["2-1"], state=ViolationState.DRAFT)
    auth.login("head")
    upload = {"file": (BytesIO(PNG), "more.png")}
    assert client.post(f"/attachments/violation/{draft.id}", data=upload,
                       content_type="multipart/form-data").status_code == 302
    assert client.post(f"/attachments/violation/{final.id}", data={"file": (BytesIO(PNG), "late.png")},
                       content_type="multipart/form-data").status_code == 403
    assert count(Attachment) == 1


def test_double_submission_of_one_form_creates_one_violation(app, client, auth, people, catalogue):
    app.config["SUBMISSION_TOKENS_REQUIRED"] = True
    try:
        auth.login("head")
        data = form_data(people.desk_staff, catalogue["2-1"], amount="5", submission_token="tok-" + "x" * 40)
        first = client.post("/conduct/violations/new", data=data)
        second = client.post("/conduct/violations/new", data=data)
    finally:
        app.config["SUBMISSION_TOKENS_REQUIRED"] = False
    assert first.status_code == 302 and second.status_code == 200
    assert count(Violation) == 1
