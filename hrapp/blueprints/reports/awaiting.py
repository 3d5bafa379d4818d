"""Who a pending document waits for, and telling them: after each issue or signature, the people who
may fill the next required slot get a notification."""
import sqlalchemy as sa
from flask_babel import gettext as _

from hrapp.blueprints.reports.access import can_fill_slot
from hrapp.blueprints.reports.sources import person_name
from hrapp.core.approvers import department_approvers
from hrapp.extensions import db
from hrapp.models import DocumentStatus, IssuedDocument, User
from hrapp.notifications import notify

AWAITING_SIGNATURE = "document.awaiting_signature"


def document_link(doc: IssuedDocument) -> str:
    """Where a document notification points (the UI's document page)."""
    return f"/reports/documents/{doc.id}"


def _candidates(doc: IssuedDocument, who: str) -> list[User]:
    if who == "head" and doc.subject_department is not None:
        return department_approvers(doc.subject_department)
    if who == "subject" and doc.subject_staff_id is not None:
        return list(db.session.scalars(sa.select(User).where(User.staff_id == doc.subject_staff_id)))
    if who.startswith("user:"):
        user = db.session.get(User, int(who[5:]))
        return [user] if user is not None else []
    return []  # "issuer": any HR clerk may sign; nobody in particular is waited for


def next_signers(doc: IssuedDocument) -> list[User]:
    """The people who may sign `doc`'s next required slot now (empty when none is required or the
    slot is HR's in general)."""
    index = len(doc.signatures)
    if doc.status != DocumentStatus.PENDING or index >= len(doc.slots) or not doc.slots[index].get("required", True):
        return []
    slot = doc.slots[index]
    return [u for u in _candidates(doc, slot["who"]) if can_fill_slot(u, doc, slot)]


def notify_next_signers(doc: IssuedDocument) -> list[User]:
    """Tell the next signers of `doc` that it awaits their signature; returns them."""
    users = next_signers(doc)
    if users:
        notify(users, lambda: _("%(title)s %(number)s (%(subject)s) awaits your signature.", title=doc.title,
                                number=doc.number, subject=doc.subject_label),
               document_link(doc), kind=AWAITING_SIGNATURE)
    return users


def waiting_message(doc: IssuedDocument, users: list[User]) -> str | None:
    """What the person who just issued or signed `doc` is told it now waits for (None if nothing)."""
    index = len(doc.signatures)
    if doc.status != DocumentStatus.PENDING or index >= len(doc.slots):
        return None
    label = doc.slots[index]["label"]
    if users:
        return _("It now waits for the signature of %(names)s (%(slot)s), who has been notified.",
                 names="、".join(person_name(u) for u in users), slot=label)
    return _("It now waits for the next signature: %(slot)s.", slot=label)
