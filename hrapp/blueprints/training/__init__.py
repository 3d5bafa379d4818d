"""Training (培训): courses, plans, sessions, sign-in, assessment, certificates, induction, and whether training
worked.

Built in parts, each a sub-package declaring `PART = Module(...)`, combined here (hrapp.core.module.combine):
- courses/: the catalogue, positions' required training, the courses API;
- plans/: yearly plans per department, training needs, HR's approval, the signed plan;
- sessions/: sessions, enrolment and the waiting list, roster clashes and training shifts, invitations;
- results/: sign-in, attendance, assessment attempts, certificates and their expiry, feedback;
- records/: each person's training record and its signed PDF, induction assignments;
- effect/: reaction, learning and behaviour per course and session.
Shared by the parts: access.py, labels.py, rules.py (pure), signals.py (`training_completed`), cli.py (the
`training` command group).
"""
from flask_babel import lazy_gettext as _l

from hrapp.core.module import combine

from . import access, labels  # noqa: F401  (labels registers the enum labels)
from .cli import training_group
from .courses import PART as COURSES
from .effect import PART as EFFECT
from .plans import PART as PLANS
from .records import PART as RECORDS
from .results import PART as RESULTS
from .sessions import PART as SESSIONS

MODULE = combine(
    "training",
    (COURSES, PLANS, SESSIONS, RESULTS, RECORDS, EFFECT),
    label=_l("Training"),
    grants=access.GRANTS,
    visibility=access.VISIBILITY,
    template_globals=access.TEMPLATE_GLOBALS,
    cli=(training_group,),
)
