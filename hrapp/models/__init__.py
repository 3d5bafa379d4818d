"""All models, imported here so Alembic autogenerate sees every table."""
from hrapp.models.appraisal import (
    Appraisal,
    AppraisalCycle,
    AppraisalItem,
    AppraisalStatus,
    AppraisalTemplate,
    Criterion,
    CriterionKind,
    CycleStage,
    Grade,
    Metric,
    Scorer,
)
from hrapp.models.appraisal_result import (
    AppraisalAdjustment,
    AppraisalOutcome,
    AppraisalReminder,
    ImprovementPlan,
    ImprovementStatus,
    KpiImport,
    KpiSource,
    KpiValue,
    OutcomeKind,
    OutcomeStatus,
    PeerFeedback,
)
from hrapp.models.attachment import Attachment
from hrapp.models.attendance import (
    AttendanceCorrection,
    AttendanceDay,
    AttendanceDevice,
    AttendanceSettings,
    CorrectionKind,
    CorrectionStatus,
    DayStatus,
    DeviceUserId,
    OvertimeApproval,
    PenaltyRoute,
    Punch,
    PunchSource,
    PunchState,
    ShiftWindow,
)
from hrapp.models.audit import AuditEntry
from hrapp.models.base import utcnow
from hrapp.models.conduct import (
    ConductRule,
    ConductRuleVersion,
    ConductSettings,
    DisciplinaryMeasure,
    LedgerResolution,
    LedgerResolutionKind,
    Measure,
    PenaltyForm,
    RecordSource,
    Reward,
    RewardState,
    RuleCategory,
    RuleKind,
    Violation,
    ViolationState,
)
from hrapp.models.job import Job, JobStatus, TickLease
from hrapp.models.leave import (
    OPEN_LEAVE,
    LeaveBalanceKind,
    LeaveBlackout,
    LeaveEntitlement,
    LeaveRequest,
    LeaveStatus,
    LeaveType,
)
from hrapp.models.notification import (
    DeliveryStatus,
    GroupRobot,
    Notification,
    NotificationRoute,
    OutwardChannel,
    OutwardDelivery,
    RobotPlatform,
)
from hrapp.models.org import (
    JOB_DESCRIPTION_TEXT_FIELDS,
    CompanySettings,
    Department,
    JobDescription,
    JobDescriptionStatus,
    Position,
)
from hrapp.models.pay import PayRate
from hrapp.models.period import PeriodClose
from hrapp.models.report import DocumentSignature, DocumentStatus, IssuedDocument
from hrapp.models.roster import (
    CalendarFeedToken,
    DayOffRequest,
    DayOffStatus,
    PeriodKind,
    Roster,
    RosterCell,
    RosterChange,
    RosterMember,
    RosterStatus,
    ShiftSwap,
    SwapStatus,
)
from hrapp.models.security import SecurityEvent, SecurityEventKind
from hrapp.models.shift import (
    CompanyHoliday,
    DayKind,
    HolidaySource,
    RestOwedEntry,
    RestOwedReason,
    RosterDemand,
    RosterRuleSettings,
    RosterWorkTerms,
    ShiftKind,
    ShiftType,
)
from hrapp.models.staff import EmploymentEvent, EmploymentStatus, EventKind, Gender, StaffMember
from hrapp.models.submission import SubmissionToken
from hrapp.models.training import (
    Attempt,
    Certificate,
    Course,
    CourseCategory,
    Enrolment,
    EnrolmentStatus,
    Feedback,
    FeedbackRating,
    InductionAssignment,
    InductionReason,
    InductionStatus,
    PositionCourse,
    Presence,
    RequiredTrainingKind,
    SessionStatus,
    TrainingSession,
    course_rules,
)
from hrapp.models.training_plan import (
    NeedSource,
    NeedStatus,
    PlanItem,
    PlanSource,
    PlanStatus,
    TrainingNeed,
    TrainingPlan,
)
from hrapp.models.user import AnonymousUser, ApiToken, Role, User, department_heads

__all__ = [
    "JOB_DESCRIPTION_TEXT_FIELDS", "AnonymousUser", "ApiToken", "Attachment", "AuditEntry", "CompanySettings",
    "Department", "EmploymentEvent", "EmploymentStatus", "EventKind", "Gender", "JobDescription",
    "JobDescriptionStatus", "PayRate", "PeriodClose", "Position", "Role", "StaffMember", "User", "department_heads",
    "utcnow",
    # rostering
    "CalendarFeedToken", "CompanyHoliday", "DayKind", "DayOffRequest", "DayOffStatus",
    "HolidaySource", "Notification", "NotificationRoute", "OutwardChannel", "OutwardDelivery", "RobotPlatform", "GroupRobot", "DeliveryStatus",
    "PeriodKind", "RestOwedEntry", "RestOwedReason", "Roster", "RosterCell", "RosterMember", "RosterChange", "RosterDemand",
    "RosterRuleSettings", "RosterWorkTerms", "RosterStatus", "ShiftKind", "ShiftSwap", "ShiftType", "SwapStatus",
    # signed reports
    "DocumentSignature", "DocumentStatus", "IssuedDocument",
    # background work
    "Job", "JobStatus", "TickLease",
    # security log
    "SecurityEvent", "SecurityEventKind",
    # one-time create-form tokens
    "SubmissionToken",
    # attendance
    "AttendanceCorrection", "AttendanceDay", "AttendanceDevice", "AttendanceSettings", "CorrectionKind",
    "CorrectionStatus", "DayStatus", "DeviceUserId", "OvertimeApproval", "PenaltyRoute", "Punch", "PunchSource", "PunchState",
    "ShiftWindow",
    # leave
    "OPEN_LEAVE", "LeaveBalanceKind", "LeaveBlackout", "LeaveEntitlement", "LeaveRequest", "LeaveStatus", "LeaveType",
    # code of conduct
    "ConductRule", "ConductRuleVersion", "ConductSettings", "DisciplinaryMeasure", "LedgerResolution",
    "LedgerResolutionKind", "Measure", "PenaltyForm", "RecordSource", "Reward", "RewardState", "RuleCategory",
    "RuleKind", "Violation", "ViolationState",
    # training
    "Attempt", "Certificate", "Course", "CourseCategory", "Enrolment", "EnrolmentStatus", "Feedback",
    "FeedbackRating", "InductionAssignment", "InductionReason", "InductionStatus", "NeedSource", "NeedStatus",
    "PlanItem", "PlanSource", "PlanStatus", "PositionCourse", "Presence", "RequiredTrainingKind", "SessionStatus",
    "TrainingNeed", "TrainingPlan", "TrainingSession", "course_rules",
    # appraisals
    "Appraisal", "AppraisalAdjustment", "AppraisalCycle", "AppraisalItem", "AppraisalOutcome", "AppraisalReminder",
    "AppraisalStatus", "AppraisalTemplate", "Criterion", "CriterionKind", "CycleStage", "Grade", "ImprovementPlan",
    "ImprovementStatus", "KpiImport", "KpiSource", "KpiValue", "Metric", "OutcomeKind", "OutcomeStatus", "PeerFeedback",
    "Scorer",
]
