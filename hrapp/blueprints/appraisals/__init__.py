"""Appraisals (考核): quarterly (or other) cycles with stages and deadlines, templates of weighted criteria, metrics
from the system's own attendance, conduct and training records, imported KPIs, self and head scoring,
calibration, outcomes, sign-off with the signed appraisal form, and each person's history.

Built in parts, each a sub-package declaring `PART = Module(...)`, combined here (hrapp.core.module.combine):
- templates/: templates, criteria and grade bands;
- cycles/: cycles, stages and deadlines, opening and publishing, reminders, the cycles API;
- metrics/: system metrics and imported KPIs (files and API);
- scoring/: the appraisal page, self-assessment, head scoring, team appraisals, peer feedback;
- calibration/: distribution against the guide, leniency, adjustments, the results list and API;
- signoff/: acknowledgement, appeal and decision, the signed appraisal form, the person's appraisals API;
- outcomes/: reward proposals, training needs and improvement plans; history and the department report.
Shared by the parts: access.py, labels.py, rules.py (pure), messages.py, setup.py (making appraisals),
totals.py (totals and grades), workflow.py (the appraisal's steps), signals.py, cli.py (the `appraisals` group),
demo.py (the demo's two cycles, through the parts' demo steps).
"""
from flask_babel import lazy_gettext as _l

from hrapp.core.module import Module, combine

from . import access, demo, labels  # noqa: F401  (labels registers the enum labels)
from .calibration import PART as CALIBRATION
from .cli import appraisals_group
from .cycles import PART as CYCLES
from .metrics import PART as METRICS
from .outcomes import PART as OUTCOMES
from .scoring import PART as SCORING
from .signoff import PART as SIGNOFF
from .templates import PART as TEMPLATES

MODULE = combine(
    "appraisals",
    # The demo's cycles go last: they take the other parts' steps in turn (appraisals/demo.py).
    (TEMPLATES, CYCLES, METRICS, SCORING, CALIBRATION, SIGNOFF, OUTCOMES,
     Module(name="appraisals.demo", seed_demo=demo.seed_demo)),
    label=_l("Appraisals"),
    grants=access.GRANTS,
    visibility=access.VISIBILITY,
    template_globals=access.TEMPLATE_GLOBALS,
    cli=(appraisals_group,),
)
