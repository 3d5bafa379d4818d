"""Signed-document data for the live server (called from live_server.seed): the front office's published
May 2026 roster (its head 王经理 works 早 five days, then rests two) and the organisation PKI."""
from datetime import date, time

from hrapp.blueprints.reports.services import ensure_demo_pki
from hrapp.blueprints.roster.rules import REST, WORK, ShiftTypeData
from hrapp.blueprints.roster.services import apply_pattern, create_roster, publish_roster, save_shift_type
from hrapp.extensions import db
from hrapp.models import PeriodKind

DOC_ROSTER = {"department": "FO", "month": date(2026, 5, 1), "row": "E0001"}


def seed_document_roster(head, front, head_staff) -> None:
    """Shift types 早/休 for FO and its published May 2026 roster, made by `head`. The caller commits."""
    save_shift_type(None, front, ShiftTypeData("早", "早班", WORK, time(7), time(15), 60, "Early", "#43a047"))
    save_shift_type(None, front, ShiftTypeData("休", "休息", REST, name_en="Rest", colour="#bdbdbd",
                                               counts_as_workday=False))
    roster = create_roster(head, front, PeriodKind.MONTH, DOC_ROSTER["month"])
    db.session.flush()
    apply_pattern(head, roster, "早早早早早休休", {head_staff.id: 0}, None)
    publish_roster(head, roster, None, override_reason="seed")
    ensure_demo_pki()
