"""The HR desk over HTTP: each panel shows what the database holds, and the page stays within its statements."""
from datetime import datetime, time, timedelta
from decimal import Decimal

import lxml.html

from hrapp.company import company_today
from hrapp.core.periods import MONTH, period_of
from hrapp.extensions import db
from hrapp.models import (
    AppraisalStatus,
    AttendanceDay,
    CycleStage,
    DayStatus,
    EmploymentStatus,
    PeriodClose,
    Punch,
    PunchSource,
    ViolationState,
)
from tests.appraisals.fixtures import write_appraisal, write_cycle, write_template
from tests.conftest import counted_statements
from tests.training.fixtures import write_attempt, write_course, write_session

MAX_STATEMENTS = 10  # the budget for the HR home


def desk(client):
    with counted_statements() as seen:
        response = client.get("/home/hr/")
    assert response.status_code == 200, response.text
    assert len(seen) <= MAX_STATEMENTS, "\n".join(seen)
    return lxml.html.fromstring(response.get_data(as_text=True))


def cell(page, department: str, check: str) -> str:
    found = page.xpath(f'//tr[@data-department="{department}"]/td[@data-check="{check}"]//span/@data-state')
    return found[0]


def previous_month():
    return period_of(MONTH, company_today()).previous()


def test_empty_desk(client, auth, org):
    auth.login("hr")
    page = desk(client)
    assert [r.get("data-department") for r in page.xpath('//table[@id="readiness-table"]/tbody/tr')] == \
        ["FO", "FO-DESK", "HK"]
    assert page.xpath('//*[@id="cycle-none"]')
    assert "0" in page.xpath('string(//*[@id="waiting-conduct"]//span[contains(@class,"badge")])')


def test_readiness_shows_closes_pending_days_flags_and_waiting_violations(client, auth, org, make_rule,
                                                                          make_violation, set_wage):
    month = previous_month()
    db.session.add(PeriodClose(module="attendance", period_kind=month.kind, starts_on=month.first, ends_on=month.last,
                               department_id=org.front.id))
    db.session.add(AttendanceDay(staff_id=org.hk_staff.id, day=month.first, department_id=org.housekeeping.id,
                                 status=DayStatus.PENDING))
    rule = make_rule()
    set_wage(org.desk_staff, monthly=Decimal("3000.00"), since=month.first - timedelta(days=400))
    make_violation(org.desk_staff, rule, amount=Decimal("900.00"), occurred_at=datetime.combine(month.first, time(3)),
                   ledger_month=month.name)  # 30% of the wage: over the guard rail
    make_violation(org.hk_staff, rule, state=ViolationState.SUBMITTED,
                   occurred_at=datetime.combine(month.first, time(3)), ledger_month=month.name)
    make_violation(org.hk_staff, rule, state=ViolationState.APPEALED)  # listed with its time: the worst case
    db.session.commit()
    auth.login("hr")
    page = desk(client)
    assert month.name in page.xpath('string(//*[@id="hr-readiness"]//h2)')
    assert cell(page, "FO", "closed-attendance") == "ok"
    assert cell(page, "HK", "closed-attendance") == "todo"
    assert cell(page, "HK", "reconciled") == "todo"
    assert cell(page, "FO", "reconciled") == "ok"
    assert cell(page, "FO-DESK", "flags") == "todo"
    assert cell(page, "HK", "flags") == "ok"
    assert cell(page, "HK", "violations") == "todo"
    assert cell(page, "FO", "sheet") == "todo"
    close_link = page.xpath('//tr[@data-department="HK"]/td[@data-check="closed-attendance"]//a/@href')[0]
    close_page = client.get(close_link)  # the close form of that department, module and month
    assert close_page.status_code == 200
    close_form = lxml.html.fromstring(close_page.text)
    assert close_form.xpath('//input[@name="department_id"]/@value') == [str(org.housekeeping.id)]
    assert close_form.xpath('//input[@name="module"]/@value') == ["attendance"]
    assert close_form.xpath('//input[@name="month"]/@value') == [month.name]
    review_link = page.xpath('//tr[@data-department="HK"]/td[@data-check="violations"]//a/@href')[0]
    assert f"department={org.housekeeping.id}" in review_link and f"month={month.name}" in review_link
    queue = lxml.html.fromstring(client.get(review_link).text)  # the queue narrowed to that department
    assert queue.xpath('//select[@name="department"]/option[@selected]/@value') == [str(org.housekeeping.id)]


def test_the_current_month_once_the_previous_is_closed_everywhere(client, auth, org):
    from hrapp.period_close import closable_modules
    month = previous_month()
    for module in closable_modules():
        for department in (org.front, org.front_desk, org.housekeeping):
            db.session.add(PeriodClose(module=module.name, period_kind=month.kind, starts_on=month.first,
                                       ends_on=month.last, department_id=department.id))
    db.session.commit()
    auth.login("hr")
    page = desk(client)
    assert month.next().name in page.xpath('string(//*[@id="hr-readiness"]//h2)')


def test_reviews_and_appeals_waiting(client, auth, org, make_rule, make_violation):
    rule = make_rule()
    first = make_violation(org.desk_staff, rule, state=ViolationState.APPEALED, number="V-OLD-1")
    make_violation(org.hk_staff, rule, state=ViolationState.ACKNOWLEDGED, number="V-NEW-2")
    make_violation(org.hk_staff, rule, state=ViolationState.FINAL, number="V-DONE-3")
    cycle = write_cycle(stage=CycleStage.PUBLISHED)
    appraisal = write_appraisal(cycle, org.desk_staff, write_template(), status=AppraisalStatus.APPEALED,
                                appealed_at=datetime(2026, 1, 5, 2, 0))
    db.session.commit()
    auth.login("hr")
    page = desk(client)
    conduct = page.xpath('//*[@id="waiting-conduct"]')[0]
    assert conduct.xpath('string(.//span[contains(@class,"badge")])').strip() == "2"
    links = conduct.xpath('.//div/a/@href')
    assert links[0].endswith(f"/conduct/review/violations/{first.id}") and len(links) == 2
    appeals = page.xpath('//*[@id="waiting-appraisal"]')[0]
    assert appeals.xpath('string(.//span[contains(@class,"badge")])').strip() == "1"
    assert appeals.xpath('.//div/a/@href')[0].endswith(f"/appraisals/{appraisal.id}")


def test_certificates_expiring_in_30_and_60_days(client, auth, org):
    today = company_today()
    course = write_course(certificate_months=12)
    session = write_session(course)
    from hrapp.models import Certificate
    for n, (staff, days) in enumerate([(org.desk_staff, 10), (org.hk_staff, 45), (org.head_staff, 90)]):
        attempt = write_attempt(session, staff, "90")
        db.session.add(Certificate(number=f"CERT-{n}", attempt_id=attempt.id, staff_id=staff.id, course_id=course.id,
                                   issued_on=today - timedelta(days=300), expires_on=today + timedelta(days=days)))
    db.session.commit()
    auth.login("hr")
    page = desk(client)
    listed = page.xpath('//*[@id="hr-certificates"]//li')
    assert [int(li.get("data-days")) for li in listed] == [10, 45]
    assert listed[0].xpath('.//span/@data-state') == ["todo"] and listed[1].xpath('.//span/@data-state') == ["waiting"]
    assert listed[0].xpath('.//a/@href')[0].endswith(f"/training/records/{org.desk_staff.id}")


def test_unmapped_clock_ids_with_a_link_to_map_them(client, auth, org):
    now = datetime(2026, 5, 3, 1, 0)
    db.session.add_all([Punch(clock_id="9001", punched_at=now, source=PunchSource.DEMO),
                        Punch(clock_id="9001", punched_at=now + timedelta(hours=9), source=PunchSource.DEMO),
                        Punch(clock_id="9002", punched_at=now, source=PunchSource.DEMO)])
    db.session.commit()
    auth.login("hr")
    page = desk(client)
    panel = page.xpath('//*[@id="hr-clock-ids"]')[0]
    assert [a.text for a in panel.xpath('.//li/a')] == ["9001", "9002"]
    assert panel.xpath('.//div[contains(@class,"card-header")]/a/@href') == ["/attendance/ids"]
    assert "2" in panel.xpath('string(.//p)') and "3" in panel.xpath('string(.//p)')


def test_probation_and_contracts_ending_in_30_days(client, auth, org):
    today = company_today()
    org.desk_staff.probation_ends_on = today + timedelta(days=5)
    org.hk_staff.contract_ends_on = today + timedelta(days=20)
    org.head_staff.contract_ends_on = today + timedelta(days=40)  # too far off
    org.head_staff.probation_ends_on = today + timedelta(days=3)
    org.head_staff.status = EmploymentStatus.LEFT  # gone: not listed
    db.session.commit()
    auth.login("hr")
    page = desk(client)
    listed = page.xpath('//*[@id="hr-ending"]//li')
    assert [(li.get("data-kind"), li.xpath('string(a)')) for li in listed] == \
        [("probation", org.desk_staff.name_zh), ("contract", org.hk_staff.name_zh)]
    assert listed[0].xpath('a/@href')[0].endswith(f"/staff/{org.desk_staff.id}")


def test_appraisal_cycle_progress_by_status_and_overdue(client, auth, org):
    today = company_today()
    cycle = write_cycle(stage=CycleStage.SELF_ASSESSMENT, self_due_on=today - timedelta(days=1))
    template = write_template()
    write_appraisal(cycle, org.desk_staff, template, status=AppraisalStatus.SELF_REVIEW)
    write_appraisal(cycle, org.hk_staff, template, status=AppraisalStatus.SELF_REVIEW)
    write_appraisal(cycle, org.head_staff, template, status=AppraisalStatus.HEAD_REVIEW)
    db.session.commit()
    auth.login("hr")
    page = desk(client)
    rows = {tr.get("data-status"): tr.xpath('string(td[2])') for tr in page.xpath('//table[@id="cycle-statuses"]//tr')}
    assert rows["self_review"] == "2" and rows["head_review"] == "1" and rows["acknowledged"] == "0"
    assert page.xpath('//*[@id="cycle-overdue"]/span/@data-state') == ["todo"]
    assert "2" in page.xpath('string(//*[@id="cycle-overdue"])')
