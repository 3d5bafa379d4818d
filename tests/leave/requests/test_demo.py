"""seed-demo's leave requests: approved, waiting and rejected ones across departments, the approved ones marked 假
in the demo rosters, and a waiting request of the demo staff account for their head."""
import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import LeaveRequest, LeaveStatus, RosterCell, ShiftKind, ShiftType, User

ARGS = ["seed-demo", "--staff", "60", "--seed", "4", "--password", "Demo-Password-2026"]


def test_demo_requests_and_the_leave_cells(runner):
    result = runner.invoke(args=ARGS)
    assert result.exit_code == 0, result.output
    assert "Leave:" in result.output
    statuses = set(db.session.scalars(sa.select(LeaveRequest.status).distinct()))
    assert {LeaveStatus.APPROVED, LeaveStatus.PENDING, LeaveStatus.REJECTED} <= statuses
    marked = db.session.scalar(sa.select(sa.func.count()).select_from(RosterCell).join(ShiftType)
                               .where(ShiftType.kind == ShiftKind.LEAVE))
    assert marked > 0
    staff = db.session.scalar(sa.select(User).where(User.username == "staff"))
    assert LeaveStatus.PENDING in set(db.session.scalars(sa.select(LeaveRequest.status).where(
        LeaveRequest.staff_id == staff.staff_id)))
