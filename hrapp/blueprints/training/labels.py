"""Translated labels for the training enums (registered into hrapp.labels.label()), and the navbar menu."""
import enum

from flask_babel import lazy_gettext as _l

from hrapp.labels import register
from hrapp.models import (
    CourseCategory,
    EnrolmentStatus,
    FeedbackRating,
    InductionReason,
    InductionStatus,
    NeedSource,
    NeedStatus,
    PlanSource,
    PlanStatus,
    Presence,
    RequiredTrainingKind,
    SessionStatus,
)

# The navbar menu every part's links go into (NavEntry(menu=MENU)).
MENU = _l("Training")

CATEGORY_LABELS: dict[enum.Enum, object] = {
    CourseCategory.PRODUCT_KNOWLEDGE: _l("Product knowledge"),
    CourseCategory.COMMUNICATION: _l("Communication"),
    CourseCategory.LAWS: _l("Laws and regulations"),
    CourseCategory.TEAMWORK: _l("Teamwork"),
    CourseCategory.COMPLAINTS: _l("Complaint handling"),
    CourseCategory.ETIQUETTE: _l("Etiquette and grooming"),
    CourseCategory.SERVICE: _l("Service awareness"),
    CourseCategory.SAFETY: _l("Safety"),
}

KIND_LABELS: dict[enum.Enum, object] = {
    RequiredTrainingKind.INDUCTION: _l("Induction training"),
    RequiredTrainingKind.PRE_POST: _l("Pre-post training"),
    RequiredTrainingKind.GENERAL: _l("General professional training"),
}

PLAN_LABELS: dict[enum.Enum, object] = {
    PlanStatus.DRAFT: _l("Draft"),
    PlanStatus.SUBMITTED: _l("Waiting for HR"),
    PlanStatus.APPROVED: _l("Approved"),
    PlanStatus.RETURNED: _l("Returned"),
    PlanSource.REQUIRED: _l("Required by positions"),
    PlanSource.NEW_HIRES: _l("New hires"),
    PlanSource.NEED: _l("Training needs"),
    PlanSource.FREE: _l("Free entry"),
}

NEED_LABELS: dict[enum.Enum, object] = {
    NeedSource.APPRAISAL: _l("Appraisal"),
    NeedSource.QUALITY: _l("Quality monitoring"),
    NeedSource.MANUAL: _l("Raised by hand"),
    NeedStatus.OPEN: _l("Open"),
    NeedStatus.PLANNED: _l("In a plan"),
    NeedStatus.DISMISSED: _l("Dismissed"),
}

SESSION_LABELS: dict[enum.Enum, object] = {
    SessionStatus.SCHEDULED: _l("Scheduled"),
    SessionStatus.CANCELLED: _l("Cancelled"),
}

# Apart from SESSION_LABELS: a dict literal would merge SessionStatus.CANCELLED and EnrolmentStatus.CANCELLED.
ENROLMENT_LABELS: dict[enum.Enum, object] = {
    EnrolmentStatus.ENROLLED: _l("Enrolled"),
    EnrolmentStatus.WAITING: _l("On the waiting list"),
    EnrolmentStatus.CANCELLED: _l("Place cancelled"),
    Presence.UNMARKED: _l("Not marked"),
    Presence.PRESENT: _l("Present"),
    Presence.ABSENT: _l("Absent from training"),
    Presence.EXCUSED: _l("Excused"),
}

FEEDBACK_LABELS: dict[enum.Enum, object] = {
    FeedbackRating.VERY_SATISFIED: _l("Highly satisfied"),
    FeedbackRating.SATISFIED: _l("Generally satisfied"),
    FeedbackRating.NEUTRAL: _l("No opinion"),
    FeedbackRating.SOMEWHAT_DISSATISFIED: _l("Somewhat dissatisfied"),
    FeedbackRating.VERY_DISSATISFIED: _l("Very dissatisfied"),
}

INDUCTION_LABELS: dict[enum.Enum, object] = {
    InductionReason.HIRE: _l("On hire"),
    InductionReason.TRANSFER: _l("On transfer"),
    InductionStatus.OPEN: _l("To do"),
    InductionStatus.DONE: _l("Done"),
    InductionStatus.WAIVED: _l("Waived"),
}

for labels in (CATEGORY_LABELS, KIND_LABELS, PLAN_LABELS, NEED_LABELS, SESSION_LABELS, ENROLMENT_LABELS,
               FEEDBACK_LABELS, INDUCTION_LABELS):
    register(labels)
