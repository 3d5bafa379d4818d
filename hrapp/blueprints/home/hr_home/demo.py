"""What seed-demo adds for the HR desk: the probation and contract end dates of the demo's people (a probation
of three months after the hire for those still on probation; three-year contracts renewed until the current
one's end), so some end within the desk's 30 days. Only dates still empty are set: running it again changes
nothing."""
from datetime import date, timedelta

import sqlalchemy as sa

from hrapp.blueprints.staff.rules import add_years
from hrapp.extensions import db
from hrapp.models import EmploymentStatus, StaffMember

PROBATION_DAYS = 90
CONTRACT_YEARS = 3


def contract_end(hire_on: date, today: date) -> date:
    """The last day of the three-year contract in force on `today` for someone hired on `hire_on`."""
    years = CONTRACT_YEARS
    while add_years(hire_on, years) - timedelta(days=1) < today:
        years += CONTRACT_YEARS
    return add_years(hire_on, years) - timedelta(days=1)


def seed_demo(report) -> None:
    """Set the empty probation and contract ends of the people still employed; counts on the report."""
    rows = db.session.execute(sa.select(StaffMember.id, StaffMember.hire_on, StaffMember.status,
                                        StaffMember.probation_ends_on, StaffMember.contract_ends_on)
                              .where(StaffMember.status != EmploymentStatus.LEFT)).all()
    probations = [{"row_id": staff_id, "day": hire_on + timedelta(days=PROBATION_DAYS)}
                  for staff_id, hire_on, status, probation, _contract in rows
                  if probation is None and status == EmploymentStatus.PROBATION]
    contracts = [{"row_id": staff_id, "day": contract_end(hire_on, report.today)}
                 for staff_id, hire_on, _status, _probation, contract in rows if contract is None]
    table = StaffMember.__table__
    for column, changes in (("probation_ends_on", probations), ("contract_ends_on", contracts)):
        if changes:  # one executemany; the version moves on as after any edit
            db.session.execute(table.update().where(table.c.id == sa.bindparam("row_id"))
                               .values({column: sa.bindparam("day"), "version_id": table.c.version_id + 1}), changes)
    ending = sum(1 for c in contracts if c["day"] <= report.today + timedelta(days=30))
    report.counts.update(hr_desk_probation_ends=len(probations), hr_desk_contract_ends=len(contracts))
    report.summary.append(f"HR desk: {len(probations)} probation and {len(contracts)} contract ends set "
                          f"({ending} contract(s) end within 30 days).")
