"""A staff member reads the approved job description of their own position, read-only, from their record."""
from datetime import date

import pytest

from hrapp.blueprints.org.services import approve_description, start_draft
from hrapp.extensions import db


@pytest.fixture
def jd(org, make_position):
    position = make_position("FO-REC", "前台接待", department=org.front_desk)
    approved = start_draft(org.admin, position)
    approved.summary, approved.duties = "前台接待", "1. 接待客人"
    approve_description(org.admin, approved, date(2026, 4, 2))
    draft = start_draft(org.admin, position)
    draft.duties = "草稿：尚未批准的职责"
    other = start_draft(org.admin, make_position("HK-RA", "客房服务员", department=org.housekeeping))
    other.summary, other.duties = "客房", "1. 打扫"
    approve_description(org.admin, other, date(2026, 4, 2))
    org.desk_staff.position = position
    db.session.commit()
    return approved, draft, other


def test_my_profile_links_position_to_its_job_description(client, auth, org, jd):
    approved, _draft, _other = jd
    auth.login("staff")
    profile = client.get("/staff/me", follow_redirects=True).get_data(as_text=True)
    link = f"/org/positions/{approved.position_id}/description"
    assert f'id="own-job-description" href="{link}"' in profile
    page = client.get(link)
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "1. 接待客人" in text and "草稿" not in text
    # read-only: no edit or approve action, no link to the (HR-only) position page
    assert "/edit" not in text and "/approve" not in text and f'href="/org/positions/{approved.position_id}"' not in text


def test_staff_cannot_read_drafts_or_other_positions(client, auth, org, jd):
    approved, draft, other = jd
    auth.login("staff")
    assert client.get(f"/org/descriptions/{approved.id}").status_code == 200
    assert client.get(f"/org/descriptions/{draft.id}").status_code == 404
    assert client.get(f"/org/descriptions/{other.id}").status_code == 404
    assert client.get(f"/org/positions/{other.position_id}/description").status_code == 404
    assert client.get(f"/org/positions/{approved.position_id}").status_code == 403  # the position page: HR's
    auth.logout()
    auth.login("other")  # housekeeping: not their position
    assert client.get(f"/org/descriptions/{approved.id}").status_code == 404
