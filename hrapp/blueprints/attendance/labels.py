"""Translated labels for the attendance enums (registered into hrapp.labels.label()), and the navbar menu."""
import enum

from flask_babel import lazy_gettext as _l

from hrapp.labels import register
from hrapp.models import CorrectionKind, CorrectionStatus, DayStatus, PenaltyRoute, PunchSource, PunchState

# The navbar menu every part's links go into (NavEntry(menu=MENU)).
MENU = _l("Attendance")

LABELS: dict[enum.Enum, object] = {
    PunchSource.WEB: _l("Punch button"),
    PunchSource.DEVICE: _l("Time clock"),
    PunchSource.FILE: _l("Imported file"),
    PunchSource.API: _l("API"),
    PunchSource.CORRECTION: _l("Correction"),
    PunchSource.DEMO: _l("Demo data"),
    PunchState.CHECK_IN: _l("Check-in"),
    PunchState.CHECK_OUT: _l("Check-out"),
    PunchState.BREAK_OUT: _l("Break out"),
    PunchState.BREAK_IN: _l("Break in"),
    PunchState.OVERTIME_IN: _l("Overtime in"),
    PunchState.OVERTIME_OUT: _l("Overtime out"),
    PunchState.UNDEFINED: _l("Unspecified"),
    DayStatus.PRESENT: _l("On time"),
    DayStatus.LATE: _l("Late"),
    DayStatus.EARLY: _l("Left early"),
    DayStatus.LATE_AND_EARLY: _l("Late and left early"),
    DayStatus.ABSENT: _l("Absent"),
    DayStatus.MISSING_PUNCH: _l("Missing punch"),
    DayStatus.LEAVE: _l("On leave"),
    DayStatus.REST: _l("Rest day"),
    DayStatus.REST_WORKED: _l("Worked a rest day"),
    DayStatus.PENDING: _l("Not yet complete"),
    DayStatus.UNROSTERED: _l("Punched without a shift"),
}

# Apart from LABELS: CorrectionStatus.PENDING and DayStatus.PENDING are equal strings (one dict key).
CORRECTION_LABELS: dict[enum.Enum, object] = {
    CorrectionKind.MISSING_IN: _l("Missing check-in"),
    CorrectionKind.MISSING_OUT: _l("Missing check-out"),
    CorrectionStatus.PENDING: _l("Waiting for the head"),
    CorrectionStatus.ACCEPTED: _l("Accepted"),
    CorrectionStatus.REJECTED: _l("Rejected"),
    CorrectionStatus.WITHDRAWN: _l("Withdrawn"),
    PenaltyRoute.CONDUCT: _l("Proposed fines under the code of conduct"),
    PenaltyRoute.PAYROLL: _l("Pay deductions in the payroll export"),
}

# The monthly sheet's mark per status (√ 迟 早 旷 假 休 加 缺).
MARKS = {
    DayStatus.PRESENT: "√", DayStatus.LATE: "迟", DayStatus.EARLY: "早", DayStatus.LATE_AND_EARLY: "迟早",
    DayStatus.ABSENT: "旷", DayStatus.MISSING_PUNCH: "缺", DayStatus.LEAVE: "假", DayStatus.REST: "休",
    DayStatus.REST_WORKED: "加", DayStatus.PENDING: "…", DayStatus.UNROSTERED: "加",
}

register(LABELS)
register(CORRECTION_LABELS)
