"""A person's conduct history page (violations from their table, rewards, measures) within the viewer's scope,
and the link to it on the staff page."""
from datetime import date

from hrapp.extensions import db
from hrapp.models import DisciplinaryMeasure, Measure, RewardState, RuleKind, ViolationState
from tests.access_matrix import login


def test_history_shows_what_the_viewer_may_see(app, site, make_rule, make_violation, make_reward):
    penalty = make_rule(kind=RuleKind.WARNING)
    bonus = make_rule(kind=RuleKind.BONUS, min_amount=100, max_amount=500)
    draft = make_violation(site.desk_staff, penalty, state=ViolationState.DRAFT)
    final = make_violation(site.desk_staff, penalty, state=ViolationState.FINAL)
    proposed = make_reward(site.desk_staff, bonus, state=RewardState.PROPOSED, amount=200)
    approved = make_reward(site.desk_staff, bonus, state=RewardState.APPROVED, amount=300)
    db.session.add(DisciplinaryMeasure(staff_id=site.desk_staff.id, kind=Measure.WRITTEN_WARNING,
                                       starts_on=date(2026, 5, 1)))
    db.session.commit()
    url = f"/conduct/people/{site.desk_staff.id}"
    head = login(app, "head").get(url).get_data(as_text=True)
    assert all(n in head for n in (draft.number, final.number, proposed.number, approved.number))
    assert 'data-kind="written_warning"' in head
    own = login(app, "staff").get(url).get_data(as_text=True)
    assert final.number in own and approved.number in own
    assert draft.number not in own and proposed.number not in own  # drafts and open proposals are not theirs yet
    assert 'data-kind="written_warning"' in own
    assert login(app, "hkhead").get(url).status_code == 404


def test_the_staff_page_links_the_history_for_those_who_may_see_it(app, site):
    page = f"/staff/{site.desk_staff.id}"
    link = f'href="/conduct/people/{site.desk_staff.id}"'
    assert link in login(app, "head").get(page).get_data(as_text=True)
    assert link in login(app, "staff").get(page).get_data(as_text=True)
    assert link in login(app, "hr").get(page).get_data(as_text=True)
