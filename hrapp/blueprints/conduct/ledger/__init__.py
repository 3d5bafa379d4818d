"""Code of conduct — the monthly ledger: fines, rewards and net per person, the legal guard rail and HR's
resolutions, the close check, the payroll export (page and CLI) and the consistency view."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.conduct.access import ConductPerm
from hrapp.blueprints.conduct.labels import MENU
from hrapp.core.module import Module, NavEntry
from hrapp.permissions import has_perm

from . import cli  # noqa: F401  (adds `conduct ledger` to the module's command group)
from .access import can_resolve_ledger_of, can_view_ledger_of
from .audit_labels import AUDIT
from .close import conduct_close_check
from .routes import bp

PART = Module(
    name="conduct.ledger",
    blueprints=(bp,),
    nav=(NavEntry("conduct_ledger.list_ledger", _l("Ledger"), lambda user: has_perm(user, ConductPerm.LEDGER),
                  order=98, element_id="nav-conduct-ledger", menu=MENU),),
    close_checks=(conduct_close_check,),
    template_globals={"can_view_ledger_of": can_view_ledger_of, "can_resolve_ledger_of": can_resolve_ledger_of},
    benches=("bench.conduct_ledger",),
    audit=AUDIT,
)
