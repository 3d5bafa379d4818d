"""The HR desk's and the administrator's home seed: a department (HQD) whose two people's probation and contract
end within 30 days, a clock id no one is mapped to (punches of 2020, outside every month the other journeys
close), and a time clock not heard from for two days."""
from datetime import date, datetime, timedelta

from hrapp.blueprints.org.services import save_department
from hrapp.company import company_today
from hrapp.extensions import db
from hrapp.models import AttendanceDevice, Punch, PunchSource, utcnow

HOME_HR = {"department": "HQD", "probation": "HQ0001", "contract": "HQ0002", "clock_id": "HQ-CLOCK-9",
           "device": "HQ-STALE-1"}


def seed_home_hr(make_staff) -> None:
    """HQD with two people, an unmapped clock id and a stale clock. Caller commits."""
    dept = save_department(None, None, HOME_HR["department"], "总部测试部", "HQ desk team", None, 5)
    db.session.flush()
    today = company_today()
    on_probation = make_staff(HOME_HR["probation"], "钱试用", dept)
    on_contract = make_staff(HOME_HR["contract"], "孙合同", dept)
    on_probation.probation_ends_on = today + timedelta(days=7)
    on_contract.contract_ends_on = today + timedelta(days=21)
    punched = datetime(2020, 1, 6, 1, 0)
    db.session.add_all([Punch(clock_id=HOME_HR["clock_id"], punched_at=punched, source=PunchSource.DEMO),
                        Punch(clock_id=HOME_HR["clock_id"], punched_at=punched + timedelta(hours=9),
                              source=PunchSource.DEMO),
                        AttendanceDevice(serial=HOME_HR["device"], name="HQ 大门",
                                         last_seen_at=utcnow() - timedelta(days=2))])
    db.session.flush()
    assert on_probation.hire_on <= date(2020, 3, 1)  # the live server's staff helper hires on 2020-03-01
