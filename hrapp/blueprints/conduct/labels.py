"""Translated labels for the code-of-conduct enums (templates, exports, PDFs and the audit trail use these)."""
import enum

from flask_babel import lazy_gettext as _l

from hrapp.labels import register
from hrapp.models import (
    LedgerResolutionKind,
    Measure,
    PenaltyForm,
    RecordSource,
    RewardState,
    RuleCategory,
    RuleKind,
    ViolationState,
)

# The navbar menu every part's links go into (NavEntry(menu=MENU)).
MENU = _l("Conduct")

LABELS: dict[enum.Enum, object] = {
    RuleCategory.PENALTY: _l("Penalty"),
    RuleCategory.REWARD: _l("Reward"),
    RuleKind.FINE_RANGE: _l("Fine within a range"),
    RuleKind.FINE_MIN: _l("Fine of at least"),
    RuleKind.DAILY_WAGE_MULTIPLE: _l("Multiple of the day's wage"),
    RuleKind.AMOUNT_MULTIPLE: _l("Multiple of the amount involved"),
    RuleKind.COMPENSATION: _l("Compensation at cost"),
    RuleKind.DISMISSAL: _l("Dismissal"),
    RuleKind.HANDBOOK: _l("Lateness / early-leaving tiers"),
    RuleKind.WARNING: _l("Warning only"),
    RuleKind.COMMENDATION: _l("Commendation"),
    RuleKind.BONUS: _l("Bonus"),
    RuleKind.PROMOTION: _l("Promotion recommendation"),
    PenaltyForm.FINE: _l("Fine"),
    PenaltyForm.POINTS: _l("Performance points"),
    PenaltyForm.BOTH: _l("Fine and performance points"),
    ViolationState.PROPOSED: _l("Proposed"),
    ViolationState.DISMISSED: _l("Dismissed"),
    ViolationState.DRAFT: _l("Draft"),
    ViolationState.SUBMITTED: _l("Awaiting response"),
    ViolationState.ACKNOWLEDGED: _l("Acknowledged"),
    ViolationState.APPEALED: _l("Appealed"),
    ViolationState.REFERRED: _l("Referred to the general manager"),
    ViolationState.AWAITING_SECOND: _l("Awaiting second approval"),
    ViolationState.FINAL: _l("Final"),
    ViolationState.VOID: _l("Void"),
    RecordSource.WEB: _l("Web"),
    RecordSource.API: _l("API"),
    RecordSource.ATTENDANCE: _l("Attendance"),
    RecordSource.DEMO: _l("Demo data"),
    RewardState.DRAFT: _l("Draft"),
    RewardState.PROPOSED: _l("Proposed"),
    RewardState.APPROVED: _l("Approved"),
    RewardState.REJECTED: _l("Rejected"),
    RewardState.WITHDRAWN: _l("Withdrawn"),
    LedgerResolutionKind.ADJUSTED: _l("Adjusted"),
    LedgerResolutionKind.DEFERRED: _l("Deferred to the next month"),
    LedgerResolutionKind.OVERRIDE: _l("Override"),
}

# Apart: a dict literal keeps one key for equal values (Measure.DISMISSAL == RuleKind.DISMISSAL).
MEASURE_LABELS: dict[enum.Enum, object] = {
    Measure.NONE: _l("None"),
    Measure.WARNING: _l("Verbal warning"),
    Measure.WRITTEN_WARNING: _l("Written warning"),
    Measure.FINAL_WARNING: _l("Final warning"),
    Measure.DEMOTION: _l("Demotion"),
    Measure.TRANSFER: _l("Transfer"),
    Measure.UNPAID_SUSPENSION: _l("Unpaid suspension"),
    Measure.DISMISSAL_REVIEW: _l("Dismissal review"),
    Measure.DISMISSAL: _l("Dismissal"),
}

register(LABELS)
register(MEASURE_LABELS)
