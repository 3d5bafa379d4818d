"""The CP-SAT model of a roster, and the greedy start it is given."""
from collections import Counter, defaultdict
from datetime import date, timedelta
from datetime import time as time_of_day

from ortools.sat.python import cp_model

from hrapp.blueprints.roster.generation.problem import FairnessCounts, GenerationProblem, may_work
from hrapp.blueprints.roster.rules import ContextShift, RuleSettings, ShiftSpec
from hrapp.core.periods import iso_week

# Weights of the (soft) objective: a day off or on a person's contracted working days weighs most, then a
# granted day-off wish, then an even spread.
W_TARGET, W_DAY_OFF, W_NIGHTS, W_WEEKENDS, W_HOLIDAYS, W_WORKDAYS, W_OVERSTAFF = 40, 20, 6, 4, 4, 3, 1


class RosterModel:
    """The CP-SAT model of one problem: x[s, d, k] = person s works shift k on day d."""

    def __init__(self, p: GenerationProblem):
        self.p = p
        self.m = cp_model.CpModel()
        self.work = [c for c, s in p.shifts.items() if s.is_work]
        self.x = {(s, d, k): self.m.new_bool_var(f"x{s}_{d:%m%d}_{k}")
                  for s in p.staff_ids for d in p.days for k in self.work}
        self.ctx: dict[int, list[ContextShift]] = defaultdict(list)
        for c in p.context:
            if c.spec.is_work:
                self.ctx[c.staff_id].append(c)
        self.slack: dict[tuple[date, str], cp_model.IntVar] = {}
        self.over: list[cp_model.IntVar] = []
        self._deviation = None
        self._cells()
        self._rest()
        self._consecutive()
        self._weekly_hours()
        self._demand()

    def works_on(self, s: int, d: date, workday_only: bool = False):
        return sum(self.x[s, d, k] for k in self.work
                   if not workday_only or self.p.shifts[k].counts_as_working_day)

    def _cells(self) -> None:
        for s in self.p.staff_ids:
            for d in self.p.days:
                self.m.add(self.works_on(s, d) <= 1)
                fixed = self.p.fixed.get((s, d))
                if fixed is not None:
                    for k in self.work:
                        self.m.add(self.x[s, d, k] == int(k == fixed))
                else:  # hard: who may work which shift on which day
                    for k in self.work:
                        if not may_work(self.p, s, d, k):
                            self.m.add(self.x[s, d, k] == 0)

    def _too_close(self, a: ShiftSpec, day_a: date, b: ShiftSpec, day_b: date) -> bool:
        """True if b (starting after a) overlaps a or leaves less than the minimum rest after it."""
        (sa, ea), (sb, eb) = a.interval(day_a), b.interval(day_b)
        if sb < sa:
            (sa, ea), (sb, eb) = (sb, eb), (sa, ea)
        return (sb - ea).total_seconds() / 60 < self.p.settings.min_rest_minutes

    def _rest(self) -> None:
        days, sp = self.p.days, self.p.shifts
        pairs = {(gap, k1, k2) for gap in (1, 2) for k1 in self.work for k2 in self.work
                 if self._too_close(sp[k1], days[0], sp[k2], days[0] + timedelta(days=gap))}
        for s in self.p.staff_ids:
            for i, d in enumerate(days):
                for gap, k1, k2 in pairs:
                    if i + gap < len(days):
                        self.m.add_bool_or([self.x[s, d, k1].Not(), self.x[s, days[i + gap], k2].Not()])
            for c in self.ctx.get(s, ()):
                for d in days:
                    if abs((d - c.day).days) <= 2:
                        for k in self.work:
                            if self._too_close(c.spec, c.day, sp[k], d):
                                self.m.add(self.x[s, d, k] == 0)

    def _consecutive(self) -> None:
        limit, days = self.p.settings.max_consecutive_days, self.p.days
        span = [days[0] - timedelta(days=limit - i) for i in range(limit)] + list(days) + [
            days[-1] + timedelta(days=i + 1) for i in range(limit)]
        inside = set(days)
        for s in self.p.staff_ids:
            # A day worked elsewhere (an earlier period, another department) is a working day whatever we do.
            elsewhere = {c.day for c in self.ctx.get(s, ()) if c.spec.counts_as_working_day}
            for i in range(len(span) - limit):
                window = span[i:i + limit + 1]
                if not any(d in inside and d not in elsewhere for d in window):
                    continue
                const = sum(1 for d in window if d in elsewhere)
                self.m.add(sum(self.works_on(s, d, True) for d in window if d in inside and d not in elsewhere)
                           <= max(0, limit - const))

    def _weekly_hours(self) -> None:
        st, days = self.p.settings, self.p.days
        for s in self.p.staff_ids:
            ctx = self.ctx.get(s, ())
            if st.comprehensive_hours:
                limit = st.max_weekly_minutes * len(days) // 7
                groups = {None: list(days)}
            else:
                limit = st.max_weekly_minutes
                groups = defaultdict(list)
                for d in days:
                    groups[iso_week(d)].append(d)
            for week, week_days in groups.items():
                const = sum(c.spec.paid_minutes for c in ctx if (week is None and days[0] <= c.day <= days[-1])
                            or (week is not None and iso_week(c.day) == week))
                self.m.add(sum(self.p.shifts[k].paid_minutes * self.x[s, d, k] for d in week_days
                               for k in self.work) <= max(0, limit - const))

    def _demand(self) -> None:
        n = len(self.p.staff_ids)
        for d in self.p.days:
            for k in self.work:
                need = max(0, self.p.demand.get((d, k), 0))
                staffed = sum(self.x[s, d, k] for s in self.p.staff_ids)
                self.slack[d, k] = slack = self.m.new_int_var(0, need, f"slack_{d:%m%d}_{k}")
                over = self.m.new_int_var(0, n, f"over_{d:%m%d}_{k}")
                self.m.add(staffed + slack - over == need)
                self.over.append(over)

    def spread(self, name: str, values: list) -> cp_model.IntVar:
        """max(values) - min(values) as a variable."""
        hi, lo = (self.m.new_int_var(0, 10_000, f"{name}_{w}") for w in ("hi", "lo"))
        self.m.add_max_equality(hi, values)
        self.m.add_min_equality(lo, values)
        return hi - lo

    def target_deviation(self):
        """Working days below or above each person's target range, summed (0 when everyone is within); the
        variables are made once and shared by both solves."""
        if self._deviation is not None:
            return self._deviation
        terms = []
        for s, t in self.p.targets.items():
            if s not in self.p.staff_ids:
                continue
            worked = sum(self.works_on(s, d, True) for d in self.p.days)
            under, over = (self.m.new_int_var(0, len(self.p.days), f"{w}_{s}") for w in ("under", "over"))
            self.m.add(under >= t.low - worked)
            self.m.add(over >= worked - t.high)
            terms += [under, over]
        self._deviation = sum(terms)
        return self._deviation

    def _may_ever(self, s: int, pick) -> bool:
        return any(pick(d, k) and self.p.fixed.get((s, d), k) == k and may_work(self.p, s, d, k)
                   for d in self.p.days for k in self.work)

    def fairness_objective(self):
        """The soft rules, weighted: contracted days, wishes, an even spread among those who may take a
        night/weekend/holiday at all (someone on office days only does not pull the spread), overstaffing."""
        p, x, night = self.p, self.x, lambda d, k: p.shifts[k].is_night
        nights, weekends, holidays, workdays = [], [], [], []
        for s in p.staff_ids:
            prior = p.prior_counts.get(s, FairnessCounts())
            if self._may_ever(s, night):
                nights.append(prior.nights + sum(x[s, d, k] for d in p.days for k in self.work if night(d, k)))
            if self._may_ever(s, lambda d, k: d.weekday() >= 5):
                weekends.append(prior.weekends + sum(self.works_on(s, d) for d in p.days if d.weekday() >= 5))
            if self._may_ever(s, lambda d, k: d in p.holidays):
                holidays.append(prior.holidays + sum(self.works_on(s, d) for d in p.days if d in p.holidays))
            if s not in p.targets:
                workdays.append(sum(self.works_on(s, d, True) for d in p.days))
        wishes = sum(self.works_on(s, d) for s, d in p.requested_off if (s, d) not in p.fixed and d in set(p.days))
        spreads = [(w, self.spread(name, v)) for w, name, v in (
            (W_NIGHTS, "nights", nights), (W_WEEKENDS, "weekends", weekends), (W_HOLIDAYS, "holidays", holidays),
            (W_WORKDAYS, "workdays", workdays)) if v]
        return (W_TARGET * self.target_deviation() + W_DAY_OFF * wishes + sum(w * v for w, v in spreads)
                + W_OVERSTAFF * sum(self.over))


def greedy(p: GenerationProblem) -> dict[tuple[int, date], str]:
    """A quick day-by-day assignment obeying the hard rules, used as the solver's starting point (may be short).

    Each day the most constrained shifts go first (nights, then the latest starts); see `_greedy_key` for who
    gets each one. Then people short of their contracted days get extra shifts (`topped_up`).
    """
    st = p.settings
    chosen: dict[tuple[int, date], str] = dict(p.fixed)
    placed = _placed(p, chosen)
    worked, nights, weekends = Counter(), Counter(), Counter()
    for s, prior in p.prior_counts.items():
        nights[s], weekends[s] = prior.nights, prior.weekends
    for d in p.days:
        for k in _order(p):
            need = p.demand.get((d, k), 0) - sum(1 for s in p.staff_ids if chosen.get((s, d)) == k)
            spec = p.shifts[k]
            candidates = [s for s in p.staff_ids if (s, d) not in chosen and may_work(p, s, d, k)
                          and _fits(st, placed[s], d, spec)]
            yesterday = d - timedelta(days=1)
            candidates.sort(key=lambda s: ((s, d) in p.requested_off, *_greedy_key(  # wishes last
                s, d, k, spec, chosen.get((s, yesterday)), _week_minutes(placed[s], d), worked, nights, weekends)))
            for s in candidates[:max(0, need)]:
                chosen[(s, d)] = k
                placed[s].append((d, spec))
                worked[s] += 1
                nights[s] += spec.is_night
                weekends[s] += d.weekday() >= 5
    return topped_up(p, {key: code for key, code in chosen.items() if key not in p.fixed})


def _order(p: GenerationProblem) -> list[str]:
    work = [k for k, s in p.shifts.items() if s.is_work]
    return sorted(work, key=lambda k: (not p.shifts[k].is_night, -(p.shifts[k].start or time_of_day.min).hour))


def _placed(p: GenerationProblem, chosen: dict) -> dict[int, list[tuple[date, ShiftSpec]]]:
    """Per person, the working shifts already placed: outside the period (context) and in `chosen`."""
    placed: dict[int, list[tuple[date, ShiftSpec]]] = {s: [] for s in p.staff_ids}
    for c in p.context:
        if c.spec.is_work and c.staff_id in placed:
            placed[c.staff_id].append((c.day, c.spec))
    for (s, d), k in chosen.items():
        if s in placed and p.shifts[k].is_work:
            placed[s].append((d, p.shifts[k]))
    return placed


def topped_up(p: GenerationProblem, cells: dict[tuple[int, date], str]) -> dict[tuple[int, date], str]:
    """`cells` (the non-fixed work cells of a roster meeting what demand it can) plus extra shifts for the people
    it leaves short of their contracted days. Extras only go where the hard rules allow, so they never take a
    shift from the demand: spread at the target's pace first, then on any day still free. Each goes on
    yesterday's shift if it fits, else the first allowed one that does."""
    chosen = dict(p.fixed) | dict(cells)
    placed = _placed(p, chosen)
    worked = Counter(s for (s, _d), k in chosen.items() if p.shifts[k].counts_as_working_day)
    order = _order(p)
    for paced in (True, False):
        for i, d in enumerate(p.days):
            for s in p.staff_ids:
                t = p.targets.get(s)
                if t is None or (s, d) in chosen or (s, d) in p.requested_off or worked[s] >= (
                        t.low * (i + 1) / len(p.days) if paced else t.low):
                    continue
                yesterday = chosen.get((s, d - timedelta(days=1)))
                for k in sorted(order, key=lambda k: (k != yesterday, p.shifts[k].is_night)):
                    spec = p.shifts[k]
                    if spec.counts_as_working_day and may_work(p, s, d, k) and _fits(p.settings, placed[s], d, spec):
                        chosen[(s, d)] = k
                        placed[s].append((d, spec))
                        worked[s] += 1
                        break
    return {key: code for key, code in chosen.items() if key not in p.fixed}


def _greedy_key(s: int, d: date, k: str, spec: ShiftSpec, yesterday: str | None, week_minutes: int,
                worked: Counter, nights: Counter, weekends: Counter) -> tuple:
    """Least worked this week first (keeps capacity for the weekend), then fewest nights/weekends, then
    fewest shifts overall, then someone staying on the same shift."""
    return (week_minutes, nights[s] if spec.is_night else 0, weekends[s] if d.weekday() >= 5 else 0,
            worked[s], yesterday != k, s)


def _week_minutes(placed: list[tuple[date, ShiftSpec]], d: date) -> int:
    week = iso_week(d)
    return sum(spec.paid_minutes for day, spec in placed if iso_week(day) == week)


def _fits(st: RuleSettings, placed: list[tuple[date, ShiftSpec]], d: date, spec: ShiftSpec) -> bool:
    """Whether one more shift on `d` keeps rest, consecutive days and weekly hours within the rules."""
    start, end = spec.interval(d)
    for day, other in placed:
        if abs((day - d).days) <= 2:
            o_start, o_end = other.interval(day)
            gap = (start - o_end) if o_start <= start else (o_start - end)
            if gap.total_seconds() / 60 < st.min_rest_minutes:
                return False
    if _week_minutes(placed, d) + spec.paid_minutes > st.max_weekly_minutes:
        return False
    days = {day for day, other in placed if other.counts_as_working_day} | {d}
    run, before = 1, d - timedelta(days=1)
    while before in days:
        run, before = run + 1, before - timedelta(days=1)
    after = d + timedelta(days=1)
    while after in days:
        run, after = run + 1, after + timedelta(days=1)
    return run <= st.max_consecutive_days
