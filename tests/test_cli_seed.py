"""`flask seed-demo`: the demo company it builds, its accounts, its refusal to run twice, its determinism."""
import random
import re
from datetime import date, timedelta

import sqlalchemy as sa

from hrapp.blueprints.roster.services import my_schedule
from hrapp.blueprints.staff.rules import staff_problems
from hrapp.blueprints.staff.services import staff_data_of
from hrapp.core.periods import period_of
from hrapp.demo.people import make_people
from hrapp.extensions import db
from hrapp.models import (
    JOB_DESCRIPTION_TEXT_FIELDS,
    AuditEntry,
    Department,
    EmploymentEvent,
    EmploymentStatus,
    EventKind,
    Gender,
    JobDescription,
    JobDescriptionStatus,
    PeriodKind,
    Position,
    Role,
    Roster,
    RosterStatus,
    StaffMember,
    User,
)
from tests.conftest import count

PASSWORD = "Demo-Password-2026"
ARGS = ["seed-demo", "--staff", "50", "--seed", "1", "--password", PASSWORD]


def _seed(runner, args=ARGS):
    result = runner.invoke(args=args)
    assert result.exit_code == 0, result.output
    return result


def _wipe():
    db.session.remove()  # forget the loaded rows: their ids are reused by the next seed
    for table in reversed(db.metadata.sorted_tables):
        db.session.execute(table.delete())
    db.session.commit()


def test_seed_demo_sets_up_the_demo_pki(app, runner, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "PKI_DIR", str(tmp_path / "pki"))
    _seed(runner)
    assert any((tmp_path / "pki").iterdir()), "seed-demo left no signing keys"


def test_seed_demo_builds_the_company(runner):
    result = _seed(runner)
    assert "50 staff" in result.output
    assert (count(Department), count(Position), count(StaffMember), count(User)) == (16, 39, 50, 4)
    assert {u.role for u in db.session.scalars(sa.select(User))} == set(Role)
    assert not any(u.must_change_password for u in db.session.scalars(sa.select(User)))
    assert db.session.scalar(sa.select(sa.func.count()).where(EmploymentEvent.kind == EventKind.HIRE)) == 50
    assert db.session.scalar(sa.select(sa.func.count()).where(AuditEntry.action == "demo.seed")) == 1
    front_desk = db.session.scalar(sa.select(Department).where(Department.code == "HTL-FD"))
    assert front_desk.parent.code == "HTL-FO" and front_desk.path.startswith(front_desk.parent.path)
    # Every position has a complete approved job description; one has an older, superseded version.
    approved = db.session.scalars(sa.select(JobDescription).where(
        JobDescription.status == JobDescriptionStatus.APPROVED)).all()
    assert len(approved) == count(Position)
    hr = db.session.scalar(sa.select(User).where(User.username == "hr"))
    for description in approved:
        assert all(getattr(description, name).strip() for name in JOB_DESCRIPTION_TEXT_FIELDS), description
        assert description.duties.startswith("1. ")
        assert description.approved_by_id == hr.id and description.analysis_on <= description.approved_on
    receptionist = db.session.scalar(sa.select(Position).where(Position.code == "HTL-FD-REC"))
    assert sorted(((d.version, d.status) for d in receptionist.descriptions), reverse=True) == [
        (2, JobDescriptionStatus.APPROVED), (1, JobDescriptionStatus.SUPERSEDED)]


def test_seed_demo_publishes_rosters_for_this_month_and_next(runner):
    result = _seed(runner)
    assert "Rosters: 10 published" in result.output
    this_month = period_of(PeriodKind.MONTH, date.today()).bounds
    next_month = period_of(PeriodKind.MONTH, this_month[1] + timedelta(days=1)).bounds
    rosters = db.session.scalars(sa.select(Roster)).all()
    by_department = {}
    for roster in rosters:
        assert roster.status == RosterStatus.PUBLISHED and roster.period_kind == PeriodKind.MONTH
        by_department.setdefault(roster.department.code, []).append((roster.starts_on, roster.ends_on))
    assert set(by_department) == {"HTL-FO", "HTL-FD", "HTL-GS", "HTL-HK", "PRK-CS"}
    # this month and the next; the two before are the attendance demo's roster history
    assert all(sorted(periods)[-2:] == [this_month, next_month] for periods in by_department.values())
    # The demo head and staff accounts work in shift departments and have shifts in both months.
    for username, department in (("head", "HTL-FO"), ("staff", "HTL-FD")):
        user = db.session.scalar(sa.select(User).where(User.username == username))
        assert user.staff.department.code == department
        days = {s.day for s in my_schedule(user.staff_id, this_month[0], next_month[1])}
        assert len(days) > 40, username  # leave days are marked too, so nearly every day has a cell


def test_seed_demo_staff_pass_the_staff_rules(runner):
    _seed(runner)
    staff = db.session.scalars(sa.select(StaffMember)).all()
    for member in staff:
        assert staff_problems(staff_data_of(member), date.today(), member.id) == {}, member.staff_number
        assert re.fullmatch(r"1[3-9]\d{9}", member.phone)
        assert member.name_en and member.emergency_contact_name and member.position_id
        assert int(member.id_number[16]) % 2 == (member.gender == Gender.MALE)  # odd for men
    statuses = [m.status for m in staff]
    assert statuses.count(EmploymentStatus.ACTIVE) > len(staff) // 2
    assert all(m.left_on for m in staff if m.status == EmploymentStatus.LEFT)
    assert len({m.id_number for m in staff}) == len(staff)
    # Everyone but the top of each reporting line has a superior.
    assert sum(m.superior_id is None for m in staff) == 4


def test_seed_demo_accounts_can_log_in(runner, client, auth):
    _seed(runner)
    for username, page in (("admin", "/staff/"), ("hr", "/staff/"), ("head", "/staff/"), ("staff", "/staff/me")):
        assert auth.login(username, PASSWORD).status_code == 302, username
        response = client.get(page)
        assert response.status_code == 200, (username, page)
        auth.logout()
    head = db.session.scalar(sa.select(User).where(User.username == "head"))
    assert [d.code for d in head.headed_departments] == ["HTL-FO"]
    assert head.staff.position.code == "HTL-FO-MGR"
    assert db.session.scalar(sa.select(User).where(User.username == "hr")).staff.position.code == "HR-CLK"
    assert db.session.scalar(sa.select(User).where(User.username == "staff")).staff.department.code == "HTL-FD"


def test_seed_demo_generated_passwords_work(runner, auth):
    result = _seed(runner, ["seed-demo", "--staff", "40"])
    passwords = dict(re.findall(r"^  (\w+)\s+\w+\s+(\S+)$", result.output, re.MULTILINE))
    assert set(passwords) == {"admin", "hr", "head", "staff"}
    assert len(set(passwords.values())) == 4
    assert auth.login("hr", passwords["hr"]).status_code == 302


def test_seed_demo_refuses_a_database_with_data(runner):
    _seed(runner)
    result = runner.invoke(args=ARGS)
    assert result.exit_code != 0
    assert "already holds data" in result.output
    assert count(StaffMember) == 50 and count(User) == 4


def test_seed_demo_refuses_a_weak_password_and_too_few_staff(runner):
    result = runner.invoke(args=["seed-demo", "--password", "short"])
    assert result.exit_code != 0 and "at least 10" in result.output
    assert runner.invoke(args=["seed-demo", "--staff", "5"]).exit_code != 0
    assert count(User) == 0 and count(Department) == 0


def test_seed_demo_is_deterministic(runner):
    def snapshot():
        return db.session.execute(sa.select(StaffMember.staff_number, StaffMember.name_zh, StaffMember.id_number,
                                            StaffMember.hire_on).order_by(StaffMember.staff_number)).all()

    _seed(runner)
    first = snapshot()
    _wipe()
    _seed(runner)
    assert snapshot() == first
    other_seed = make_people(random.Random(2), 50, date.today())
    assert sorted(p.name_zh for p in other_seed) != sorted(row.name_zh for row in first)
