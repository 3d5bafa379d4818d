"""Appraisals — calibration: each department's distribution against the guide, outliers, scorers' leniency, adjusting a result with a reason, returning it to the head; the results list and API."""
from flask_babel import lazy_gettext as _l

from hrapp.core.module import Module, NotificationKind

from . import api
from .audit_labels import AUDIT
from .queries import adjustments_of
from .routes import bp
from .services import RETURNED_KIND

PART = Module(
    name="appraisals.calibration",
    audit=AUDIT,
    blueprints=(bp,),
    api_blueprints=(api.bp,),
    template_globals={"appraisal_adjustments": adjustments_of},
    notification_kinds=(NotificationKind(RETURNED_KIND, _l("Appraisal returned for scoring")),),
    benches=("bench.appraisal_calibration",),
)
