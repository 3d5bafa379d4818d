"""Positions' required training on a course's page: HR adds a position (kind, days), a duplicate or bad days come
back with the message, removing one already gone says so; a position's page lists what it requires (heads for
their departments, HR all); `required_courses` is what the induction part reads."""
import io

import sqlalchemy as sa

from hrapp.blueprints.training.courses.queries import required_courses
from hrapp.extensions import db
from hrapp.models import AuditEntry, PositionCourse, RequiredTrainingKind
from tests.access_matrix import login

from .conftest import VALID, course


def _rows() -> list[PositionCourse]:
    db.session.expire_all()
    return list(db.session.scalars(sa.select(PositionCourse).order_by(PositionCourse.id)))


def _scene(app, site):
    hr = login(app, "hr")
    hr.post("/auth/locale/en")
    hr.post("/training/courses/new", data=VALID)
    return hr, course("ETQ-01")


def test_hr_adds_a_position_and_a_duplicate_or_bad_days_are_refused(app, site):
    hr, etq = _scene(app, site)
    url = f"/training/courses/{etq.id}/positions/add"
    page = hr.get(f"/training/courses/{etq.id}").get_data(as_text=True)
    assert "FD-REC 前台接待员" in page and 'id="add-required"' in page
    response = hr.post(url, data={"position_id": site.receptionist.id, "kind": "pre_post", "due_days": "60"})
    assert response.status_code == 302
    [row] = _rows()
    assert (row.position_id, row.course_id, row.kind, row.due_days) == (
        site.receptionist.id, etq.id, RequiredTrainingKind.PRE_POST, 60)
    again = hr.post(url, data={"position_id": site.receptionist.id, "kind": "induction", "due_days": "30"})
    assert again.status_code == 200 and "This position already requires this course." in again.get_data(as_text=True)
    for bad in ({"due_days": "0"}, {"due_days": "-3"}, {"position_id": "999999"}, {"kind": "nonsense"}):
        data = {"position_id": site.attendant.id, "kind": "induction", "due_days": "30", **bad}
        page = hr.post(url, data=data).get_data(as_text=True)
        assert "is-invalid" in page or "alert-danger" in page, bad
    assert len(_rows()) == 1
    assert db.session.scalar(sa.select(sa.func.count(AuditEntry.id)).where(
        AuditEntry.action == "training.required_add")) == 1


def test_removing_asks_first_and_removing_again_says_it_is_gone(app, site):
    hr, etq = _scene(app, site)
    hr.post(f"/training/courses/{etq.id}/positions/add",
            data={"position_id": site.receptionist.id, "kind": "induction", "due_days": "30"})
    [row] = _rows()
    page = hr.get(f"/training/courses/{etq.id}").get_data(as_text=True)
    assert f'/positions/{row.id}/remove" data-confirm=' in page
    url = f"/training/courses/{etq.id}/positions/{row.id}/remove"
    assert hr.post(url).status_code == 302 and _rows() == []
    gone = hr.post(url, follow_redirects=True).get_data(as_text=True)
    assert "That position no longer required this course: someone already removed it." in gone
    assert db.session.scalar(sa.select(sa.func.count(AuditEntry.id)).where(
        AuditEntry.action == "training.required_remove")) == 1


def test_a_positions_page_lists_its_courses_for_its_heads_and_hr(app, site, make_course):
    hr, etq = _scene(app, site)
    fire = make_course("FIRE", "消防安全", category="safety")
    db.session.commit()
    for course_id, kind in ((fire.id, "pre_post"), (etq.id, "induction")):
        hr.post(f"/training/courses/{course_id}/positions/add",
                data={"position_id": site.receptionist.id, "kind": kind, "due_days": "30"})
    assert [r.course.code for r in required_courses(site.receptionist.id)] == ["ETQ-01", "FIRE"]
    url = f"/training/courses/positions/{site.receptionist.id}"
    page = login(app, "head").get(url).get_data(as_text=True)
    assert page.index('data-course="ETQ-01"') < page.index('data-course="FIRE"')
    assert login(app, "hkhead").get(url).status_code == 404
    empty = hr.get(f"/training/courses/positions/{site.attendant.id}").get_data(as_text=True)
    assert 'id="no-required"' in empty


def test_materials_are_attached_by_hr_and_downloaded_by_staff(app, site):
    hr, etq = _scene(app, site)
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    upload = f"/attachments/training_course/{etq.id}"
    assert login(app, "staff").post(upload, data={"file": (io.BytesIO(pdf), "x.pdf")},
                                    content_type="multipart/form-data").status_code == 403
    response = hr.post(upload, data={"file": (io.BytesIO(pdf), "礼仪讲义.pdf"), "note": "讲义"},
                       content_type="multipart/form-data")
    assert response.status_code == 302
    staff = login(app, "staff")
    page = staff.get(f"/training/courses/{etq.id}").get_data(as_text=True)
    assert "礼仪讲义.pdf" in page and 'id="attachment-upload"' not in page
    link = page.split('href="/attachments/')[1].split('"')[0]
    download = staff.get(f"/attachments/{link}")
    assert download.status_code == 200 and download.data == pdf
