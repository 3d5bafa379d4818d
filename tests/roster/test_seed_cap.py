"""seed_rosters(max_staff=, keep=): a large demo company rosters a bounded sample, the kept people first."""
import random
from datetime import date

import sqlalchemy as sa

from hrapp.blueprints.roster.services import seed_rosters
from hrapp.blueprints.roster.services.terms import resolved_terms
from hrapp.extensions import db
from hrapp.models import Roster, RosterCell, RosterStatus


def test_seed_rosters_caps_the_people_per_department(org, make_department, make_staff):
    housekeeping = make_department("HTL-HK", "客房部")
    people = [make_staff(housekeeping, staff_number=f"K{n:03d}") for n in range(1, 9)]
    report = seed_rosters(date(2026, 3, 15), random.Random(3), org.hr, max_staff=3, keep=[people[-1].id])
    db.session.commit()
    assert report.published == 2
    rostered = set(db.session.scalars(sa.select(RosterCell.staff_id).distinct()))
    assert rostered == {people[0].id, people[1].id, people[-1].id}  # the kept person, then by staff number
    assert {r.status for r in db.session.scalars(sa.select(Roster))} == {RosterStatus.PUBLISHED}


def test_seeded_managers_work_office_days_on_the_day_shift(org, make_department, make_position, make_staff):
    housekeeping = make_department("HTL-HK", "客房部")
    manager = make_staff(housekeeping, position_id=make_position("HTL-HK-MGR", "客房经理", housekeeping).id)
    make_staff(housekeeping)
    seed_rosters(date(2026, 3, 15), random.Random(3), org.hr)
    terms = resolved_terms([manager])[manager.id]
    assert terms.shift_codes == {"常"} and terms.office_days_only
