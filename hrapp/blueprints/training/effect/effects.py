"""The effect of courses (in a year) or of one session: reaction, learning and behaviour, put together from the
queries (a fixed number of statements for any number of courses) and the pure rules."""
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from . import queries
from .queries import LocalDays, Selection
from .rules import Behaviour, Learning, Reaction, behaviour, first_anchors, learning, reaction


@dataclass(frozen=True)
class Effect:
    course_id: int
    attendees: int  # people present (in the counted departments)
    reaction: Reaction
    learning: Learning
    behaviour: Behaviour


def effects(selection: Selection, today: date, days: LocalDays) -> dict[int, Effect]:
    """Course id -> its effect over the selection's sessions and people."""
    rows = queries.presences(selection, days)
    by_course: dict[int, list[queries.PresenceRow]] = defaultdict(list)
    for row in rows:
        by_course[row.course_id].append(row)
    rules_of = queries.linked_rules(selection.course_ids)
    departments = {row.department_id for row in rows}
    colleagues = queries.colleagues(departments)
    with_rules = [row.day for row in rows if rules_of[row.course_id]]
    found = {}
    if with_rules:
        first, last = queries.behaviour_span(with_rules)
        found = queries.violation_days(departments, set().union(*rules_of.values()), first, last, days)
    ratings, attempts = queries.ratings(selection), queries.attempts(selection)
    result = {}
    for course_id in selection.course_ids:
        present = by_course.get(course_id, [])
        anchors = first_anchors((row.staff_id, row.day) for row in present)
        attendee_departments = {row.staff_id: row.department_id for row in present}
        result[course_id] = Effect(
            course_id=course_id, attendees=len(anchors),
            reaction=reaction(ratings.get(course_id, ()), len(present)),  # feedback is per session attended
            learning=learning(attempts.get(course_id, ())),
            behaviour=behaviour(bool(rules_of[course_id]), attendee_departments, anchors, colleagues,
                                _days_under(found, rules_of[course_id]), today))
    return result


def _days_under(found: dict, rule_ids: frozenset[int]) -> dict[int, list[date]]:
    """Staff id -> the days of their violations under any of `rule_ids`."""
    merged: dict[int, list[date]] = defaultdict(list)
    for rule_id in rule_ids:
        for staff_id, days in found.get(rule_id, {}).items():
            merged[staff_id].extend(days)
    return merged


def effect_of(selection: Selection, today: date, days: LocalDays) -> Effect:
    """One course's (or one session's) effect."""
    return effects(selection, today, days)[selection.course_ids[0]]
