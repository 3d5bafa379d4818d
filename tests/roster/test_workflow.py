"""Swaps, requested days off and job-description approval on the shared workflow mechanism: `apply` (allowed,
refused, wrong state, note, stale version, audit, notifications), the buttons each person sees, the stale
answer through the pages, and the front-desk clerk's day off reaching the front-office head."""
import re
from datetime import date

import pytest
import sqlalchemy as sa

from hrapp.blueprints.org.services import approve_description, start_draft
from hrapp.blueprints.roster.access import can_decide_swap
from hrapp.blueprints.roster.services.notify import DAY_OFF, SWAP
from hrapp.blueprints.roster.workflow import OPEN, SWAP_WORKFLOW
from hrapp.core.errors import StaleRecord
from hrapp.core.workflow import Transition, TransitionForbidden, TransitionRefused, Workflow, apply, available
from hrapp.extensions import db
from hrapp.models import AuditEntry, JobDescription, JobDescriptionStatus, Notification, ShiftSwap, SwapStatus
from tests.roster import routing
from tests.roster.test_day_off import ahead

site = routing.site  # the fixture
step = routing.step

NOTED = Workflow(name="swap", transitions=(
    Transition("reject", OPEN, SwapStatus.REJECTED, can_decide_swap, "Reject", note_required=True),))


def told(kind: str) -> list[int]:
    return list(db.session.scalars(sa.select(Notification.user_id).where(Notification.kind == kind)
                                   .order_by(Notification.user_id)))


def last_audit() -> AuditEntry:
    return db.session.scalar(sa.select(AuditEntry).order_by(AuditEntry.id.desc()))


class TestApply:
    def test_allowed_step_sets_the_state_audits_and_notifies_the_approvers(self, site):
        w = site
        db.session.execute(sa.delete(Notification))
        apply(SWAP_WORKFLOW, w.swap, "accept", w.c_user, w.swap.version_id)
        db.session.commit()
        assert db.session.get(ShiftSwap, w.swap.id).status == SwapStatus.ACCEPTED
        entry = last_audit()
        assert (entry.action, entry.actor_id, entry.target_type, entry.target_id) == (
            "swap.accept", w.c_user.id, "ShiftSwap", w.swap.id)
        assert entry.before == {"status": "proposed"} and entry.after == {"status": "accepted", "note": ""}
        assert told(SWAP) == [w.head.id]  # approvers_for FO: its head

    def test_a_stranger_is_refused_and_nothing_changes(self, site):
        w = site
        audits = db.session.scalar(sa.select(sa.func.count(AuditEntry.id)))
        for user in (w.b_user, w.head, w.other_staff):  # the requester, a head, someone else: only the partner
            with pytest.raises(TransitionForbidden):
                apply(SWAP_WORKFLOW, w.swap, "accept", user, w.swap.version_id)
        assert w.swap.status == SwapStatus.PROPOSED
        assert db.session.scalar(sa.select(sa.func.count(AuditEntry.id))) == audits

    def test_wrong_state_is_refused(self, site):
        w = site
        apply(SWAP_WORKFLOW, w.swap, "cancel", w.b_user, w.swap.version_id)
        db.session.commit()
        with pytest.raises(TransitionRefused) as exc:
            apply(SWAP_WORKFLOW, w.swap, "accept", w.c_user, w.swap.version_id)
        assert exc.value.reason == "wrong_state" and w.swap.status == SwapStatus.CANCELLED
        with pytest.raises(TransitionRefused):
            apply(SWAP_WORKFLOW, w.swap, "approve", w.head, w.swap.version_id)

    def test_a_required_note_is_required_and_audited(self, site):
        w = site
        with pytest.raises(TransitionRefused) as exc:
            apply(NOTED, w.swap, "reject", w.head, w.swap.version_id, note="  ")
        assert exc.value.reason == "note_required" and w.swap.status == SwapStatus.PROPOSED
        apply(NOTED, w.swap, "reject", w.head, w.swap.version_id, note=" too many changes ")
        assert w.swap.status == SwapStatus.REJECTED
        assert last_audit().after == {"status": "rejected", "note": "too many changes"}

    def test_a_stale_version_raises_stale_record(self, site):
        w = site
        old = w.swap.version_id
        w.swap.note = "edited meanwhile"
        db.session.commit()
        assert w.swap.version_id == old + 1
        with pytest.raises(StaleRecord):
            apply(SWAP_WORKFLOW, w.swap, "accept", w.c_user, old)
        assert w.swap.status == SwapStatus.PROPOSED

    def test_rejection_tells_both_people(self, site):
        w = site
        db.session.execute(sa.delete(Notification))
        apply(SWAP_WORKFLOW, w.swap, "reject", w.hr, w.swap.version_id)
        assert told(SWAP) == sorted([w.b_user.id, w.c_user.id])


def buttons(page: str) -> set[str]:
    return set(re.findall(r'data-transition="(\w+)"', page))


class TestSwapPages:
    @pytest.mark.parametrize("accepted, user, expected", [
        (False, "hr", {"reject"}), (False, "head", {"reject"}), (False, "zhangsan", {"cancel"}),
        (False, "lisi", {"accept", "decline"}),
        (True, "hr", {"approve", "reject"}), (True, "head", {"approve", "reject"}), (True, "zhangsan", {"cancel"}),
        (True, "lisi", set()),
    ])
    def test_buttons_are_exactly_the_available_transitions(self, client, auth, site, accepted, user, expected):
        w = site
        if accepted:
            apply(SWAP_WORKFLOW, w.swap, "accept", w.c_user, w.swap.version_id)
            db.session.commit()
        auth.login(user)
        page = client.get(f"/roster/{w.roster.id}/swaps/{w.swap.id}").get_data(as_text=True)
        account = {"hr": w.hr, "head": w.head, "zhangsan": w.b_user, "lisi": w.c_user}[user]
        assert buttons(page) == expected == {t.name for t in available(SWAP_WORKFLOW, w.swap, account)}
        versions = re.findall(r'<input[^>]*name="version_id"[^>]*>', page)
        assert bool(versions) == bool(expected)  # every step form carries the swap's version
        assert all(f'value="{w.swap.version_id}"' in tag for tag in versions)

    def test_another_staff_member_sees_no_swap_at_all(self, client, auth, site):
        auth.login("other")  # answered like a missing swap
        assert client.get(f"/roster/{site.roster.id}/swaps/{site.swap.id}").status_code == 404

    @pytest.mark.parametrize("user, name, accepted", [
        ("lisi", "accept", False), ("lisi", "decline", False), ("zhangsan", "cancel", False),
        ("head", "reject", False), ("head", "approve", True),
    ])
    def test_a_stale_version_answers_409_with_the_clear_message(self, client, auth, site, user, name, accepted):
        w = site
        if accepted:
            apply(SWAP_WORKFLOW, w.swap, "accept", w.c_user, w.swap.version_id)
            db.session.commit()
        stale = step(w.swap.id)["version_id"] - 1
        status = w.swap.status
        auth.login(user)
        client.post("/auth/locale/en")
        response = client.post(f"/roster/{w.roster.id}/swaps/{w.swap.id}/{name}", data={"version_id": stale})
        assert response.status_code == 409
        assert "Someone else changed this record; reload and try again." in response.get_data(as_text=True)
        assert db.session.scalar(sa.select(ShiftSwap.status).where(ShiftSwap.id == w.swap.id)) == status

    def test_a_post_without_the_version_is_stale_too(self, client, auth, site):
        auth.login("lisi")
        response = client.post(f"/roster/{site.roster.id}/swaps/{site.swap.id}/accept")
        assert response.status_code == 409
        assert db.session.get(ShiftSwap, site.swap.id).status == SwapStatus.PROPOSED

    def test_the_partner_who_accepted_has_no_step_left(self, client, auth, site):
        auth.login("lisi")
        assert client.post(f"/roster/{site.roster.id}/swaps/{site.swap.id}/accept",
                           data=step(site.swap.id)).status_code == 302
        again = client.post(f"/roster/{site.roster.id}/swaps/{site.swap.id}/decline", data=step(site.swap.id))
        assert again.status_code == 200 and db.session.get(ShiftSwap, site.swap.id).status == SwapStatus.ACCEPTED


class TestDayOff:
    def test_the_front_desk_clerks_request_reaches_the_front_office_head(self, client, auth, org):
        assert org.desk_staff.department.heads == []  # FO-DESK has no head of its own
        auth.login("staff")
        response = client.post("/roster/me/days-off", data={"day": ahead(4).isoformat(), "note": "wedding"})
        assert response.status_code == 302
        assert told(DAY_OFF) == [org.head.id]
        note = db.session.scalar(sa.select(Notification).where(Notification.kind == DAY_OFF))
        assert org.desk_staff.name_zh in note.text and ahead(4).isoformat() in note.text

    def test_the_front_office_head_told_of_it_may_withdraw_it(self, client, auth, org):
        auth.login("staff")
        client.post("/roster/me/days-off", data={"day": ahead(4).isoformat()})
        auth.logout()
        auth.login("head")
        wish_id, version = db.session.execute(sa.text("SELECT id, version_id FROM day_off_requests")).one()
        response = client.post(f"/roster/days-off/{wish_id}/withdraw", data={"next": "/roster/me", "version_id": version})
        assert response.status_code == 302
        assert db.session.scalar(sa.text("SELECT status FROM day_off_requests")) == "withdrawn"
        entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "roster.day_off.withdraw"))
        assert entry.actor_id == org.head.id


class TestJobDescription:
    @pytest.fixture
    def draft(self, org, make_position):
        position = make_position("FD-CLERK", "前台接待员", org.front_desk)
        draft = start_draft(org.hr, position)
        draft.summary, draft.duties = "负责前台接待", "1. 接待"
        db.session.commit()
        return draft

    def test_buttons_follow_the_available_transitions(self, client, auth, org, draft):
        auth.login("hr")
        assert buttons(client.get(f"/org/descriptions/{draft.id}").get_data(as_text=True)) == {"approve"}
        auth.logout()
        auth.login("head")
        assert buttons(client.get(f"/org/descriptions/{draft.id}").get_data(as_text=True)) == set()

    def test_a_stale_approval_answers_409_with_the_clear_message(self, client, auth, org, draft):
        auth.login("hr")
        client.post("/auth/locale/en")
        response = client.post(f"/org/descriptions/{draft.id}/approve",
                               data={"approved_on": "2026-01-05", "version_id": draft.version_id - 1})
        assert response.status_code == 409
        assert "Someone else changed this record; reload and try again." in response.get_data(as_text=True)
        assert db.session.get(JobDescription, draft.id).status == JobDescriptionStatus.DRAFT

    def test_approval_supersedes_the_version_in_force_with_two_audited_steps(self, client, auth, org, draft):
        approve_description(org.hr, draft, date(2026, 1, 5))
        v2 = start_draft(org.hr, draft.position)
        db.session.commit()
        auth.login("hr")
        response = client.post(f"/org/descriptions/{v2.id}/approve",
                               data={"approved_on": "2026-06-01", "version_id": v2.version_id})
        assert response.status_code == 302
        assert db.session.get(JobDescription, draft.id).status == JobDescriptionStatus.SUPERSEDED
        actions = list(db.session.scalars(sa.select(AuditEntry.action).where(
            AuditEntry.action.like("job_description.%")).order_by(AuditEntry.id)))
        assert actions[-2:] == ["job_description.supersede", "job_description.approve"]
        assert last_audit().after["approved_on"] == "2026-06-01"

    def test_an_approved_version_cannot_be_approved_again(self, client, auth, org, draft):
        approve_description(org.hr, draft, date(2026, 1, 5))
        db.session.commit()
        auth.login("hr")
        client.post("/auth/locale/en")
        response = client.post(f"/org/descriptions/{draft.id}/approve", follow_redirects=True,
                               data={"approved_on": "2026-06-01", "version_id": draft.version_id})
        assert "no longer open for that step" in response.get_data(as_text=True)
        assert str(db.session.get(JobDescription, draft.id).approved_on) == "2026-01-05"
