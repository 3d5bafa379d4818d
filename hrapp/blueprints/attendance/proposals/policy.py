"""The one place that says how lateness costs money: as proposed fines or as payroll deductions, never both.

The proposals (this part) and the payroll export (the sheet) both ask `penalised_by_conduct`: when it holds,
violations are proposed and the payroll export deducts nothing for late, early or absent minutes; when it does
not, nothing is proposed and the payroll export deducts them.
"""
from hrapp.models import AttendanceSettings, PenaltyRoute


def penalised_by_conduct(settings: AttendanceSettings) -> bool:
    """True when lateness, leaving early and absence become proposed violations (PenaltyRoute.CONDUCT); False
    when the payroll export deducts them instead (PenaltyRoute.PAYROLL). An unsaved row counts as its default."""
    route = settings.penalties_via if settings.penalties_via is not None else PenaltyRoute.CONDUCT
    return PenaltyRoute(route) == PenaltyRoute.CONDUCT


def penalised_by_payroll(settings: AttendanceSettings) -> bool:
    """The other side of `penalised_by_conduct`: the payroll export deducts late, early and absent minutes."""
    return not penalised_by_conduct(settings)
