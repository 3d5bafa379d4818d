"""Translated labels for the appraisal enums (registered into hrapp.labels.label()), and the navbar menu.

One dict per enum: a dict literal would merge members of different enums with the same value
(CycleStage.PUBLISHED and AppraisalStatus.PUBLISHED)."""
import enum

from flask_babel import lazy_gettext as _l

from hrapp.labels import register
from hrapp.models import (
    AppraisalStatus,
    CriterionKind,
    CycleStage,
    Grade,
    ImprovementStatus,
    KpiSource,
    Metric,
    OutcomeKind,
    OutcomeStatus,
    Scorer,
)

# The navbar menu every part's links go into (NavEntry(menu=MENU)).
MENU = _l("Appraisals")

CRITERION_LABELS: dict[enum.Enum, object] = {
    CriterionKind.RATING: _l("Rating"),
    CriterionKind.KPI: _l("KPI with target"),
    CriterionKind.METRIC: _l("System metric"),
    CriterionKind.IMPORTED: _l("Imported KPI"),
}

METRIC_LABELS: dict[enum.Enum, object] = {
    Metric.ATTENDANCE_RATE: _l("Attendance rate"),
    Metric.LATE_COUNT: _l("Times late"),
    Metric.LATE_MINUTES: _l("Minutes late"),
    Metric.ABSENCES: _l("Days absent"),
    Metric.CONDUCT_POINTS: _l("Conduct points deducted"),
    Metric.FINES: _l("Fines (yuan)"),
    Metric.REWARDS: _l("Rewards"),
    Metric.TRAINING_HOURS: _l("Training hours"),
    Metric.TRAINING_SCORE: _l("Training assessment score"),
    Metric.CERTIFICATES_OVERDUE: _l("Certificates overdue"),
}

GRADE_LABELS: dict[enum.Enum, object] = {
    Grade.EXCELLENT: _l("Excellent"),
    Grade.GOOD: _l("Good"),
    Grade.PASS: _l("Satisfactory"),
    Grade.NEEDS_IMPROVEMENT: _l("Needs improvement"),
    Grade.FAIL: _l("Unsatisfactory"),
}

STAGE_LABELS: dict[enum.Enum, object] = {
    CycleStage.SETUP: _l("Setting up"),
    CycleStage.SELF_ASSESSMENT: _l("Self-assessment"),
    CycleStage.HEAD_SCORING: _l("Head scoring"),
    CycleStage.CALIBRATION: _l("Calibration"),
    CycleStage.PUBLISHED: _l("Results published"),
    CycleStage.CLOSED: _l("Closed"),
}

STATUS_LABELS: dict[enum.Enum, object] = {
    AppraisalStatus.SELF_REVIEW: _l("Waiting for self-assessment"),
    AppraisalStatus.HEAD_REVIEW: _l("Waiting for the head's scoring"),
    AppraisalStatus.SCORED: _l("Scored"),
    AppraisalStatus.PUBLISHED: _l("Published"),
    AppraisalStatus.ACKNOWLEDGED: _l("Acknowledged"),
    AppraisalStatus.APPEALED: _l("Appealed"),
    AppraisalStatus.DECIDED: _l("Appeal decided"),
}

SCORER_LABELS: dict[enum.Enum, object] = {
    Scorer.HEAD: _l("Department head"),
    Scorer.GENERAL_MANAGER: _l("General manager"),
    Scorer.HR: _l("HR"),
}

SOURCE_LABELS: dict[enum.Enum, object] = {
    KpiSource.CSV: _l("CSV file"),
    KpiSource.XLSX: _l("Excel file"),
    KpiSource.API: _l("API"),
    KpiSource.WEB: _l("Entered on the page"),
}

OUTCOME_KIND_LABELS: dict[enum.Enum, object] = {
    OutcomeKind.REWARD: _l("Reward proposal"),
    OutcomeKind.TRAINING: _l("Training need"),
    OutcomeKind.IMPROVEMENT: _l("Improvement plan"),
}

OUTCOME_STATUS_LABELS: dict[enum.Enum, object] = {
    OutcomeStatus.SUGGESTED: _l("Suggested"),
    OutcomeStatus.CONFIRMED: _l("Confirmed"),
    OutcomeStatus.DISMISSED: _l("Dismissed"),
}

IMPROVEMENT_LABELS: dict[enum.Enum, object] = {
    ImprovementStatus.OPEN: _l("In progress"),
    ImprovementStatus.MET: _l("Goals met"),
    ImprovementStatus.NOT_MET: _l("Goals not met"),
}

for labels in (CRITERION_LABELS, METRIC_LABELS, GRADE_LABELS, STAGE_LABELS, STATUS_LABELS, SCORER_LABELS,
               SOURCE_LABELS, OUTCOME_KIND_LABELS, OUTCOME_STATUS_LABELS, IMPROVEMENT_LABELS):
    register(labels)
