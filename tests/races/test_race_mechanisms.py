"""The mechanisms behind "a lost race answers like an ordinary duplicate", one by one and without threads
(tests/races/test_concurrent_submits.py races them for real): the declared unique constraints, the open
key of swaps, the conditional UPDATE of workflow steps, one-time submission tokens and the app-wide 409."""
from datetime import date

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, OperationalError

from config import TestingConfig
from hrapp import create_app
from hrapp.blueprints.roster.services import RosterValidationError, accept_swap, cancel_swap, propose_swap
from hrapp.blueprints.roster.workflow import SWAP_WORKFLOW
from hrapp.core import workflow
from hrapp.core.errors import StaleRecord
from hrapp.core.uniqueness import duplicates_refused, violated_constraint
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import Department, PeriodKind, Roster, ShiftSwap, SubmissionToken, SwapStatus


def _differing_day(o, a, b) -> date:
    """A day of the May roster on which `a` and `b` work different shifts."""
    cells = {(c.staff_id, c.day): c.shift_type_id for c in o.roster.cells}
    return next(d for (s, d), code in sorted(cells.items(), key=lambda i: i[0][1])
                if s == a.id and cells.get((b.id, d)) != code)


class TestDeclaredConstraints:
    def test_a_lost_race_on_a_department_code_is_the_pre_checks_message(self, org):
        with pytest.raises(ValidationFailed) as caught, duplicates_refused():
            db.session.add(Department(code=org.front.code, name="抢注", path="/"))
            db.session.flush()
        assert caught.value.messages() == ["This department code is already used."] and list(caught.value.errors) == ["code"]
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Department)
                                 .where(Department.code == org.front.code)) == 1

    def test_a_second_roster_for_the_same_department_and_period_is_the_overlap_message(self, rostered):
        o = rostered
        with pytest.raises(RosterValidationError) as caught, duplicates_refused(RosterValidationError):
            db.session.add(Roster(department_id=o.front.id, period_kind=PeriodKind.MONTH,
                                  starts_on=o.roster.starts_on, ends_on=o.roster.ends_on))
            db.session.flush()
        assert list(caught.value.errors) == ["period"]

    def test_the_violated_constraint_is_named_on_every_database(self, org):
        with pytest.raises(IntegrityError) as caught:
            with db.session.begin_nested():
                db.session.add(Department(code=org.front.code, name="抢注", path="/"))
                db.session.flush()
        assert violated_constraint(caught.value) == "uq_departments_code"

    def test_an_undeclared_integrity_error_is_left_alone(self, org):
        with pytest.raises(IntegrityError), duplicates_refused():
            db.session.add(Department(code="NEW", name=None, path="/"))  # NOT NULL, not a duplicate
            db.session.flush()


class TestOpenSwaps:
    def test_the_same_swap_cannot_be_open_twice_but_may_be_asked_again_once_closed(self, rostered):
        o = rostered
        a, b = o.people[0], o.people[1]
        on = _differing_day(o, a, b)
        first = propose_swap(o.head, o.roster, a, on, b, on)
        db.session.commit()
        assert first.open_key
        with pytest.raises(RosterValidationError) as caught:
            propose_swap(o.head, o.roster, a, on, b, on)
        assert list(caught.value.errors) == ["partner"]
        db.session.rollback()
        cancel_swap(o.head, first)
        db.session.commit()
        assert first.open_key is None
        again = propose_swap(o.head, o.roster, a, on, b, on)
        db.session.commit()
        assert again.id != first.id and again.status == SwapStatus.PROPOSED

    def test_the_database_refuses_a_second_open_swap_that_passed_the_check(self, rostered):
        o = rostered
        a, b = o.people[0], o.people[1]
        on = _differing_day(o, a, b)
        propose_swap(o.head, o.roster, a, on, b, on)
        db.session.commit()
        with pytest.raises(RosterValidationError) as caught, duplicates_refused(RosterValidationError):
            db.session.add(ShiftSwap(roster_id=o.roster.id, requester_id=a.id, partner_id=b.id, requester_day=on,
                                     partner_day=on, status=SwapStatus.PROPOSED))
            db.session.flush()
        assert list(caught.value.errors) == ["partner"]


class TestConditionalStep:
    def test_a_step_taken_by_another_transaction_meanwhile_changes_nothing(self, rostered):
        """Both approvers loaded version v; the other one's UPDATE committed first: this one matches no row."""
        o = rostered
        a, b = o.people[0], o.people[1]
        on = _differing_day(o, a, b)
        swap = propose_swap(o.head, o.roster, a, on, b, on)
        db.session.commit()
        loaded_version = swap.version_id
        db.session.execute(sa.update(ShiftSwap).where(ShiftSwap.id == swap.id).values(
            status=SwapStatus.CANCELLED, version_id=ShiftSwap.version_id + 1)
            .execution_options(synchronize_session=False))  # the other writer, behind the ORM's back
        with pytest.raises(StaleRecord):
            workflow.apply(SWAP_WORKFLOW, swap, "cancel", o.head, loaded_version)
        db.session.rollback()

    def test_a_step_bumps_the_version_once_and_a_replay_is_stale(self, rostered, make_user):
        o = rostered
        a, b = o.people[0], o.fo_staff[0]
        on = _differing_day(o, a, b)
        swap = propose_swap(o.head, o.roster, a, on, b, on)
        db.session.commit()
        version = swap.version_id
        accept_swap(o.fo_user, swap, version)
        db.session.commit()
        assert swap.status == SwapStatus.ACCEPTED and swap.version_id > version
        with pytest.raises(StaleRecord):
            accept_swap(o.fo_user, swap, version)


class TestSubmissionTokens:
    def test_the_same_page_sent_twice_creates_one_record(self, client, auth, org):
        auth.login("admin")
        page = client.get("/org/departments/new").get_data(as_text=True)
        token = page.split('name="submission_token" type="hidden" value="')[1].split('"')[0]
        values = {"code": "SPA", "name": "水疗部", "planned_headcount": "1", "submission_token": token}
        assert client.post("/org/departments/new", data=values).status_code == 302
        again = client.post("/org/departments/new", data=values)
        assert again.status_code == 200 and "此表单已提交并保存" in again.get_data(as_text=True)
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Department)
                                 .where(Department.code == "SPA")) == 1
        assert db.session.scalar(sa.select(SubmissionToken.endpoint).where(SubmissionToken.token == token)) \
            == "org.edit_department"

    def test_a_page_refused_for_its_values_may_be_sent_again_with_its_token(self, client, auth, org):
        auth.login("admin")
        values = {"code": "SPA", "name": "", "planned_headcount": "1", "submission_token": "t" * 40}
        assert client.post("/org/departments/new", data=values).status_code == 200
        assert client.post("/org/departments/new", data=values | {"name": "水疗部"}).status_code == 302

    def test_a_create_form_without_its_token_is_refused_when_tokens_are_required(self, app, client, auth, org,
                                                                                  monkeypatch):
        monkeypatch.setitem(app.config, "SUBMISSION_TOKENS_REQUIRED", True)
        auth.login("admin")
        reply = client.post("/org/departments/new", data={"code": "SPA", "name": "水疗部", "planned_headcount": "1"})
        assert reply.status_code == 200 and "缺少一次性提交令牌" in reply.get_data(as_text=True)
        assert db.session.scalar(sa.select(Department.id).where(Department.code == "SPA")) is None


class _Deadlock(Exception):
    sqlstate = "40P01"


def test_a_write_refused_by_the_database_that_no_view_handled_is_a_409_never_a_500():
    """The app-wide fallback: rolled back, 409 with the declared duplicate message (or the generic one) for a
    unique key, 409 for a deadlock or a lock wait given up; other database failures stay 500s."""
    app = create_app(type("Fallback", (TestingConfig,), {"SQLALCHEMY_DATABASE_URI": "sqlite://"}))
    failures = {
        "known": IntegrityError("INSERT ...", {}, Exception("UNIQUE constraint failed: departments.code")),
        "other": IntegrityError("INSERT ...", {}, Exception("NOT NULL constraint failed: x.y")),
        "deadlock": OperationalError("UPDATE ...", {}, _Deadlock("deadlock detected")),
        "locked": OperationalError("UPDATE ...", {}, Exception("database is locked")),
        "broken": OperationalError("UPDATE ...", {}, Exception("disk I/O error")),
    }

    @app.route("/boom/<kind>")
    def boom(kind):
        raise failures[kind]

    with app.app_context():
        db.create_all()
        client = app.test_client()
        replies = {kind: client.get(f"/boom/{kind}") for kind in failures}
        db.session.remove()
        db.engine.dispose()
    assert {kind: r.status_code for kind, r in replies.items()} == {
        "known": 409, "other": 409, "deadlock": 409, "locked": 409, "broken": 500}
    assert "该部门代码已被使用" in replies["known"].get_data(as_text=True)
    assert all("他人在同一时刻已保存" in replies[kind].get_data(as_text=True) for kind in ("other", "deadlock", "locked"))

def test_a_workflow_record_without_a_version_counter_is_refused(org):
    """The conditional UPDATE rides on the version counter: a model without one cannot use the mechanism."""
    steps = workflow.Workflow("token", (workflow.Transition("use", frozenset({"new"}), "used",
                                                            lambda user, record: True, "Use"),),
                              state_attr="endpoint", version_attr="id")
    with pytest.raises(TypeError):
        workflow.apply(steps, SubmissionToken(id=1, token="x", endpoint="new"), "use", org.admin, 1)


def test_the_tick_forgets_form_tokens_older_than_thirty_days(app):
    from datetime import datetime, timedelta

    import sqlalchemy as sa

    from hrapp.core.submissions import KEPT_FOR, prune_tokens
    from hrapp.extensions import db
    from hrapp.models import SubmissionToken
    now = datetime(2026, 12, 2, 12)
    db.session.add_all([SubmissionToken(token="old", endpoint="x", used_at=now - KEPT_FOR - timedelta(seconds=1)),
                        SubmissionToken(token="recent", endpoint="x", used_at=now - KEPT_FOR + timedelta(hours=1))])
    db.session.flush()
    assert prune_tokens(now) == 1
    assert db.session.scalars(sa.select(SubmissionToken.token)).all() == ["recent"]
    assert prune_tokens(now) == 0  # idempotent
