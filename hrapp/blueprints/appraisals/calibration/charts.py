"""The calibration page's charts: per department, the results per grade (bars) and per guide bucket (share
against the guide), each an ECharts option with the table beside it (_macros/charts.html draws both)."""
from flask_babel import gettext as _

from hrapp.blueprints.appraisals import rules
from hrapp.labels import label
from hrapp.models import Grade

from .overview import Section


def bucket_names() -> dict[str, str]:
    """The guide's buckets in the page's language."""
    return {rules.TOP: _("Top (excellent)"), rules.MIDDLE: _("Middle (good, satisfactory)"),
            rules.BOTTOM: _("Bottom (needs improvement, unsatisfactory)")}


def grade_chart(section: Section) -> dict:
    """How many results have each grade (best first), and the bucket shares against the guide."""
    names = [str(label(Grade(grade))) for grade in rules.GRADES]
    counts = [section.grades.get(grade, 0) for grade in rules.GRADES]
    distribution = section.distribution
    buckets = bucket_names()
    option = {
        "tooltip": {"trigger": "axis"},
        "legend": {"top": 0},
        "grid": {"left": 40, "right": 10, "top": 40, "bottom": 30},
        "xAxis": {"type": "category", "data": names},
        "yAxis": {"type": "value", "name": _("People"), "minInterval": 1},
        "series": [{"name": _("People"), "type": "bar", "data": counts}],
    }
    rows = [[name, count] for name, count in zip(names, counts, strict=True)]
    bucket_rows = [{"bucket": bucket, "name": buckets[bucket], "count": distribution.counts.get(bucket, 0),
                    "share": distribution.share(bucket), "guide": distribution.guide[bucket],
                    "over": distribution.over_guide(bucket)} for bucket in (rules.TOP, rules.MIDDLE, rules.BOTTOM)]
    return {"option": option, "headers": [_("Grade"), _("People")], "rows": rows, "buckets": bucket_rows,
            "caption": _("Results per grade")}
