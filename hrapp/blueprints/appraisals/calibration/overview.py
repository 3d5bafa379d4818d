"""What the calibration page shows for a cycle, read in a few aggregate queries (whatever the department's size):
each department's distribution over the guide's buckets and per grade, its mean, the outliers against it, and
each scorer's leniency against the others. Reads only; the result rows are `queries.results_query`."""
from dataclasses import dataclass, field
from decimal import Decimal

import sqlalchemy as sa

from hrapp.blueprints.appraisals import rules
from hrapp.blueprints.appraisals.access import result_scope
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalCycle, AppraisalStatus, Department, StaffMember, User

# Statuses whose total counts in the distribution: scored, and everything after.
SCORED_STATUSES = (AppraisalStatus.SCORED, AppraisalStatus.PUBLISHED, AppraisalStatus.ACKNOWLEDGED,
                   AppraisalStatus.APPEALED, AppraisalStatus.DECIDED)
MAX_OUTLIERS = 100


@dataclass
class Section:
    """One department's results: counts per grade, their sum, the guide distribution and the mean."""

    department_id: int
    code: str
    name: str
    name_en: str
    grades: dict = field(default_factory=dict)  # grade value -> count
    points: Decimal = Decimal("0")
    distribution: rules.Distribution | None = None

    @property
    def count(self) -> int:
        return sum(self.grades.values())

    @property
    def mean(self) -> Decimal | None:
        return rules.rounded(self.points / self.count) if self.count else None


@dataclass(frozen=True)
class ScorerLine:
    """A scorer's results in the scope shown: how many, their mean, the others' mean and the leniency flag."""

    user_id: int | None
    username: str
    name: str
    count: int
    mean: Decimal
    others_mean: Decimal | None
    flag: int  # rules.leniency: +1 lenient, -1 strict, 0 in line


@dataclass(frozen=True)
class Outlier:
    appraisal_id: int
    staff_number: str
    name: str
    department_code: str
    total: Decimal
    mean: Decimal


@dataclass(frozen=True)
class Overview:
    sections: list[Section]
    scorers: list[ScorerLine]
    outliers: list[Outlier]

    @property
    def count(self) -> int:
        return sum(section.count for section in self.sections)


def scored_results(user, cycle: AppraisalCycle, department_ids=None) -> list[sa.ColumnElement[bool]]:
    """The conditions of the results that count: the cycle's scored (and later) people's results with a total,
    that `user` may see, in `department_ids` when given."""
    conditions = [Appraisal.cycle_id == cycle.id, Appraisal.status.in_(SCORED_STATUSES),
                  Appraisal.total.is_not(None), Appraisal.staff_id.is_not(None), result_scope(user)]
    if department_ids is not None:
        conditions.append(Appraisal.department_id.in_(department_ids))
    return conditions


def _aggregates(conditions) -> list[tuple]:
    """Counts and sums of the results by department, grade and scorer (one query, a few hundred rows at most)."""
    return db.session.execute(
        sa.select(Department.id, Department.code, Department.name, Department.name_en, Appraisal.grade,
                  Appraisal.scored_by_id, User.username, StaffMember.name_zh, sa.func.count(Appraisal.id),
                  sa.func.sum(Appraisal.total))
        .join(Department, Department.id == Appraisal.department_id)
        .outerjoin(User, User.id == Appraisal.scored_by_id)
        .outerjoin(StaffMember, StaffMember.id == User.staff_id).where(*conditions)
        .group_by(Department.id, Department.code, Department.name, Department.name_en, Department.path,
                  Appraisal.grade, Appraisal.scored_by_id, User.username, StaffMember.name_zh)
        .order_by(Department.path)).all()


def _sections(rows, cycle: AppraisalCycle) -> list[Section]:
    sections: dict[int, Section] = {}
    for department_id, code, name, name_en, grade, _by, _username, _name, count, points in rows:
        section = sections.setdefault(department_id, Section(department_id, code, name, name_en or ""))
        section.grades[grade.value] = section.grades.get(grade.value, 0) + count
        section.points += Decimal(points or 0)
    for section in sections.values():
        grades = [grade for grade, count in section.grades.items() for _ in range(count)]
        section.distribution = rules.distribution(grades, cycle.guide_top, cycle.guide_middle, cycle.guide_bottom)
    return list(sections.values())


def _scorers(rows) -> list[ScorerLine]:
    """Each scorer's count and mean against the mean of everyone else's results in the scope (rules.leniency)."""
    by_scorer: dict[int | None, list] = {}
    for *_department, _grade, user_id, username, name, count, points in rows:
        line = by_scorer.setdefault(user_id, [username or "", name or username or "", 0, Decimal("0")])
        line[2] += count
        line[3] += Decimal(points or 0)
    all_count = sum(line[2] for line in by_scorer.values())
    all_points = sum((line[3] for line in by_scorer.values()), Decimal("0"))
    lines = []
    for user_id, (username, name, count, points) in by_scorer.items():
        mean = rules.rounded(points / count)
        others = all_count - count
        others_mean = rules.rounded((all_points - points) / others) if others else None
        lines.append(ScorerLine(user_id, username, name, count, mean, others_mean, rules.leniency(mean, others_mean)))
    return sorted(lines, key=lambda line: (-line.mean, line.username))


def _outliers(conditions, sections: list[Section]) -> list[Outlier]:
    """Results at least rules.OUTLIER_POINTS from their department's mean: the database narrows them (one
    query, a point of margin), the rule decides."""
    means = {s.department_id: s.mean for s in sections if s.mean is not None}
    if not means:
        return []
    mean_of = sa.case({department_id: sa.literal(mean) for department_id, mean in means.items()},
                      value=Appraisal.department_id)
    margin = rules.OUTLIER_POINTS - 1
    rows = db.session.execute(
        sa.select(Appraisal.id, StaffMember.staff_number, StaffMember.name_zh, Department.code,
                  Appraisal.department_id, Appraisal.total)
        .join(StaffMember, StaffMember.id == Appraisal.staff_id)
        .join(Department, Department.id == Appraisal.department_id)
        .where(*conditions, sa.or_(Appraisal.total >= mean_of + margin, Appraisal.total <= mean_of - margin))
        .order_by(Department.path, Appraisal.total.desc(), Appraisal.id).limit(MAX_OUTLIERS * 2))
    found = [Outlier(appraisal_id, number, name, code, total, means[department_id])
             for appraisal_id, number, name, code, department_id, total in rows
             if rules.is_outlier(total, means[department_id])]
    return found[:MAX_OUTLIERS]


def overview(user, cycle: AppraisalCycle, department_ids=None) -> Overview:
    """The cycle's calibration overview for `user` (their results scope), narrowed to `department_ids`: two
    queries."""
    conditions = scored_results(user, cycle, department_ids)
    rows = _aggregates(conditions)
    sections = _sections(rows, cycle)
    return Overview(sections, _scorers(rows), _outliers(conditions, sections))
