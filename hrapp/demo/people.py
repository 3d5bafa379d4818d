"""Generates the demo staff as plain values (no database): who holds which position, with what history."""
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from hrapp.blueprints.staff.rules import add_years
from hrapp.core.idcard import check_digit
from hrapp.demo.data import MONTHLY_PAY, PAID_DAYS_PER_MONTH, DepartmentSpec, PositionSpec, all_positions
from hrapp.demo.names import person_name, surname
from hrapp.models import EmploymentStatus, Gender

PROBATION_DAYS = 90
# Administrative division codes (first 6 digits of an ID number) of the places staff come from.
REGION_CODES = ("110101", "310101", "320102", "330106", "350203", "420102", "430102", "440103",
                "450102", "460202", "500103", "510104", "520102", "530102", "610103", "360102")
MOBILE_PREFIXES = ("130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "152",
                   "158", "159", "177", "180", "186", "187", "188", "189", "199")
AGE_AT_HIRE = {"gm": (32, 48), "manager": (27, 45), "supervisor": (24, 40), "captain": (21, 38), "staff": (18, 40)}
LEAVING_REASONS = ("个人原因辞职", "合同期满不再续签", "家庭原因离职", "回乡发展", "继续深造")
RELATIONS = ("父亲", "母亲", "配偶", "兄弟", "姐妹")
BLOOD_RELATIVES = ("父亲", "兄弟", "姐妹")


@dataclass
class Person:
    """One generated staff member; `staff_number` is set once everyone is sorted by hire date."""

    position: PositionSpec
    department: DepartmentSpec
    holder_index: int  # 0 = the position's first holder (always active)
    name_zh: str
    name_en: str
    gender: Gender
    birth_on: date
    id_number: str
    phone: str
    hire_on: date
    status: EmploymentStatus
    left_on: date | None
    monthly_base_amount: Decimal
    daily_wage_amount: Decimal
    emergency_contact_name: str
    emergency_contact_phone: str
    notes: str = ""
    staff_number: str = ""
    email: str = ""
    # (effective_on, from_status, to_status, note): the hire and every later status change.
    history: list[tuple[date, str, str, str]] = field(default_factory=list)

    @property
    def status_since_on(self) -> date:
        return self.history[-1][0]


def allocate(total: int) -> dict[str, int]:
    """Holders per position: one each, the rest shared by weight (largest remainder, respecting caps)."""
    positions = [p for p, _ in all_positions()]
    counts = {p.code: 1 for p in positions}
    left = total - len(positions)
    while left > 0:
        open_ = [p for p in positions if p.weight and (p.cap is None or counts[p.code] < p.cap)]
        weight = sum(p.weight for p in open_)
        quotas = {p.code: left * p.weight / weight for p in open_}
        given = 0
        for p in open_:
            n = min(int(quotas[p.code]), left if p.cap is None else p.cap - counts[p.code])
            counts[p.code] += n
            given += n
        if given == 0:  # every quota is below one: single places go to the largest quotas
            for p in sorted(open_, key=lambda p: quotas[p.code], reverse=True)[:left]:
                counts[p.code] += 1
                given += 1
        left -= given
    return counts


class _Unique:
    """Draws values until one has not been seen (ID numbers and phones are unique in real life)."""

    def __init__(self):
        self.seen: set[str] = set()

    def take(self, make) -> str:
        value = make()
        while value in self.seen:
            value = make()
        self.seen.add(value)
        return value


def _days_ago(today: date, low: int, high: int, rng: random.Random) -> date:
    return today - timedelta(days=rng.randint(low, high))


def _tenure(rng: random.Random, status: EmploymentStatus, lead: bool) -> int:
    """Days since hiring: most service staff are recent, leads have been there a while."""
    if status == EmploymentStatus.PROBATION:
        return rng.randint(5, PROBATION_DAYS - 5)
    if lead:
        return rng.randint(400, 12 * 365)
    return min(PROBATION_DAYS + 10 + int(rng.expovariate(1 / (2.5 * 365))), 12 * 365)


def _status(rng: random.Random, first_holder: bool) -> EmploymentStatus:
    if first_holder:
        return EmploymentStatus.ACTIVE
    roll = rng.random()
    if roll < 0.09:
        return EmploymentStatus.PROBATION
    return EmploymentStatus.LEFT if roll < 0.16 else EmploymentStatus.ACTIVE


def _pay(rng: random.Random, level: str) -> tuple[Decimal, Decimal]:
    low, high = MONTHLY_PAY[level]
    monthly = Decimal(rng.randrange(low, high + 1, 100))
    daily = (monthly / PAID_DAYS_PER_MONTH).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return monthly.quantize(Decimal("0.01")), daily


def _history(rng: random.Random, hire_on: date, status: EmploymentStatus, today: date):
    """Status events: hired on probation, confirmed after 90 days, maybe left later."""
    history = [(hire_on, "", EmploymentStatus.PROBATION.value, "新员工入职")]
    confirmed = hire_on + timedelta(days=PROBATION_DAYS)
    left_on = None
    if status == EmploymentStatus.LEFT:
        left_on = hire_on + timedelta(days=rng.randint(30, (today - hire_on).days - 1))
    if (status == EmploymentStatus.ACTIVE or left_on and left_on > confirmed) and confirmed <= today:
        history.append((confirmed, EmploymentStatus.PROBATION.value, EmploymentStatus.ACTIVE.value, "试用期满转正"))
    if left_on:
        history.append((left_on, history[-1][2], EmploymentStatus.LEFT.value, rng.choice(LEAVING_REASONS)))
    return history, left_on


def make_person(rng: random.Random, position: PositionSpec, department: DepartmentSpec, holder_index: int,
                today: date, ids: _Unique, phones: _Unique) -> Person:
    """One plausible staff member of `position`."""
    female = rng.random() < position.female_share
    gender = Gender.FEMALE if female else Gender.MALE
    family = surname(rng)
    name_zh, name_en = person_name(rng, female, family)
    status = _status(rng, holder_index == 0)
    lead = position.weight == 0 or holder_index == 0
    hire_on = today - timedelta(days=_tenure(rng, status, lead))
    if status == EmploymentStatus.LEFT:
        hire_on = min(hire_on, today - timedelta(days=60))
    low, high = AGE_AT_HIRE[position.level]
    birth_on = add_years(hire_on, -rng.randint(low, high)) - timedelta(days=rng.randint(0, 364))
    region = rng.choice(REGION_CODES)
    # The 17th digit (end of the 3-digit serial) is odd for men and even for women.
    id_number = ids.take(lambda: _id_number(region, birth_on, rng.randrange(1, 500) * 2 - (0 if female else 1)))
    history, left_on = _history(rng, hire_on, status, today)
    monthly, daily = _pay(rng, position.level)
    relation = rng.choice(RELATIONS)
    relative_female = relation in ("母亲", "姐妹") or (relation == "配偶" and not female)
    # Father and siblings share the surname; mother and spouse usually keep their own.
    contact_zh, _ = person_name(rng, relative_female, family if relation in BLOOD_RELATIVES else None)
    return Person(
        position=position, department=department, holder_index=holder_index, name_zh=name_zh, name_en=name_en,
        gender=gender, birth_on=birth_on, id_number=id_number, phone=phones.take(lambda: _mobile(rng)),
        hire_on=hire_on, status=status, left_on=left_on, monthly_base_amount=monthly, daily_wage_amount=daily,
        emergency_contact_name=f"{contact_zh}（{relation}）",
        emergency_contact_phone=phones.take(lambda: _mobile(rng)),
        notes=history[-1][3] if left_on else "", history=history)


def _id_number(region: str, birth_on: date, serial: int) -> str:
    first17 = f"{region}{birth_on:%Y%m%d}{serial:03d}"
    return first17 + check_digit(first17)


def _mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10 ** 8):08d}"


def make_people(rng: random.Random, total: int, today: date) -> list[Person]:
    """`total` people across the catalogue, numbered per business unit in hire order ("HTL-00042")."""
    counts = allocate(total)
    ids, phones = _Unique(), _Unique()
    people = [make_person(rng, position, department, i, today, ids, phones)
              for position, department in all_positions() for i in range(counts[position.code])]
    sequences: dict[str, int] = {}
    for person in sorted(people, key=lambda p: p.hire_on):
        unit = person.department.unit
        sequences[unit] = seq = sequences.get(unit, 0) + 1
        person.staff_number = f"{unit}-{seq:05d}"
        family_name, given_name = person.name_en.split(" ", 1)
        person.email = f"{given_name}.{family_name}.{unit}{seq}@example.com".lower()
    return people
