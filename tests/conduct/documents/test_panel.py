"""The documents panel the violation and reward pages include: the reader's visible versions, outdated ones
marked, and the issue button only for whoever may issue an issuable record."""
from decimal import Decimal

from flask import render_template_string
from flask_login import login_user

from hrapp.blueprints.conduct.documents.notice import PENALTY_NOTICE
from hrapp.blueprints.reports import services
from hrapp.extensions import db
from hrapp.models import User, ViolationState

VIOLATION = '{% include "conduct/documents/_violation_documents.html" %}'
REWARD = '{% include "conduct/documents/_reward_documents.html" %}'


def _render(app, username, template, **context) -> str:
    with app.test_request_context("/"):
        login_user(db.session.scalar(db.select(User).filter_by(username=username)))
        return render_template_string(template, **context)


def test_panel_lists_versions_and_offers_issuing(app, scene):
    empty = _render(app, "head", VIOLATION, violation=scene.violation)
    assert 'id="violation-documents"' in empty and "issue-document" in empty
    assert f"/reports/issue/penalty-notice/{scene.violation.id}" in empty
    doc = services.issue_document(PENALTY_NOTICE, scene.violation, scene.head)
    db.session.commit()
    scene.violation.amount = Decimal("40.00")
    db.session.commit()
    shown = _render(app, "head", VIOLATION, violation=scene.violation)
    assert doc.number in shown and "outdated-badge" in shown and "1/3" in shown


def test_panel_for_the_person_has_no_issue_button(app, scene):
    services.issue_document(PENALTY_NOTICE, scene.violation, scene.head)
    db.session.commit()
    shown = _render(app, "staff", VIOLATION, violation=scene.violation)
    assert "PN-" in shown and "issue-document" not in shown


def test_panel_of_a_draft_offers_nothing(app, scene):
    scene.violation.state = ViolationState.DRAFT
    db.session.commit()
    assert "issue-document" not in _render(app, "hr", VIOLATION, violation=scene.violation)


def test_reward_panel(app, scene):
    shown = _render(app, "hr", REWARD, reward=scene.reward)
    assert 'id="reward-documents"' in shown and f"/reports/issue/commendation/{scene.reward.id}" in shown
    assert "issue-document" not in _render(app, "hkhead", REWARD, reward=scene.reward)
