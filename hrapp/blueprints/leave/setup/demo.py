"""What seed-demo adds for leave setup: the default types, this year's entitlements for everyone, a
company-wide blackout over the next National Day golden week and one for the demo head's department."""
from datetime import date, timedelta

from hrapp.blueprints.leave.defaults import ensure_default_types
from hrapp.blueprints.leave.setup.granting import grant_year
from hrapp.blueprints.leave.setup.services import create_blackout


def next_golden_week(today: date) -> tuple[date, date]:
    """1–7 October of this year, or of the next once this year's is over."""
    year = today.year if today <= date(today.year, 10, 7) else today.year + 1
    return date(year, 10, 1), date(year, 10, 7)


def seed_demo(report) -> None:
    """Grant this year as the demo's HR and add the two blackouts; counts go on the seed report."""
    hr, head = report.users.get("hr"), report.users.get("head")
    ensure_default_types()
    granted = grant_year(hr, report.today.year)
    first, last = next_golden_week(report.today)
    create_blackout(hr, None, first, last, "国庆黄金周 National Day golden week")
    blackouts = 1
    department = head.headed_departments[0] if head is not None and head.headed_departments else None
    if department is not None:
        start = report.today + timedelta(days=(4 - report.today.weekday()) % 7 + 14)  # a Friday two weeks on
        create_blackout(head, department, start, start + timedelta(days=2), "年度盘点 Annual stocktake weekend")
        blackouts += 1
    report.counts.update(leave_entitlements=granted, leave_blackouts=blackouts)
    report.summary.append(f"Leave: {granted} entitlements for {report.today.year}, {blackouts} blackout periods.")
