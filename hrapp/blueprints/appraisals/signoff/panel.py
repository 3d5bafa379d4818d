"""What the appraisal page's sign-off partials show (template global `signoff_panel`): the person's steps while
the time to respond is open (or why it is closed), the appeal, the decision, HR's link to decide, and the signed
appraisal forms the reader may see with the link to issue one."""
from dataclasses import dataclass

from flask_babel import gettext as _
from flask_login import current_user

from hrapp.blueprints.conduct.documents.panel import DocumentPanel, document_panel
from hrapp.company import company_today
from hrapp.models import Appraisal

from ..access import can_decide_appeal, can_respond, can_view_result
from . import rules
from .documents import FORM_KIND
from .forms import AcknowledgeForm, AppealForm
from .messages import RESPONSE_CLOSED
from .notices import decide_url


@dataclass(frozen=True)
class SignoffPanel:
    """`forms`: the person's step forms ("acknowledge", "appeal") when they may respond now; `closed`: why they
    may no longer ("" when open); `decision`: the decision's wording ("" while none); `decide_url`: HR's page."""

    forms: dict
    closed: str
    show_result: bool
    decision: str
    decide_url: str | None
    documents: DocumentPanel


def signoff_panel(appraisal: Appraisal) -> SignoffPanel:
    """The sign-off panel of `appraisal` for the current user."""
    forms, closed = {}, ""
    if can_respond(current_user, appraisal):
        if rules.may_still_respond(appraisal.respond_by, company_today()):
            forms = {"acknowledge": AcknowledgeForm(obj=appraisal, formdata=None),
                     "appeal": AppealForm(obj=appraisal, formdata=None)}
        else:
            closed = str(RESPONSE_CLOSED) % {"day": appraisal.respond_by.isoformat()}
    decision = ""
    if appraisal.decision:
        decision = _("Result upheld") if appraisal.decision == rules.UPHELD else _("Result adjusted")
    return SignoffPanel(forms=forms, closed=closed, show_result=can_view_result(current_user, appraisal),
                        decision=decision,
                        decide_url=decide_url(appraisal) if can_decide_appeal(current_user, appraisal) else None,
                        documents=document_panel(FORM_KIND, appraisal))
