"""The effect of training, computed: no request, no database — lists in, numbers out.

Reaction: the feedback's distribution, average and response rate. Learning: pass rates, the average score and the
score change first → last for people with several attempts. Behaviour: violations in the EFFECT_WINDOW_DAYS before
and after each person's anchor day (the session day itself in neither window), for the attendees and for the
colleagues who did not attend, per 100 people.
"""
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from hrapp.blueprints.training.rules import EFFECT_WINDOW_DAYS
from hrapp.core.percent import percent
from hrapp.models import FeedbackRating, ViolationState

ONE_DECIMAL = Decimal("0.1")
# Violations that count: recorded and not withdrawn (proposals, dismissed proposals, drafts and voided ones do not).
NOT_COUNTED_STATES = frozenset({ViolationState.PROPOSED, ViolationState.DISMISSED, ViolationState.DRAFT,
                                ViolationState.VOID})
COUNTED_STATES = frozenset(ViolationState) - NOT_COUNTED_STATES
RATINGS = tuple(sorted(FeedbackRating, reverse=True))  # 5 (best) first, as the page shows them


def one_decimal(value: Decimal) -> Decimal:
    return value.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)  # as people round: 10.25 -> 10.3


def mean(values: list[Decimal]) -> Decimal | None:
    """The average with one decimal, None for no values."""
    if not values:
        return None
    return one_decimal(sum(values, Decimal(0)) / len(values))


# --- reaction ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Reaction:
    distribution: tuple[tuple[FeedbackRating, int], ...]  # every rating, best first, with its count
    responses: int
    present: int
    average: Decimal | None  # 1..5, one decimal
    response_rate: Decimal | None  # % of present attendees who gave feedback


def reaction(ratings: Iterable[int], present: int) -> Reaction:
    """Feedback ratings (1..5) of the sessions, and how many attendees were present."""
    ratings = [int(r) for r in ratings]
    counts = {r: 0 for r in RATINGS}
    for value in ratings:
        counts[FeedbackRating(value)] += 1
    return Reaction(distribution=tuple(counts.items()), responses=len(ratings), present=present,
                    average=mean([Decimal(r) for r in ratings]), response_rate=percent(len(ratings), present))


# --- learning ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class AttemptRow:
    staff_id: int
    number: int
    score: Decimal
    passed: bool


@dataclass(frozen=True)
class Learning:
    people: int  # people assessed
    attempts: int
    pass_rate: Decimal | None  # % of people assessed who passed (at any attempt)
    first_pass_rate: Decimal | None  # % of people who passed at their first attempt
    average_score: Decimal | None  # over every attempt
    retaken_by: int  # people with several attempts
    score_change: Decimal | None  # their average change, first attempt → last


def learning(attempts: Iterable[AttemptRow]) -> Learning:
    """Each person's attempts (in any order); "first" and "last" by attempt number."""
    by_person: dict[int, list[AttemptRow]] = {}
    rows = list(attempts)
    for row in rows:
        by_person.setdefault(row.staff_id, []).append(row)
    passed = first_passed = 0
    changes = []
    for own in by_person.values():
        own.sort(key=lambda a: a.number)
        passed += any(a.passed for a in own)
        first_passed += own[0].passed
        if len(own) > 1:
            changes.append(own[-1].score - own[0].score)
    people = len(by_person)
    return Learning(people=people, attempts=len(rows), pass_rate=percent(passed, people),
                    first_pass_rate=percent(first_passed, people), average_score=mean([a.score for a in rows]),
                    retaken_by=len(changes), score_change=mean(changes))


# --- behaviour --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Window:
    """The days before and after an anchor day, the anchor itself in neither."""

    before_first: date
    before_last: date
    after_first: date
    after_last: date


def window(anchor: date, days: int = EFFECT_WINDOW_DAYS) -> Window:
    return Window(anchor - timedelta(days=days), anchor - timedelta(days=1), anchor + timedelta(days=1),
                  anchor + timedelta(days=days))


def after_window_passed(anchor: date, today: date, days: int = EFFECT_WINDOW_DAYS) -> bool:
    """Whether the whole after-window lies in the past (today is not over yet, so its last day must be before)."""
    return window(anchor, days).after_last < today


@dataclass(frozen=True)
class GroupBehaviour:
    people: int
    before: int  # violations in the people's before-windows
    after: int
    before_per_100: Decimal | None
    after_per_100: Decimal | None
    change_per_100: Decimal | None  # after − before, per 100 people
    partial: bool  # some after-window has not fully passed yet


def per_100(count: int, people: int) -> Decimal | None:
    return percent(count, people)


def group_behaviour(anchors: Mapping[int, date], violation_days: Mapping[int, Iterable[date]],
                    today: date, days: int = EFFECT_WINDOW_DAYS) -> GroupBehaviour:
    """Violations of each person (staff id -> the local days they happened) in the windows around their anchor
    (`window`: from `days` days before to the day before, and from the day after to `days` days after)."""
    before = after = 0
    last_complete = today - timedelta(days=days + 1)  # the latest anchor whose after-window is over
    partial = False
    for staff_id, anchor in anchors.items():
        for day in violation_days.get(staff_id, ()):
            offset = (day - anchor).days
            if -days <= offset <= -1:
                before += 1
            elif 1 <= offset <= days:
                after += 1
        partial = partial or anchor > last_complete
    people = len(anchors)
    before_100, after_100 = per_100(before, people), per_100(after, people)
    change = None if before_100 is None else after_100 - before_100
    return GroupBehaviour(people=people, before=before, after=after, before_per_100=before_100,
                          after_per_100=after_100, change_per_100=change, partial=partial)


def first_anchors(presences: Iterable[tuple[int, date]]) -> dict[int, date]:
    """Each attendee's anchor: the day of their first session (pairs of staff id and session day)."""
    anchors: dict[int, date] = {}
    for staff_id, day in presences:
        if staff_id not in anchors or day < anchors[staff_id]:
            anchors[staff_id] = day
    return anchors


def colleague_anchors(attendee_departments: Mapping[int, int], anchors: Mapping[int, date],
                      colleagues: Mapping[int, int]) -> dict[int, date]:
    """The comparison group: colleagues (staff id -> department) who did not attend, each anchored at the first
    anchor day of the attendees of their department (for one session: the session's day)."""
    first_of_department: dict[int, date] = {}
    for staff_id, department_id in attendee_departments.items():
        day = anchors[staff_id]
        if department_id not in first_of_department or day < first_of_department[department_id]:
            first_of_department[department_id] = day
    return {staff_id: first_of_department[department_id] for staff_id, department_id in colleagues.items()
            if staff_id not in anchors and department_id in first_of_department}


@dataclass(frozen=True)
class Behaviour:
    linked_rules: bool  # False: the course names no rules, nothing to count
    attendees: GroupBehaviour
    colleagues: GroupBehaviour

    @property
    def partial(self) -> bool:
        return self.attendees.partial or self.colleagues.partial

    @property
    def difference(self) -> Decimal | None:
        """How much more the attendees' rate fell (negative) or rose than the colleagues' (per 100 people)."""
        if self.attendees.change_per_100 is None or self.colleagues.change_per_100 is None:
            return None
        return self.attendees.change_per_100 - self.colleagues.change_per_100


def behaviour(linked_rules: bool, attendee_departments: Mapping[int, int], anchors: Mapping[int, date],
              colleagues: Mapping[int, int], violation_days: Mapping[int, Iterable[date]],
              today: date) -> Behaviour:
    """Attendees (staff id -> department, and their anchors) against their departments' other staff."""
    comparison = colleague_anchors(attendee_departments, anchors, colleagues)
    days = violation_days if linked_rules else {}
    return Behaviour(linked_rules=linked_rules, attendees=group_behaviour(anchors, days, today),
                     colleagues=group_behaviour(comparison, days, today))
