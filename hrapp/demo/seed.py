"""Builds the demo company in an empty database. Like every service it never commits: the caller does."""
import math
import random
import secrets
from dataclasses import dataclass, field
from datetime import date, timedelta

import sqlalchemy as sa
from flask import current_app

from hrapp import audit
from hrapp.blueprints.auth.rules import password_problems
from hrapp.blueprints.auth.services import check_new_password, create_user
from hrapp.blueprints.org.services import (
    approve_description,
    save_department,
    save_position,
    start_draft,
    update_draft,
    update_settings,
)
from hrapp.blueprints.staff.rules import STAFF_FIELDS, StaffData, staff_problems
from hrapp.company import company_today
from hrapp.core.module import modules
from hrapp.core.pay import explicit_daily_for
from hrapp.demo.data import (
    ACCOUNT_LINKS,
    COMPANY_NAME,
    CURRENCY,
    HEAD_DEPARTMENT,
    LEVEL_GRADE,
    MINIMUM_MONTHLY_WAGE,
    TIMEZONE,
    all_positions,
    walk,
)
from hrapp.demo.jobs import FIRST_VERSIONS, JOB_TEXTS
from hrapp.demo.people import Person, make_people
from hrapp.demo.texts import description_values
from hrapp.extensions import db
from hrapp.models import (
    Department,
    EmploymentEvent,
    EmploymentStatus,
    EventKind,
    PayRate,
    Position,
    Role,
    StaffMember,
    User,
    utcnow,
)

MIN_STAFF = len(all_positions())  # every position has at least one holder
ACCOUNT_ROLES = {"admin": Role.ADMIN, "hr": Role.HR, "head": Role.HEAD, "staff": Role.STAFF}
OVER_PLAN = {"HTL-HK"}  # a department deliberately over its planned headcount, to show the warning
_PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


class DemoSeedError(RuntimeError):
    """The demo cannot be built here (the database already holds data, bad arguments)."""


@dataclass
class SeedReport:
    """What seed-demo built. Modules' demo steps (`Module.seed_demo(report)`) read `today`, `rng` and
    `users` (username -> User), add to `counts` and may append lines to `summary` for the command to print."""

    seed: int
    counts: dict[str, int] = field(default_factory=dict)
    accounts: list[tuple[str, str, str]] = field(default_factory=list)  # username, role, password
    today: date | None = None
    rng: random.Random | None = None
    users: dict[str, User] = field(default_factory=dict)
    summary: list[str] = field(default_factory=list)


def generate_password() -> str:
    """A random 19-character password ("abcd-EFGH-2345-wxyz") that passes the policy; never derived from the seed."""
    while True:
        password = "-".join("".join(secrets.choice(_PASSWORD_ALPHABET) for _ in range(4)) for _ in range(4))
        if not password_problems(password, min_length=current_app.config["PASSWORD_MIN_LENGTH"]):
            return password


def check_empty() -> None:
    """:raise DemoSeedError: departments, positions, staff or one of the demo usernames exist already."""
    for model in (Department, Position, StaffMember):
        if db.session.scalar(sa.select(model.id).limit(1)) is not None:
            raise DemoSeedError(f"The database already holds data ({model.__tablename__}); "
                                "seed-demo only fills an empty database.")
    taken = db.session.scalars(sa.select(User.username).where(User.username.in_(ACCOUNT_ROLES))).all()
    if taken:
        raise DemoSeedError(f"Account(s) {', '.join(sorted(taken))} exist already; seed-demo needs them free.")


def seed_demo(staff_count: int = 120, seed: int | None = None, password: str | None = None,
              today: date | None = None) -> SeedReport:
    """Create the demo company: settings, department tree, positions with approved job descriptions,
    `staff_count` staff with hire history, one account per role (none must change its password); then
    each registered module's demo step (`Module.seed_demo`), in module order.

    Everything except the generated passwords is a function of (`seed`, `today`).
    :raise DemoSeedError: the database is not empty, or `staff_count` < MIN_STAFF.
    :raise RuleViolation: `password` breaks the password policy.
    """
    if staff_count < MIN_STAFF:
        raise DemoSeedError(f"--staff must be at least {MIN_STAFF} (one person per position).")
    check_empty()
    for username in ACCOUNT_ROLES:
        if password is not None:
            check_new_password(password, username)
    report = SeedReport(secrets.randbelow(10 ** 6) if seed is None else seed)
    today = today or company_today()
    rng = random.Random(report.seed)
    people = make_people(rng, staff_count, today)
    passwords = {u: password or generate_password() for u in ACCOUNT_ROLES}
    admin = create_user("admin", passwords["admin"], Role.ADMIN, None, must_change_password=False)
    settings = update_settings(admin, COMPANY_NAME, TIMEZONE, CURRENCY, MINIMUM_MONTHLY_WAGE)
    departments = _create_departments(admin, people)
    positions = _create_positions(admin, departments, people)
    staff_ids = _insert_staff(admin, people, departments, positions, today)
    first_holders = {p.position.code: staff_ids[id(p)] for p in people if p.holder_index == 0}
    users = {"admin": admin} | _create_accounts(admin, passwords, departments, first_holders)
    versions = _approve_descriptions(users["hr"], positions, rng, today)
    report.counts = {"departments": len(departments), "positions": len(positions), "job_descriptions": versions,
                     "staff": len(people), "accounts": len(users)}
    report.today, report.rng, report.users = today, rng, users
    for module in modules():
        if module.seed_demo is not None:
            module.seed_demo(report)
    report.accounts = [(u, user.role.value, passwords[u]) for u, user in users.items()]
    audit.record(admin, "demo.seed", settings, None,
                 {"seed": report.seed, "today": today.isoformat(), **report.counts}, label="demo")
    return report


def _create_accounts(admin: User, passwords: dict[str, str], departments: dict[str, Department],
                     first_holders: dict[str, int]) -> dict[str, User]:
    """The hr, head and staff accounts, each linked to the first holder of its ACCOUNT_LINKS position."""
    users = {}
    for username, role in ACCOUNT_ROLES.items():
        if role == Role.ADMIN:
            continue
        users[username] = create_user(
            username, passwords[username], role, admin,
            staff=db.session.get(StaffMember, first_holders[ACCOUNT_LINKS[username]]),
            departments=[departments[HEAD_DEPARTMENT]] if role == Role.HEAD else None,
            must_change_password=False)
    return users


def _planned(current: int, code: str) -> int:
    """A planned headcount a little above the people in post (below it for OVER_PLAN)."""
    if current == 0:
        return 0
    return max(1, current - max(1, current // 25)) if code in OVER_PLAN else current + math.ceil(current * 0.08)


def _create_departments(actor, people: list[Person]) -> dict[str, Department]:
    in_post = {}
    for person in people:
        if person.status != EmploymentStatus.LEFT:
            in_post[person.department.code] = in_post.get(person.department.code, 0) + 1
    departments: dict[str, Department] = {}
    for spec, parent in walk():
        departments[spec.code] = save_department(
            actor, None, spec.code, spec.name, spec.name_en, departments[parent.code] if parent else None,
            _planned(in_post.get(spec.code, 0), spec.code))
    return departments


def _create_positions(actor, departments: dict[str, Department], people: list[Person]) -> dict[str, Position]:
    in_post = {}
    for person in people:
        if person.status != EmploymentStatus.LEFT:
            in_post[person.position.code] = in_post.get(person.position.code, 0) + 1
    positions: dict[str, Position] = {}
    for spec, department in all_positions():  # superiors come first in the catalogue
        positions[spec.code] = save_position(
            actor, None, code=spec.code, name=spec.name, name_en=spec.name_en,
            department_id=departments[department.code].id,
            superior_position_id=positions[spec.superior].id if spec.superior else None,
            job_family=spec.job_family, grade=LEVEL_GRADE[spec.level],
            headcount=1 if spec.weight == 0 else _planned(in_post.get(spec.code, 0), ""))
    return positions


def _depths() -> dict[str, int]:
    """Position code -> number of positions above it in the reporting line."""
    specs = {p.code: p for p, _ in all_positions()}
    depths = {}
    for code in specs:
        depth, at = 0, code
        while specs[at].superior:
            at, depth = specs[at].superior, depth + 1
        depths[code] = depth
    return depths


def _insert_staff(actor, people: list[Person], departments, positions, today: date) -> dict[int, int]:
    """Bulk-insert the staff, superiors' layer first, then every employment event.

    Each row is checked with the same rules as a form (staff_problems) but without per-row queries.
    Plain executemany inserts (no RETURNING, which SQLite would run row by row), then one id lookup per layer.
    :return: id(person) -> staff id.
    """
    staff_ids: dict[int, int] = {}
    holders: dict[str, list[int]] = {}  # position code -> ids of holders still employed
    now, depths = utcnow(), _depths()
    for layer in sorted(set(depths.values())):
        batch = [p for p in people if depths[p.position.code] == layer]
        rows = []
        for person in batch:
            superior = person.position.superior
            superior_id = holders[superior][person.holder_index % len(holders[superior])] if superior else None
            data = _staff_data(person, departments, positions, superior_id)
            problems = staff_problems(data, today)
            if problems:
                raise DemoSeedError(f"Generated staff {person.staff_number} is invalid: {problems}")
            rows.append({name: getattr(data, name) for name in STAFF_FIELDS} | {
                "created_at": now, "updated_at": now, "version_id": 1})
        db.session.execute(sa.insert(StaffMember.__table__), rows)
        number_ids = dict(db.session.execute(sa.select(StaffMember.staff_number, StaffMember.id)).all())
        for person in batch:
            staff_ids[id(person)] = number_ids[person.staff_number]
            if person.status != EmploymentStatus.LEFT:
                holders.setdefault(person.position.code, []).append(staff_ids[id(person)])
    db.session.execute(sa.insert(EmploymentEvent.__table__), [
        _event_row(person, staff_ids[id(person)], departments, positions, i, actor.id)
        for person in people for i in range(len(person.history))])
    # Each person's first pay record, from the hire date (the daily wage is the derived one).
    db.session.execute(sa.insert(PayRate.__table__), [
        {"staff_id": staff_ids[id(p)], "effective_on": p.hire_on, "monthly_wage_amount": p.monthly_base_amount,
         "daily_wage_amount": explicit_daily_for(p.monthly_base_amount, p.daily_wage_amount),
         "note": "", "created_by_id": actor.id, "created_at": now} for p in people])
    return staff_ids


def _staff_data(person: Person, departments, positions, superior_id: int | None) -> StaffData:
    return StaffData(
        staff_number=person.staff_number, name_zh=person.name_zh, name_en=person.name_en, gender=person.gender,
        department_id=departments[person.department.code].id, position_id=positions[person.position.code].id,
        superior_id=superior_id, hire_on=person.hire_on, birth_on=person.birth_on, id_number=person.id_number,
        phone=person.phone, email=person.email, status=person.status, status_since_on=person.status_since_on,
        left_on=person.left_on, daily_wage_amount=person.daily_wage_amount,
        monthly_base_amount=person.monthly_base_amount, emergency_contact_name=person.emergency_contact_name,
        emergency_contact_phone=person.emergency_contact_phone, notes=person.notes)


def _event_row(person: Person, staff_id: int, departments, positions, index: int, actor_id: int) -> dict:
    effective_on, from_status, to_status, note = person.history[index]
    row = {"staff_id": staff_id, "effective_on": effective_on, "from_status": from_status, "to_status": to_status,
           "note": note, "recorded_by_id": actor_id, "from_department_id": None, "to_department_id": None,
           "from_position_id": None, "to_position_id": None}
    if index == 0:
        return row | {"kind": EventKind.HIRE, "to_department_id": departments[person.department.code].id,
                      "to_position_id": positions[person.position.code].id}
    return row | {"kind": EventKind.STATUS_CHANGE}


def _approve_descriptions(hr: User, positions: dict[str, Position], rng: random.Random, today: date) -> int:
    """An approved job description per position; those in FIRST_VERSIONS get a superseded v1 first."""
    versions = 0
    for spec, department in all_positions():
        position = positions[spec.code]
        superior = positions[spec.superior].name if spec.superior else None
        peers = [p.name for p, d in all_positions()
                 if d is department and p.superior == spec.superior and p.code != spec.code and p.level == spec.level]
        texts = [FIRST_VERSIONS[spec.code], JOB_TEXTS[spec.code]] if spec.code in FIRST_VERSIONS \
            else [JOB_TEXTS[spec.code]]
        for number, text in enumerate(texts, 1):
            # The last version was analysed within the last year; an earlier one about two years ago.
            days_back = rng.randint(60, 360) if number == len(texts) else rng.randint(700, 800)
            analysis_on = today - timedelta(days=days_back)
            draft = start_draft(hr, position)
            update_draft(hr, draft, description_values(spec, department, text, superior, peers)
                         | {"analysis_on": analysis_on})
            approve_description(hr, draft, analysis_on + timedelta(days=rng.randint(7, 21)))
            versions += 1
    return versions
