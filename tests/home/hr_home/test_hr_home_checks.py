"""The HR desk says what the owning modules decide: attendance's close check (corrections and leave waiting,
unmapped punches), the appraisals module's overdue steps, training's expiring certificates of people still
employed, probation only for people on probation, and names in the UI language."""
from datetime import date, datetime, time, timedelta

import pytest

from hrapp.blueprints.attendance.sheet.close import attendance_close_check
from hrapp.blueprints.period_close.services import PeriodCloseError, close_period
from hrapp.company import company_today, utc_of_local
from hrapp.extensions import db
from hrapp.models import (
    AppraisalCycle,
    AppraisalStatus,
    AttendanceCorrection,
    Certificate,
    CorrectionKind,
    CorrectionStatus,
    CycleStage,
    EmploymentStatus,
    LeaveStatus,
    Punch,
    PunchSource,
)
from tests.appraisals.fixtures import write_appraisal, write_cycle, write_template
from tests.leave.fixtures import write_leave
from tests.training.fixtures import write_attempt, write_course, write_session

from .test_hr_home import cell, desk, previous_month


def _correction(staff, day: date) -> None:
    db.session.add(AttendanceCorrection(staff_id=staff.id, department_id=staff.department_id, day=day,
                                        kind=CorrectionKind.MISSING_OUT, punched_at=datetime.combine(day, time(10)),
                                        reason="forgot", status=CorrectionStatus.PENDING))


@pytest.mark.parametrize("waiting", ["correction", "leave"])
def test_a_correction_or_leave_waiting_makes_the_department_not_ready_as_the_close_refuses(client, auth, org,
                                                                                           waiting):
    month = previous_month()
    if waiting == "correction":
        _correction(org.hk_staff, month.first + timedelta(days=3))
    else:
        write_leave(org.hk_staff, month.last - timedelta(days=1), month.last + timedelta(days=2),
                    status=LeaveStatus.AWAITING_HR)
    db.session.commit()
    auth.login("hr")
    client.post("/auth/locale/en")
    page = desk(client)
    assert cell(page, "HK", "reconciled") == "todo" and cell(page, "FO", "reconciled") == "ok"
    shown = page.xpath('string(//tr[@data-department="HK"]/td[@data-check="reconciled"])')
    expected = {"correction": "1 correction(s) waiting", "leave": "1 leave request(s) undecided"}[waiting]
    assert expected in shown
    # the close is refused for that same reason, and only that one
    [problem] = attendance_close_check(org.housekeeping, month.first, month.last)
    assert {"correction": "correction(s) still wait", "leave": "leave request(s) in the month"}[waiting] in problem
    with pytest.raises(PeriodCloseError):
        close_period(org.hr, "attendance", org.housekeeping, month, 0)


def test_an_unmapped_punch_of_the_month_holds_every_department(client, auth, org):
    month = previous_month()
    db.session.add(Punch(clock_id="X404", punched_at=utc_of_local(datetime.combine(month.first, time(9))),
                         source=PunchSource.DEMO))
    db.session.commit()
    auth.login("hr")
    page = desk(client)
    assert [cell(page, code, "reconciled") for code in ("FO", "FO-DESK", "HK")] == ["todo"] * 3
    assert attendance_close_check(org.front, month.first, month.last)


def test_overdue_follows_the_cycles_stage_and_counts_results_not_acknowledged(client, auth, org):
    today = company_today()
    # scoring is under way: a self-assessment past its (passed) deadline is not overdue any more
    cycle = write_cycle(stage=CycleStage.HEAD_SCORING, self_due_on=today - timedelta(days=9),
                        head_due_on=today + timedelta(days=3))
    template = write_template()
    write_appraisal(cycle, org.desk_staff, template, status=AppraisalStatus.SELF_REVIEW)
    write_appraisal(cycle, org.hk_staff, template, status=AppraisalStatus.HEAD_REVIEW)
    db.session.commit()
    auth.login("hr")
    assert desk(client).xpath('//*[@id="cycle-overdue"]/span/@data-state') == ["ok"]
    db.session.get(AppraisalCycle, cycle.id).head_due_on = today - timedelta(days=1)  # the request ended the session
    db.session.commit()
    assert "1" in desk(client).xpath('string(//*[@id="cycle-overdue"])')


def test_a_published_result_not_acknowledged_in_time_is_overdue(client, auth, org):
    today = company_today()
    cycle = write_cycle(stage=CycleStage.PUBLISHED)
    template = write_template()
    write_appraisal(cycle, org.desk_staff, template, status=AppraisalStatus.PUBLISHED,
                    respond_by=today - timedelta(days=1))
    write_appraisal(cycle, org.hk_staff, template, status=AppraisalStatus.PUBLISHED, respond_by=today)
    db.session.commit()
    auth.login("hr")
    page = desk(client)
    assert page.xpath('//*[@id="cycle-overdue"]/span/@data-state') == ["todo"]
    assert "1" in page.xpath('string(//*[@id="cycle-overdue"])')


def test_certificates_of_people_who_left_are_not_listed(client, auth, org):
    today = company_today()
    course = write_course(certificate_months=12)
    session = write_session(course)
    for n, staff in enumerate([org.desk_staff, org.hk_staff]):
        attempt = write_attempt(session, staff, "90")
        db.session.add(Certificate(number=f"CERT-L{n}", attempt_id=attempt.id, staff_id=staff.id, course_id=course.id,
                                   issued_on=today - timedelta(days=300), expires_on=today + timedelta(days=10)))
    org.hk_staff.status = EmploymentStatus.LEFT
    db.session.commit()
    auth.login("hr")
    page = desk(client)
    listed = page.xpath('//*[@id="hr-certificates"]//li//a/@href')
    assert listed == [f"/training/records/{org.desk_staff.id}"]
    assert page.xpath('string(//*[@id="hr-certificates"]//p)').strip() == "30 天内 1 张，60 天内 1 张"


def test_probation_ends_only_for_people_on_probation(client, auth, org):
    today = company_today()
    org.desk_staff.status = EmploymentStatus.PROBATION
    org.desk_staff.probation_ends_on = today + timedelta(days=5)
    org.hk_staff.status = EmploymentStatus.ACTIVE  # confirmed already: the old end date is no task
    org.hk_staff.probation_ends_on = today + timedelta(days=6)
    db.session.commit()
    auth.login("hr")
    page = desk(client)
    listed = page.xpath('//*[@id="hr-ending"]//li[@data-kind="probation"]/a/@href')
    assert listed == [f"/staff/{org.desk_staff.id}"]
    assert page.xpath('string(//*[@id="hr-ending"]//p)').strip() == "试用期 1 人，合同 0 份"


def test_names_in_the_english_ui(client, auth, org, make_rule, make_violation):
    from hrapp.models import ViolationState
    today = company_today()
    org.desk_staff.name_en = "Li Qian"
    org.desk_staff.contract_ends_on = today + timedelta(days=5)
    org.housekeeping.name_en = "Housekeeping"
    make_violation(org.desk_staff, make_rule(), state=ViolationState.APPEALED)
    db.session.commit()
    auth.login("hr")
    client.post("/auth/locale/en")
    page = desk(client)
    assert "Housekeeping" in page.xpath('string(//tr[@data-department="HK"]/td[1])')
    assert page.xpath('string(//*[@id="hr-ending"]//li[@data-kind="contract"]/a)') == "Li Qian"
    assert "Li Qian" in page.xpath('string(//*[@id="waiting-conduct"]/div)')
    client.post("/auth/locale/zh")
    page = desk(client)
    assert page.xpath('string(//*[@id="hr-ending"]//li[@data-kind="contract"]/a)') == org.desk_staff.name_zh
    assert "客房部" in page.xpath('string(//tr[@data-department="HK"]/td[1])')
