"""The scoring part's own visibility rules, on the module's (appraisals/access.py)."""
from hrapp.models import Appraisal, AppraisalStatus

from ..access import can_view_result


def can_view_self_assessment(user, appraisal: Appraisal) -> bool:
    """The person always sees their own self-assessment; the head and HR once it is submitted (or the
    appraisal moved on without it)."""
    if appraisal.staff_id is not None and getattr(user, "staff_id", None) == appraisal.staff_id:
        return True
    return appraisal.self_submitted_at is not None or appraisal.status != AppraisalStatus.SELF_REVIEW


def can_view_peer_summary(user, appraisal: Appraisal) -> bool:
    """The anonymous summary of peer feedback: the head and HR at every stage, the person once published
    (exactly who sees the result)."""
    return appraisal.template.peer_feedback and can_view_result(user, appraisal)
