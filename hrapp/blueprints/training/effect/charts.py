"""The effect pages' charts: an ECharts option and the table beside it, built from the same numbers (the chart
macro in _macros/charts.html draws both). Titles and labels translated; numbers plain."""
from decimal import Decimal

from flask_babel import gettext as _

from hrapp.blueprints.training.rules import EFFECT_WINDOW_DAYS
from hrapp.labels import label

from .rules import Behaviour, Reaction


def plain(value: Decimal | None) -> float | None:
    """A number as the chart's JSON carries it (None: no value)."""
    return None if value is None else float(value)


def behaviour_chart(behaviour: Behaviour) -> dict:
    """Violations per 100 people before and after, attendees against colleagues (grouped bars)."""
    periods = [_("%(days)s days before", days=EFFECT_WINDOW_DAYS), _("%(days)s days after", days=EFFECT_WINDOW_DAYS)]
    groups = [(_("Attendees"), behaviour.attendees), (_("Colleagues who did not attend"), behaviour.colleagues)]
    option = {
        "tooltip": {"trigger": "axis"},
        "legend": {"top": 0},
        "grid": {"left": 40, "right": 10, "top": 40, "bottom": 30},
        "xAxis": {"type": "category", "data": periods},
        "yAxis": {"type": "value", "name": _("Violations per 100 people")},
        "series": [{"name": name, "type": "bar", "data": [plain(group.before_per_100), plain(group.after_per_100)]}
                   for name, group in groups],
    }
    headers = [_("Group"), *periods]
    rows = [[name, *(plain(v) if v is not None else "—" for v in (group.before_per_100, group.after_per_100))]
            for name, group in groups]
    return {"option": option, "headers": headers, "rows": rows, "caption": _("Violations per 100 people")}


def feedback_chart(reaction: Reaction) -> dict:
    """How many gave each rating (bars, best first)."""
    names = [str(label(rating)) for rating, _count in reaction.distribution]
    counts = [count for _rating, count in reaction.distribution]
    option = {
        "tooltip": {"trigger": "axis"},
        "grid": {"left": 40, "right": 10, "top": 20, "bottom": 30},
        "xAxis": {"type": "category", "data": names},
        "yAxis": {"type": "value", "name": _("Responses"), "minInterval": 1},
        "series": [{"name": _("Responses"), "type": "bar", "data": counts}],
    }
    return {"option": option, "headers": [_("Rating"), _("Responses")],
            "rows": [[name, count] for name, count in zip(names, counts, strict=True)],
            "caption": _("Feedback ratings")}
