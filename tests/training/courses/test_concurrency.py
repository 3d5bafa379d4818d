"""A lost race answers like an ordinary duplicate: when the check before the insert passes for both, the
database's unique constraint refuses the second and the form comes back with the same message, never a 500."""
import sqlalchemy as sa

from hrapp.blueprints.training.courses import services
from hrapp.extensions import db
from hrapp.models import Course, PositionCourse
from tests.access_matrix import login

from .conftest import VALID, course


def test_a_code_taken_meanwhile_gets_the_duplicate_message(app, site, monkeypatch):
    hr = login(app, "hr")
    hr.post("/auth/locale/en")
    assert hr.post("/training/courses/new", data=VALID).status_code == 302
    monkeypatch.setattr(services, "_taken", lambda code, except_id: False)  # the other request's check passed
    response = hr.post("/training/courses/new", data=VALID)
    assert response.status_code == 200
    assert "This code is already used by another course." in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(Course.id))) == 1


def test_a_position_added_meanwhile_gets_the_duplicate_message(app, site, monkeypatch):
    hr = login(app, "hr")
    hr.post("/auth/locale/en")
    hr.post("/training/courses/new", data=VALID)
    etq = course("ETQ-01")
    data = {"position_id": site.receptionist.id, "kind": "induction", "due_days": "30"}
    hr.post(f"/training/courses/{etq.id}/positions/add", data=data)
    monkeypatch.setattr(services, "_already_required", lambda position, course: False)
    response = hr.post(f"/training/courses/{etq.id}/positions/add", data=data)
    assert response.status_code == 200
    assert "This position already requires this course." in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(PositionCourse.id))) == 1
