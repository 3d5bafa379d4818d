"""Code of conduct (奖惩制度): the fines-and-rewards catalogue, violations, acknowledgement and appeal, HR review,
rewards, other measures, signed notices and the monthly ledger.

The package is large, so each part is a sub-package declaring its own `PART = Module(...)`; this file combines
them into the one registered module (hrapp.core.module.combine):
- catalogue/: the versioned rule catalogue HR edits, its seed from code_of_conduct.yaml, the settings;
- violations/: recording violations (web and API), amounts and the escalation ladder, proposals from
  other modules, lists and the record page;
- review/: the violation workflow (submit, acknowledge / appeal, HR review, second approval, referral to the
  general manager) and the `tick` that acknowledges on silence;
- rewards/: rewards and the other measures on the staff history;
- ledger/: the monthly ledger, the legal guard rail, the payroll export and the consistency view;
- documents/: the signed penalty notice and commendation, and the demo data.
Shared by the parts: cli.py (the `conduct` command group), workflow.py (the violation's steps), penalty.py (the
amounts, pure), messages.py (the problem codes' texts), access.py (the one access mechanism's rules), labels.py, settings.py, numbering.py.
"""
from flask_babel import lazy_gettext as _l

from hrapp.core.module import combine

from . import access, labels  # noqa: F401  (labels registers the enum labels)
from .catalogue import PART as CATALOGUE
from .cli import conduct_group
from .documents import PART as DOCUMENTS
from .ledger import PART as LEDGER
from .review import PART as REVIEW
from .rewards import PART as REWARDS
from .violations import PART as VIOLATIONS

MODULE = combine(
    "conduct",
    (CATALOGUE, VIOLATIONS, REVIEW, REWARDS, LEDGER, DOCUMENTS),
    label=_l("Code of conduct"),
    closable=True,
    grants=access.GRANTS,
    visibility=access.VISIBILITY,
    template_globals=access.TEMPLATE_GLOBALS,
    cli=(conduct_group,),
)
