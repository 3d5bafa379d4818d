"""A fictitious feature package for tests/test_modules.py: everything it brings is declared here, and
registering it takes one line in the module list (the test's config), nothing else."""
from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from flask import Blueprint
from flask_login import current_user

from hrapp.blueprints.reports.pdf.document import Letterhead, render
from hrapp.blueprints.reports.pdf.tables import para
from hrapp.blueprints.reports.types import RecordNotFound, ReportType, SlotSpec, Subject
from hrapp.core.module import Module, NavEntry, NotificationKind
from hrapp.extensions import db
from hrapp.models import Department, Role
from hrapp.notifications import notify
from hrapp.permissions import has_perm, permission_required

BADGE_VIEW = "fictitious.view"
PING = "fictitious.ping"
bp = Blueprint("fictitious", __name__, url_prefix="/fictitious")


@bp.route("/")
@permission_required(BADGE_VIEW)
def show_badges():
    """A page only the roles granted `fictitious.view` may open; it also sends its kind of notification."""
    notify([current_user], lambda: "ping", "/fictitious/", kind=PING)
    db.session.commit()
    return "fictitious badges"


@dataclass(frozen=True)
class BadgeData:
    letterhead: Letterhead
    department: str
    signature_labels: tuple[str, ...]


def _find(args: Sequence[str]) -> Department:
    department = db.session.scalar(sa.select(Department).where(Department.code == args[0]))
    if department is None:
        raise RecordNotFound(f"No department {args[0]}")
    return department


BADGE = ReportType(
    kind="fictitious_badge", name="badge", prefix="FB", title="徽章 Badge",
    slots=(SlotSpec("人事部 HR", "issuer", "徽章核准 Badge certified"),),
    model=Department,
    subject=lambda d: Subject(key=f"badge:{d.id}", label=d.name, department_id=d.id, source_id=d.id),
    data=lambda d, letterhead, labels: BadgeData(letterhead, d.name, labels),
    builder=lambda data: render(data.letterhead, [para(data.department)], data.signature_labels),
    find=_find, cli_args="DEPARTMENT_CODE")

MODULE = Module(
    name="fictitious",
    blueprints=(bp,),
    report_types=(BADGE,),
    grants={Role.HR: {BADGE_VIEW}, Role.ADMIN: {BADGE_VIEW}},
    nav=(NavEntry("fictitious.show_badges", "Badges", lambda user: has_perm(user, BADGE_VIEW), order=5,
                  element_id="nav-badges"),),
    notification_kinds=(NotificationKind(PING, "Ping"),),
)
