"""Who is told what in sign-off (its notification kinds), and where the links point."""
import sqlalchemy as sa
from flask_babel import gettext as _

from hrapp.core.approvers import hr_users
from hrapp.extensions import db
from hrapp.labels import label
from hrapp.models import Appraisal, User
from hrapp.notifications import notify

from . import rules

APPEALED = "appraisal.appealed"  # to HR: an appeal to decide
APPEAL_DECIDED = "appraisal.appeal_decided"  # to the person: the decision and its reason
SILENCE = "appraisal.acknowledged_by_silence"  # to the person: the time to respond is over


def appraisal_url(appraisal: Appraisal) -> str:
    """The appraisal's page (the scoring part's `show_appraisal`), where the sign-off partials are shown; a
    plain path, so the tick and the demo (no request) link it too."""
    return f"/appraisals/{appraisal.id}"


def decide_url(appraisal: Appraisal) -> str:
    """HR's decision page of an appealed appraisal."""
    return f"/appraisals/signoff/{appraisal.id}/decide"


def person_accounts(appraisal: Appraisal) -> list[User]:
    """The enabled accounts of the person appraised (none for a team appraisal)."""
    if appraisal.staff_id is None:
        return []
    return list(db.session.scalars(sa.select(User).where(User.staff_id == appraisal.staff_id,
                                                         User.is_enabled.is_(True)).order_by(User.id)))


def _who(appraisal: Appraisal) -> tuple[str, str]:
    name = appraisal.staff.display_name if appraisal.staff is not None else appraisal.department.name
    return name, appraisal.cycle.name


def tell_hr_of_appeal(appraisal: Appraisal) -> None:
    """HR learns the person appealed and is asked to decide (linked to the decision page)."""
    name, cycle = _who(appraisal)
    users = [u for u in hr_users() if u.staff_id is None or u.staff_id != appraisal.staff_id]
    notify(users, lambda: _("%(name)s appealed their %(cycle)s appraisal result; please decide the appeal.",
                            name=name, cycle=cycle),
           decide_url(appraisal), kind=APPEALED)


def tell_person_of_decision(appraisal: Appraisal) -> None:
    """The person learns the decision (upheld, or the new total and grade) and its reason."""
    cycle, reason = appraisal.cycle.name, appraisal.decision_reason
    total, grade = f"{appraisal.total:.2f}" if appraisal.total is not None else "", appraisal.grade
    if appraisal.decision == rules.ADJUSTED:
        text = lambda: _("Your appeal against the %(cycle)s appraisal result was decided: the total is now "  # noqa: E731
                         "%(total)s (%(grade)s). Reason: %(reason)s", cycle=cycle, total=total,
                         grade=label(grade), reason=reason)
    else:
        text = lambda: _("Your appeal against the %(cycle)s appraisal result was decided: the result stands. "  # noqa: E731
                         "Reason: %(reason)s", cycle=cycle, reason=reason)
    notify(person_accounts(appraisal), text, appraisal_url(appraisal), kind=APPEAL_DECIDED)


def tell_person_of_silence(appraisal: Appraisal) -> None:
    """The person learns their time to respond ended and the result counts as acknowledged."""
    cycle = appraisal.cycle.name
    notify(person_accounts(appraisal), lambda: _(
        "The time to respond to your %(cycle)s appraisal result ended; it counts as acknowledged.", cycle=cycle),
        appraisal_url(appraisal), kind=SILENCE)
