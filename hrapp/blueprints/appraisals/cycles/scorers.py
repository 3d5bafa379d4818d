"""Who scores the appraisals of a cycle, worked out in bulk (for reminders and notices): the heads of each
department (and those above it: hrapp.core.approvers.department_approvers, HR when a department has no head), the top department's heads for
Scorer.GENERAL_MANAGER, HR for Scorer.HR — the same people access.is_scorer admits."""
from collections import Counter

import sqlalchemy as sa

from hrapp.core.approvers import department_approvers, hr_users
from hrapp.core.tree import root_path
from hrapp.extensions import db
from hrapp.models import Appraisal, Department, Scorer, User


def scorer_users(rows: list[tuple[int, Scorer]]) -> dict[tuple[int, Scorer], list[User]]:
    """(department id, scorer kind) -> the users who score such appraisals; one query per department."""
    departments = {d.id: d for d in db.session.scalars(
        sa.select(Department).where(Department.id.in_({department_id for department_id, _ in rows})))}
    tops = {d.path: d for d in db.session.scalars(sa.select(Department).where(Department.parent_id.is_(None)))}
    hr = None
    answer: dict[tuple[int, Scorer], list[User]] = {}
    for department_id, scorer in set(rows):
        department = departments[department_id]
        if scorer == Scorer.HR:
            hr = hr if hr is not None else hr_users()
            answer[(department_id, scorer)] = hr
        elif scorer == Scorer.GENERAL_MANAGER:
            top = tops.get(root_path(department.path))
            answer[(department_id, scorer)] = department_approvers(top) if top else []
        else:
            answer[(department_id, scorer)] = department_approvers(department)
    return answer


def count_by_scorer(appraisals: list[Appraisal]) -> dict[User, int]:
    """Each scorer user -> how many of `appraisals` they score (never their own)."""
    users = scorer_users([(a.department_id, a.scorer) for a in appraisals])
    counts: Counter = Counter()
    by_id = {}
    for appraisal in appraisals:
        for user in users[(appraisal.department_id, appraisal.scorer)]:
            if user.staff_id is not None and user.staff_id == appraisal.staff_id:
                continue
            counts[user.id] += 1
            by_id[user.id] = user
    return {by_id[user_id]: count for user_id, count in sorted(counts.items())}
