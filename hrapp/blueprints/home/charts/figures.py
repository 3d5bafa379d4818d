"""Each chart as the chart macro (_macros/charts.html) draws it: an ECharts option and the table behind it, built
from the same rows, with a title for the sheet export. Labels are translated here (the page's language); numbers
are plain numbers (Decimals shown as written, never in scientific or currency form)."""
from dataclasses import dataclass, field
from decimal import Decimal

from flask_babel import gettext as _

from hrapp.blueprints.appraisals.calibration.charts import bucket_names, grade_chart
from hrapp.blueprints.appraisals.calibration.overview import Section
from hrapp.blueprints.appraisals.metrics.rules import attendance_rate
from hrapp.blueprints.training.effect.charts import plain
from hrapp.core.percent import percent
from hrapp.core.sheets import Table
from hrapp.models import AppraisalCycle, Department
from hrapp.naming import display_name

from . import queries
from .rules import WEEKDAYS, MonthRange

NONE = "—"


@dataclass
class Figure:
    """One chart: its ECharts option, caption, table headings and rows (typed values: int, Decimal, str)."""

    name: str
    caption: str
    option: dict
    headers: list
    rows: list
    notes: list = field(default_factory=list)  # a second small table (heading, rows) shown under the chart

    def table(self) -> Table:
        """The rows as a sheet (CSV/XLSX export); a sheet title is at most 31 characters."""
        return Table(self.caption[:31], [str(h) for h in self.headers],
                     [[None if cell == NONE else cell for cell in row] for row in self.rows])

    def extra_tables(self) -> list[Table]:
        """The second small table as a further sheet (XLSX only), if there is one."""
        if not self.notes:
            return []
        headers, rows = self.notes
        return [Table(str(headers[0])[:31], [str(h) for h in headers], rows)]

    @property
    def shown_rows(self) -> list:
        return [[NONE if cell is None else cell for cell in row] for row in self.rows]


def _grid(option: dict, top: int = 40) -> dict:
    return {"tooltip": {"trigger": "axis"}, "legend": {"top": 0, "type": "scroll"},
            "grid": {"left": 50, "right": 50, "top": top, "bottom": 30, "containLabel": True}, **option}


def _name(departments: dict[int, Department], department_id: int) -> str:
    department = departments.get(department_id)
    return display_name(department) if department else str(department_id)


def attendance_figure(rows: list[queries.AttendanceRow], departments: dict, period: MonthRange) -> Figure:
    """Attendance rate per department (lines) and late days of all of them (bars) per month."""
    months = period.months
    by_key = {(row.department_id, row.month): row for row in rows}
    shown = [d for d in departments if any((d, m) in by_key for m in months)]
    series = [{"name": _name(departments, d), "type": "line", "connectNulls": True,
               "data": [plain(_rate(by_key.get((d, m)))) for m in months]} for d in shown]
    late = [sum(by_key[(d, m)].late_days for d in shown if (d, m) in by_key) for m in months]
    series.append({"name": _("Late days (all)"), "type": "bar", "yAxisIndex": 1, "data": late})
    option = _grid({"xAxis": {"type": "category", "data": months},
                    "yAxis": [{"type": "value", "name": _("Attendance rate (percent)"), "max": 100},
                              {"type": "value", "name": _("Late days"), "minInterval": 1}],
                    "series": series})
    headers = [_("Department"), _("Month"), _("Attended days"), _("Absent days"), _("Missing punch days"),
               _("Attendance rate (percent)"), _("Late days"), _("Late minutes")]
    table = [[_name(departments, d), m, r.attended, r.absent, r.missing_punch, _rate(r), r.late_days,
              r.late_minutes] for d in shown for m in months if (r := by_key.get((d, m)))]
    return Figure("attendance", _("Attendance rate and lateness by department and month"), option, headers, table)


def _rate(row: queries.AttendanceRow | None) -> Decimal | None:
    return None if row is None else attendance_rate(row.attended, row.absent, row.missing_punch)


def weekday_names() -> list[str]:
    return [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")]


def lateness_figure(cells: list[queries.LatenessCell], shifts: dict) -> Figure:
    """A heat map of late days: weekdays across, shift types down."""
    days = weekday_names()
    keys = sorted({cell.shift_type_id for cell in cells}, key=lambda k: (k is None, getattr(shifts.get(k), "code", "")))
    names = [display_name(shifts[k]) if k in shifts else _("No shift") for k in keys]
    by_key = {(cell.weekday, cell.shift_type_id): cell for cell in cells}
    data = [[w, y, by_key[(w, k)].late_days] for y, k in enumerate(keys) for w in WEEKDAYS if (w, k) in by_key]
    option = {"tooltip": {"position": "top"},
              "grid": {"left": 10, "right": 10, "top": 10, "bottom": 70, "containLabel": True},
              "xAxis": {"type": "category", "data": days, "splitArea": {"show": True}},
              "yAxis": {"type": "category", "data": names, "splitArea": {"show": True}},
              "visualMap": {"min": 0, "max": max([v for *_k, v in data] or [1]) or 1, "calculable": True,
                            "orient": "horizontal", "left": "center", "bottom": 0},
              "series": [{"name": _("Late days"), "type": "heatmap", "data": data, "label": {"show": True}}]}
    headers = [_("Shift"), _("Weekday"), _("Late days"), _("Attended days"), _("Late (percent)")]
    table = [[names[y], days[w], c.late_days, c.attended, percent(c.late_days, c.attended)]
             for y, k in enumerate(keys) for w in WEEKDAYS if (c := by_key.get((w, k)))]
    return Figure("lateness", _("Lateness by weekday and shift"), option, headers, table)


def violations_figure(rows: list[queries.ViolationRow], departments: dict, period: MonthRange,
                      english: bool) -> Figure:
    """Violations per month, stacked by rule; the table per month, department and rule."""
    months = period.months
    titles = {row.rule_code: (row.rule_title_en if english and row.rule_title_en else row.rule_title_zh)
              for row in rows}
    counts: dict[tuple[str, str], int] = {}
    for row in rows:
        counts[(row.rule_code, row.month)] = counts.get((row.rule_code, row.month), 0) + row.count
    series = [{"name": f"{code} {titles[code]}", "type": "bar", "stack": "rules",
               "data": [counts.get((code, m), 0) for m in months]} for code in sorted(titles)]
    option = _grid({"xAxis": {"type": "category", "data": months},
                    "yAxis": {"type": "value", "name": _("Violations"), "minInterval": 1}, "series": series}, 60)
    headers = [_("Month"), _("Department"), _("Rule"), _("Violations")]
    table = [[row.month, _name(departments, row.department_id), f"{row.rule_code} {titles[row.rule_code]}",
              row.count] for row in rows]
    return Figure("violations", _("Violations by rule and department per month"), option, headers, table)


def money_figure(rows: list[queries.MoneyRow]) -> Figure:
    """Rewards against fines per month (amounts)."""
    months = [row.month for row in rows]
    option = _grid({"xAxis": {"type": "category", "data": months},
                    "yAxis": {"type": "value", "name": _("Amount")},
                    "series": [{"name": _("Rewards"), "type": "bar", "data": [plain(r.rewards) for r in rows]},
                               {"name": _("Fines"), "type": "bar", "data": [plain(r.fines) for r in rows]}]})
    headers = [_("Month"), _("Rewards"), _("Fines")]
    return Figure("money", _("Rewards against fines"), option, headers,
                  [[row.month, row.rewards, row.fines] for row in rows])


def grades_figure(section: Section | None, cycle: AppraisalCycle | None) -> Figure:
    """The cycle's results per grade (calibration's chart) and the guide's buckets against the guide."""
    caption = _("Appraisal grades against the guide")
    if section is None or cycle is None:
        return Figure("grades", caption, {}, [_("Grade"), _("People")], [])
    chart = grade_chart(section)
    names = bucket_names()
    buckets = [[names[b["bucket"]], b["count"], b["share"], Decimal(b["guide"]), _("Over the guide") if b["over"]
                else ""] for b in chart["buckets"]]
    figure = Figure("grades", f"{caption} ({cycle.name})", chart["option"], chart["headers"], chart["rows"])
    figure.notes = [[_("Guide bucket"), _("People"), _("Share (percent)"), _("Guide (percent)"), ""], buckets]
    return figure


def training_figure(rows: list[queries.TrainingRow]) -> Figure:
    """Person-hours planned against class hours attended, per quarter."""
    quarters = [f"{row.year} Q{row.quarter}" for row in rows]
    option = _grid({"xAxis": {"type": "category", "data": quarters},
                    "yAxis": {"type": "value", "name": _("Hours")},
                    "series": [{"name": _("Planned person-hours"), "type": "bar",
                                "data": [plain(r.planned) for r in rows]},
                               {"name": _("Hours attended"), "type": "bar", "data": [plain(r.actual) for r in rows]}]})
    headers = [_("Quarter"), _("Planned person-hours"), _("Hours attended"), _("Of plan (percent)")]
    table = [[q, r.planned, r.actual, percent(r.actual, r.planned)] for q, r in zip(quarters, rows, strict=True)]
    return Figure("training", _("Training hours against plan"), option, headers, table)
