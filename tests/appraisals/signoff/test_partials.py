"""The partials the appraisal page includes: the person's buttons (or the closed deadline), the appeal and the
decision; HR's link to decide; the signed form's box with the issue link once the result is published."""
from datetime import timedelta

from flask import render_template_string

from hrapp.blueprints.appraisals.signoff import services
from hrapp.company import company_today
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalStatus
from tests.access_matrix import login

from .conftest import publish

RESPOND = '{% include "appraisals/signoff/_respond.html" %}'
FORM_LINK = '{% include "appraisals/signoff/_form_link.html" %}'


def _render(app, username: str, appraisal_id: int, template: str) -> str:
    """The partial as `username` sees it (a request logged in as them)."""
    client = login(app, username)
    with client.application.test_request_context():
        from flask_login import login_user

        from hrapp.models import User
        user = db.session.scalar(db.select(User).where(User.username == username))
        login_user(user)
        return render_template_string(template, appraisal=db.session.get(Appraisal, appraisal_id))


def test_the_person_sees_the_buttons_while_open(app, scene):
    html = _render(app, "staff", scene.appraisal.id, RESPOND)
    assert 'id="acknowledge-form"' in html and 'id="appeal-form"' in html and "version_id" in html
    assert 'id="acknowledge-form"' not in _render(app, "head", scene.appraisal.id, RESPOND)


def test_after_the_deadline_the_person_reads_why(app, scene):
    publish(scene.appraisal, respond_by=company_today() - timedelta(days=1))
    db.session.commit()
    html = _render(app, "staff", scene.appraisal.id, RESPOND)
    assert 'id="acknowledge-form"' not in html and 'id="respond-closed"' in html and "答复期限已于" in html


def test_the_appeal_and_decision_texts(app, scene):
    services.appeal(scene.staff, scene.appraisal, "请复核出勤。", scene.appraisal.version_id)
    db.session.commit()
    hr_view = _render(app, "hr", scene.appraisal.id, RESPOND)
    assert "请复核出勤。" in hr_view and 'id="decide-link"' in hr_view
    appraisal = db.session.get(Appraisal, scene.appraisal.id)
    services.decide(scene.hr, appraisal, "upheld", None, "核实无误。", appraisal.version_id)
    db.session.commit()
    html = _render(app, "staff", scene.appraisal.id, RESPOND)
    assert "核实无误。" in html and 'data-decision="upheld"' in html and 'id="decide-link"' not in html


def test_the_form_link_once_published(app, scene):
    assert "/reports/issue/appraisal-form/" in _render(app, "staff", scene.appraisal.id, FORM_LINK)
    db.session.get(Appraisal, scene.appraisal.id).status = AppraisalStatus.SCORED
    db.session.commit()
    assert "/reports/issue/appraisal-form/" not in _render(app, "staff", scene.appraisal.id, FORM_LINK)
    assert "/reports/issue/appraisal-form/" not in _render(app, "hr", scene.appraisal.id, FORM_LINK)
