"""The company's attendance policy (one row; the defaults until HR saves it), and a shift type's windows."""
from dataclasses import dataclass

import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import AttendanceSettings, PenaltyRoute, ShiftWindow


def attendance_settings() -> AttendanceSettings:
    """The stored row, or an unsaved one with the defaults."""
    return db.session.scalar(sa.select(AttendanceSettings).limit(1)) or _default_settings()


def _default_settings() -> AttendanceSettings:
    return AttendanceSettings(
        web_punch_networks="", checkin_opens_minutes=120, checkout_closes_minutes=360, grace_minutes=5,
        half_day_minutes=120, overtime_needs_approval=True, overtime_minimum_minutes=30, corrections_per_month=3,
        penalties_via=PenaltyRoute.CONDUCT)


@dataclass(frozen=True)
class Windows:
    """The windows a shift's punches are read with (minutes)."""

    checkin_opens: int
    checkout_closes: int
    grace: int
    half_day: int


def windows_by_shift_type(settings: AttendanceSettings | None = None) -> dict[int | None, Windows]:
    """shift type id -> its windows (the company's where the type sets none); key None: the company's. One
    query: without `settings`, the stored settings row is read with the shift types' windows."""
    if settings is None:
        settings, shift_windows = _settings_and_windows()
    else:
        shift_windows = db.session.scalars(sa.select(ShiftWindow)).all()
    company = Windows(settings.checkin_opens_minutes, settings.checkout_closes_minutes, settings.grace_minutes,
                      settings.half_day_minutes)
    result: dict[int | None, Windows] = {None: company}
    for w in shift_windows:
        result[w.shift_type_id] = Windows(
            w.checkin_opens_minutes if w.checkin_opens_minutes is not None else company.checkin_opens,
            w.checkout_closes_minutes if w.checkout_closes_minutes is not None else company.checkout_closes,
            w.grace_minutes if w.grace_minutes is not None else company.grace,
            w.half_day_minutes if w.half_day_minutes is not None else company.half_day)
    return result


def _settings_and_windows() -> tuple[AttendanceSettings, list[ShiftWindow]]:
    """The settings row (the defaults when none is stored) and every shift type's windows, in one statement: a
    single-row select outer-joined to both tables."""
    one = sa.select(sa.literal(1).label("one")).subquery()
    rows = db.session.execute(sa.select(AttendanceSettings, ShiftWindow).select_from(one)
                              .outerjoin(AttendanceSettings, sa.true()).outerjoin(ShiftWindow, sa.true())
                              .order_by(AttendanceSettings.id, ShiftWindow.id)).all()
    settings = rows[0][0] if rows and rows[0][0] is not None else _default_settings()
    windows = [w for row_settings, w in rows if w is not None and row_settings is rows[0][0]]
    return settings, windows


def penalised_by_conduct(settings: AttendanceSettings) -> bool:
    """How lateness, leaving early and absence cost money — the one place that says it, never both ways: True
    (PenaltyRoute.CONDUCT) when they become proposed violations and the payroll export deducts nothing for them;
    False (PenaltyRoute.PAYROLL) when the payroll export deducts them and nothing is proposed. An unsaved row
    counts as its default."""
    route = settings.penalties_via if settings.penalties_via is not None else PenaltyRoute.CONDUCT
    return PenaltyRoute(route) == PenaltyRoute.CONDUCT
