"""Clashes with rostered shifts (overnight shifts too) on the session and bulk enrolment pages, and "Put on the
roster": the training shift (训) written through the roster's services, people without a roster or on a locked
roster reported and left as they were."""
from datetime import date, time, timedelta

import sqlalchemy as sa

from hrapp.blueprints.roster.services import CellEdit, lock_roster, publish_roster, set_cells
from hrapp.blueprints.training.sessions.clashes import clashes, overlaps, shift_text
from hrapp.blueprints.training.sessions.enrolment import enrol
from hrapp.blueprints.training.sessions.roster_shift import session_days
from hrapp.extensions import db
from hrapp.models import Roster, RosterCell, SessionStatus, ShiftType, TrainingSession

from .conftest import DAY, at, login_en


def put(site, staff, day: date, code: str) -> None:
    set_cells(site.hr, db.session.get(Roster, site.desk_roster.id), [CellEdit(staff.id, day, code)])
    db.session.commit()


def test_overlap_and_text_rules():
    nine, eleven = at(DAY, 9), at(DAY, 11)
    assert overlaps((nine, eleven), (at(DAY, 10), at(DAY, 12)))
    assert not overlaps((nine, eleven), (eleven, at(DAY, 12)))  # touching ends do not clash
    assert shift_text("早班", time(7), time(15)) == "早班 07:00–15:00"


def test_a_day_shift_clashes_and_an_evening_one_does_not(app, rostered_desk, session_at, make_staff):
    site = rostered_desk
    evening = make_staff(site.front_desk)
    put(site, site.desk_staff, DAY, "早")
    put(site, evening, DAY, "夜")
    session = session_at()  # 09:00-11:00
    assert clashes(session, [site.desk_staff.id, evening.id, site.hk_staff.id]) == {
        site.desk_staff.id: "早班 07:00–15:00"}


def test_the_night_shift_of_the_day_before_runs_into_an_early_session(app, rostered_desk, session_at):
    site = rostered_desk
    put(site, site.desk_staff, DAY - timedelta(days=1), "夜")  # 22:00 until 06:00 on DAY
    assert clashes(session_at(hours=(5, 7)), [site.desk_staff.id]) == {site.desk_staff.id: "夜班 22:00–06:00"}
    assert clashes(session_at(hours=(6, 8)), [site.desk_staff.id]) == {}


def test_the_pages_show_the_clash(app, rostered_desk, session_at):
    site = rostered_desk
    put(site, site.desk_staff, DAY, "早")
    session = session_at(department=site.front)
    client = login_en(app, "head")
    assert "早班 07:00–15:00" in client.get(f"/training/sessions/{session.id}/enrol").get_data(as_text=True)
    enrol(db.session.get(TrainingSession, session.id), [site.desk_staff], site.hr)
    db.session.commit()
    assert "早班 07:00–15:00" in client.get(f"/training/sessions/{session.id}").get_data(as_text=True)


def test_put_on_the_roster_writes_the_training_shift(app, rostered_desk, session_at):
    site = rostered_desk
    put(site, site.desk_staff, DAY, "早")
    session = session_at(department=site.front)
    enrol(session, [site.desk_staff, site.hk_staff], site.hr)  # housekeeping has no roster
    db.session.commit()
    client = login_en(app, "head")
    response = client.post(f"/training/sessions/{session.id}/roster", data={"version_id": session.version_id})
    assert response.status_code == 302
    cell = db.session.scalar(sa.select(RosterCell).where(RosterCell.staff_id == site.desk_staff.id,
                                                         RosterCell.day == DAY))
    training = db.session.get(ShiftType, cell.shift_type_id)
    assert (training.code, training.name, training.start_time, training.end_time) == ("训", "培训", time(9),
                                                                                       time(11))
    assert db.session.scalar(sa.select(RosterCell.id).where(RosterCell.staff_id == site.hk_staff.id)) is None
    assert db.session.get(TrainingSession, session.id).on_roster
    page = client.get(f"/training/sessions/{session.id}")
    text = page.get_data(as_text=True)
    assert "No roster of HK covers the day." in text
    assert "早班 07:00–15:00" not in text  # the training shift replaced the early shift: no clash any more


def test_a_session_at_other_times_gets_its_own_training_shift(app, rostered_desk, session_at):
    """The roster allows one shift type per code: a later session at other times gets 训2, not the first's times;
    one at the same times reuses 训."""
    site = rostered_desk
    client = login_en(app, "hr")
    codes = []
    for day, hours in ((DAY, (9, 11)), (DAY + timedelta(days=1), (14, 17)), (DAY + timedelta(days=2), (9, 11))):
        session = session_at(department=site.front, day=day, hours=hours)
        enrol(session, [site.desk_staff], site.hr)
        db.session.commit()
        assert client.post(f"/training/sessions/{session.id}/roster",
                           data={"version_id": session.version_id}).status_code == 302
        cell = db.session.scalar(sa.select(RosterCell).where(RosterCell.staff_id == site.desk_staff.id,
                                                             RosterCell.day == day))
        kind = db.session.get(ShiftType, cell.shift_type_id)
        codes.append((kind.code, kind.start_time, kind.end_time))
    assert codes == [("训", time(9), time(11)), ("训2", time(14), time(17)), ("训", time(9), time(11))]
    later = session_at(department=site.front, day=DAY + timedelta(days=1), hours=(15, 16))
    assert clashes(later, [site.desk_staff.id]) == {}  # a training shift is no clash


def test_a_head_puts_only_their_departments_on_the_roster(app, rostered_desk, session_at):
    """HR enrolled a housekeeper in the front office's session: its head may not write housekeeping's roster."""
    from hrapp.blueprints.roster.services import create_roster
    from hrapp.models import PeriodKind
    site = rostered_desk
    hk_roster = create_roster(site.hr, site.housekeeping, PeriodKind.MONTH, DAY)
    session = session_at(department=site.front)
    enrol(session, [site.desk_staff, site.hk_staff], site.hr)
    db.session.commit()
    client = login_en(app, "head")
    response = client.post(f"/training/sessions/{session.id}/roster", data={"version_id": session.version_id},
                           follow_redirects=True)
    assert "not yours to change" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(RosterCell.id).where(RosterCell.roster_id == hk_roster.id)) is None
    assert db.session.scalar(sa.select(RosterCell.id).where(RosterCell.staff_id == site.desk_staff.id,
                                                            RosterCell.day == DAY)) is not None


def test_a_cancelled_session_is_not_put_on_the_roster(app, rostered_desk, session_at):
    site = rostered_desk
    session = session_at(department=site.front)
    enrol(session, [site.desk_staff], site.hr)
    session.status = SessionStatus.CANCELLED
    db.session.commit()
    response = login_en(app, "hr").post(f"/training/sessions/{session.id}/roster",
                                        data={"version_id": session.version_id}, follow_redirects=True)
    assert "The session is cancelled." in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(RosterCell.id).where(RosterCell.staff_id == site.desk_staff.id)) is None


def test_a_locked_roster_is_refused_and_left_alone(app, rostered_desk, session_at):
    site = rostered_desk
    put(site, site.desk_staff, DAY, "早")
    roster = db.session.get(Roster, site.desk_roster.id)
    publish_roster(site.hr, roster, None, override_reason="测试")
    lock_roster(site.hr, roster, None)
    session = session_at()
    enrol(session, [site.desk_staff], site.hr)
    db.session.commit()
    response = login_en(app, "hr").post(f"/training/sessions/{session.id}/roster",
                                     data={"version_id": session.version_id},
                                     follow_redirects=True)
    assert "This roster is locked and cannot be changed." in response.get_data(as_text=True)
    cell = db.session.scalar(sa.select(RosterCell).where(RosterCell.staff_id == site.desk_staff.id,
                                                         RosterCell.day == DAY))
    assert db.session.get(ShiftType, cell.shift_type_id).code == "早"
    assert not db.session.get(TrainingSession, session.id).on_roster
    stale = login_en(app, "hr").post(f"/training/sessions/{session.id}/roster", data={"version_id": "0"})
    assert stale.status_code == 409


def test_session_days(app, site, session_at):
    assert session_days(session_at()) == [DAY]
    assert session_days(session_at(hours=(20, 25))) == [DAY]  # until 01:00 the next morning
    two_days = session_at()
    two_days.ends_at = at(DAY + timedelta(days=1), 11)
    assert session_days(two_days) == [DAY, DAY + timedelta(days=1)]


def test_a_course_over_several_days_keeps_its_last_day(app, site, session_at):
    """Monday 13:00 to Wednesday 12:00 covers three days (ending before its start time of day is not overnight)."""
    session = session_at(hours=(13, 13 + 47))
    assert session_days(session) == [DAY, DAY + timedelta(days=1), DAY + timedelta(days=2)]
