"""Code of conduct — violations: recording (web and API) with the amount checked against the rule and its
ladder, evidence files, proposals from other modules, the lists and the record page."""
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.conduct.access import ConductPerm
from hrapp.blueprints.conduct.labels import MENU
from hrapp.core.module import Module, NavEntry, NotificationKind
from hrapp.labels import label
from hrapp.models import Measure
from hrapp.permissions import has_perm

from . import api
from .audit_labels import AUDIT
from .evidence import EVIDENCE
from .recording import propose_violation, record_violation
from .routes import bp
from .steps import recorder_steps
from .submitting import NOTIFICATION_KIND

__all__ = ["PART", "propose_violation", "record_violation"]


def rule_title(version) -> str:
    """A rule version's text in the interface language."""
    return version.title(str(get_locale() or "zh"))


def measure_label(value) -> str:
    """A measure (enum or its stored value) as people read it."""
    return str(label(Measure(value)))


PART = Module(
    name="conduct.violations",
    audit=AUDIT,
    blueprints=(bp,),
    api_blueprints=(api.bp, api.me_bp),
    attachment_owners=(EVIDENCE,),
    template_globals={"violation_recorder_steps": recorder_steps, "rule_title": rule_title,
                      "measure_label": measure_label},
    nav=(
        NavEntry("conduct_violations.list_violations", _l("Violations"),
                 lambda user: has_perm(user, ConductPerm.RECORD), order=100, element_id="nav-violations", menu=MENU),
        NavEntry("conduct_violations.list_my_violations", _l("My violations"),
                 lambda user: has_perm(user, ConductPerm.VIEW) and bool(getattr(user, "staff_id", None)),
                 order=101, element_id="nav-my-violations", menu=MENU),
    ),
    notification_kinds=(NotificationKind(NOTIFICATION_KIND, _l("Violation recorded")),),
    benches=("bench.conduct_violations",),
)
