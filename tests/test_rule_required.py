"""The one view decorator behind `permission_required` and the home pages' rules: guests go to the login page,
users the rule refuses get 403, the rest reach the view; the rule is asked on every request."""
import pytest
from flask_login import login_user
from werkzeug.exceptions import Forbidden

from hrapp.permissions import Perm, permission_required, rule_required


def _view():
    return "reached"


def _call(app, decorated, user=None):
    with app.test_request_context("/somewhere"):
        if user is not None:
            login_user(user)
        return decorated()


def test_a_guest_goes_to_the_login_page(app, org):
    response = _call(app, rule_required(lambda user: True)(_view))
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_a_refused_user_gets_403_and_an_allowed_one_reaches_the_view(app, org):
    only_hr = rule_required(lambda user: user.username == "hr")(_view)
    with pytest.raises(Forbidden):
        _call(app, only_hr, org.staff)
    assert _call(app, only_hr, org.hr) == "reached"


def test_the_rule_is_asked_on_each_request_with_the_current_user(app, org):
    asked = []
    guarded = rule_required(lambda user: asked.append(user.username) or True)(_view)
    _call(app, guarded, org.hr)
    _call(app, guarded, org.head)
    assert asked == ["hr", "head"]


def test_permission_required_is_rule_required_over_has_perm(app, org):
    guarded = permission_required(Perm.AUDIT_VIEW)(_view)
    assert _call(app, guarded, org.hr) == "reached"
    with pytest.raises(Forbidden):
        _call(app, guarded, org.head)
    assert _call(app, guarded).status_code == 302
    assert guarded.__name__ == "_view"
