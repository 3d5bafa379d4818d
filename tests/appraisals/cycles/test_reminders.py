"""The tick task "appraisals.deadline_reminders": two days before the self-assessment's deadline the people still to
self-assess are reminded; two days before the head scoring's, each scorer once with the count; the day after, an
overdue notice to each and one to HR. Running it twice (or later the same day) sends nothing again."""
from datetime import datetime, time, timedelta

from hrapp.blueprints.appraisals.cycles.notices import OVERDUE, REMINDER
from hrapp.blueprints.appraisals.cycles.reminders import remind_deadlines
from hrapp.company import company_today, utc_of_local
from hrapp.extensions import db
from hrapp.models import AppraisalStatus, CycleStage
from tests.appraisals.fixtures import write_appraisal, write_cycle

from .conftest import notices


def at(day, hour: int = 8) -> datetime:
    return utc_of_local(datetime.combine(day, time(hour)))


def test_self_assessment_reminder_then_overdue_once_each(scene):
    due = company_today() + timedelta(days=5)
    cycle = write_cycle("2026-R1", stage=CycleStage.SELF_ASSESSMENT, self_due_on=due, head_due_on=due,
                        calibration_due_on=due)
    write_appraisal(cycle, scene.desk_staff, scene.template)
    write_appraisal(cycle, scene.hk_staff, scene.template, status=AppraisalStatus.HEAD_REVIEW)  # already submitted
    db.session.commit()
    assert remind_deadlines(at(due - timedelta(days=3))) == 0  # three days before: nothing yet
    assert remind_deadlines(at(due - timedelta(days=2))) == 1
    assert remind_deadlines(at(due - timedelta(days=2), 15)) == 0  # idempotent
    assert remind_deadlines(at(due)) == 0
    db.session.commit()
    texts = notices(scene.staff, REMINDER)
    assert len(texts) == 1 and "自评" in texts[0] and due.isoformat() in texts[0]
    assert not notices(scene.other_staff, REMINDER)
    assert remind_deadlines(at(due + timedelta(days=1))) == 1
    assert remind_deadlines(at(due + timedelta(days=2))) == 0
    db.session.commit()
    assert len(notices(scene.staff, OVERDUE)) == 1 and "尚未提交" in notices(scene.staff, OVERDUE)[0]
    hr_texts = notices(scene.hr, OVERDUE)
    assert len(hr_texts) == 1 and "1 份考核" in hr_texts[0]


def test_scorers_get_one_notice_with_the_count(scene, make_staff):
    due = company_today() + timedelta(days=2)
    cycle = write_cycle("2026-R2", stage=CycleStage.HEAD_SCORING, self_due_on=due - timedelta(days=7),
                        head_due_on=due, calibration_due_on=due + timedelta(days=7))
    template = scene.template
    template.self_assessment = False
    second_desk = make_staff(scene.front_desk)
    for staff in (scene.desk_staff, second_desk, scene.hk_staff):
        write_appraisal(cycle, staff, template)
    write_appraisal(cycle, scene.head_staff, template)  # scored by HR (the general manager's)
    db.session.commit()
    assert remind_deadlines(at(company_today())) == 3  # head (FO), hk_head (HK), HR (the GM's)
    assert remind_deadlines(at(company_today(), 20)) == 0
    db.session.commit()
    head_texts = notices(scene.head, REMINDER)
    assert len(head_texts) == 1 and "2 份考核" in head_texts[0]
    assert len(notices(scene.hk_head, REMINDER)) == 1 and "1 份考核" in notices(scene.hk_head, REMINDER)[0]
    assert len(notices(scene.hr, REMINDER)) == 1
    assert remind_deadlines(at(due + timedelta(days=1))) == 3
    db.session.commit()
    assert len(notices(scene.head, OVERDUE)) == 1
    assert len(notices(scene.hr, OVERDUE)) == 2  # as the GM's scorer, and HR's overdue summary
    assert remind_deadlines(at(due + timedelta(days=1), 23)) == 0


def test_other_stages_send_nothing(scene):
    due = company_today()
    cycle = write_cycle("2026-R3", stage=CycleStage.CALIBRATION, self_due_on=due, head_due_on=due,
                        calibration_due_on=due)
    write_appraisal(cycle, scene.desk_staff, scene.template, status=AppraisalStatus.HEAD_REVIEW)
    db.session.commit()
    assert remind_deadlines(at(due + timedelta(days=1))) == 0
