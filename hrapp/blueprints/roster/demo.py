"""What seed-demo adds for rosters: published rosters for this month and the next."""
from hrapp.blueprints.roster.services import seed_rosters

# People rostered per shift-work department: seeding a roster costs about a millisecond per cell, so a
# 5000-person company rosters a sample (the demo accounts always among them) and the rest stay unplanned.
ROSTER_STAFF_CAP = 50


def seed_demo(report) -> None:
    """Publish rosters for this month and the next in the shift-work departments (the demo accounts'
    among them); counts and a summary line go on the seed report."""
    users = report.users
    rosters = seed_rosters(report.today, report.rng, users["hr"], max_staff=ROSTER_STAFF_CAP,
                           keep=[u.staff_id for u in users.values() if u.staff_id])
    report.counts.update(rosters=rosters.published, roster_shifts=rosters.cells)
    report.summary.append(f"Rosters: {rosters.published} published (this month and next, shift-work departments), "
                          f"{rosters.cells} shifts.")
