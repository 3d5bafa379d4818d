"""HR's review queue: what waits for HR (acknowledged, appealed, awaiting a second approval, referred), filters by
department, state and month, pagination, the empty state; only HR."""
from datetime import datetime

from hrapp.models import ViolationState as S

from .conftest import login_as

QUEUE = "/conduct/review/"


def _ids(text: str, violations) -> set[int]:
    return {v.id for v in violations if f'data-violation-id="{v.id}"' in text}


def test_the_queue_lists_what_waits_for_hr(app, scene):
    waiting = [scene.violation(state=s) for s in (S.ACKNOWLEDGED, S.APPEALED, S.AWAITING_SECOND, S.REFERRED)]
    others = [scene.violation(state=s) for s in (S.SUBMITTED, S.FINAL, S.VOID, S.DRAFT)]
    page = login_as(app, "hr").get(QUEUE)
    assert page.status_code == 200
    assert _ids(page.text, waiting + others) == {v.id for v in waiting}


def test_the_queue_filters_by_department_state_and_month(app, scene):
    desk = scene.violation(state=S.APPEALED)
    hk = scene.violation(state=S.ACKNOWLEDGED, staff=scene.org.hk_staff)
    june = scene.violation(state=S.ACKNOWLEDGED, occurred_at=datetime(2026, 6, 3, 2, 0))
    hr, every = login_as(app, "hr"), [desk, hk, june]
    assert _ids(hr.get(f"{QUEUE}?department={scene.org.front.id}").text, every) == {desk.id, june.id}  # FO-DESK is under FO
    assert _ids(hr.get(f"{QUEUE}?department={scene.org.housekeeping.id}").text, every) == {hk.id}
    assert _ids(hr.get(f"{QUEUE}?state=appealed").text, every) == {desk.id}
    assert _ids(hr.get(f"{QUEUE}?month=2026-06").text, every) == {june.id}
    bad = hr.get(f"{QUEUE}?month=2026-13&state=final&department=abc")
    assert bad.status_code == 200 and 'id="invalid-filters"' in bad.text and _ids(bad.text, every) == {v.id for v in every}


def test_the_queue_pages_and_has_an_empty_state(app, scene):
    hr = login_as(app, "hr")
    assert 'id="review-empty"' in hr.get(QUEUE).text
    made = [scene.violation(state=S.ACKNOWLEDGED) for _ in range(3)]
    first, second = hr.get(f"{QUEUE}?per_page=2").text, hr.get(f"{QUEUE}?per_page=2&page=2").text
    assert len(_ids(first, made)) == 2 and len(_ids(second, made)) == 1
    assert _ids(first, made) | _ids(second, made) == {v.id for v in made}


def test_only_hr_sees_the_queue(app, scene):
    for username in ("staff", "head", "hkhead"):
        assert login_as(app, username).get(QUEUE).status_code == 403, username
    assert login_as(app, "admin").get(QUEUE).status_code == 200
    assert app.test_client().get(QUEUE).status_code == 302
