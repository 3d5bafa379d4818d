"""Leave replaces the roster's absences (types with the PRC defaults, entitlements, requests, blackouts; the
absences' rows become leave requests); attendance corrections; how attendance penalties are routed; the date a
person first started work.

Revision ID: 83eab1f01880
Revises: 1648529aef9a
Create Date: 2026-12-02 10:09:23.927728

"""
from datetime import UTC, datetime
from decimal import Decimal as D

import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = '83eab1f01880'
down_revision = '1648529aef9a'
branch_labels = None
depends_on = None

# The PRC default leave types, frozen as they were when this migration was written (hrapp/blueprints/leave/defaults.py).
FIELDS = ("code", "name", "name_en", "paid", "balance_kind", "yearly_days", "max_days", "counts_calendar_days",
          "half_days", "needs_hr_approval", "note_after_days", "ignores_blackouts", "carry_over_cap",
          "carry_over_months")
DEFAULT_TYPES = (
    ("annual", "年休假", "Annual leave", True, "entitlement", None, None, False, True, False, None, False, D(5), 3),
    ("sick", "病假", "Sick leave", True, "no_balance", None, None, False, True, False, D(2), True, D(0), 3),
    ("personal", "事假", "Personal leave", False, "no_balance", None, None, False, True, False, None, False, D(0), 3),
    ("marriage", "婚假", "Marriage leave", True, "no_balance", None, D(3), False, False, False, None, False, D(0), 3),
    ("maternity", "产假", "Maternity leave", True, "no_balance", None, D(98), True, False, True, D(0), True, D(0), 3),
    ("paternity", "陪产假", "Paternity / nursing leave", True, "no_balance", None, D(15), True, False, False, None, True,
     D(0), 3),
    ("bereavement", "丧假", "Bereavement leave", True, "no_balance", None, D(3), False, False, False, None, True, D(0), 3),
    ("work_injury", "工伤假", "Work-injury leave", True, "no_balance", None, None, True, False, True, D(0), True, D(0), 3),
    ("rest_owed", "调休", "Compensatory rest", True, "rest_owed", None, None, False, True, False, None, False, D(0), 3),
    ("other", "其他假", "Other leave", True, "no_balance", None, None, False, True, True, None, False, D(0), 3),
)
OLD_KINDS = ("annual", "sick", "personal", "rest_owed", "other")
NUMERIC = frozenset({"yearly_days", "max_days", "note_after_days", "carry_over_cap", "days"})


def _column(name: str) -> sa.ColumnClause:
    """A lightweight column, typed where a Decimal is bound (SQLite's driver binds no untyped Decimal)."""
    return sa.column(name, sa.Numeric(5, 1)) if name in NUMERIC else sa.column(name)


def _copy_absences_into_leave() -> None:
    """Each absence becomes a leave request of the type with its kind's code (approved or still waiting)."""
    bind = op.get_bind()
    now = datetime.now(UTC).replace(tzinfo=None)
    types = sa.table("leave_types", *(_column(f) for f in ("id", *FIELDS, "active", "sort_order", "version_id",
                                                              "created_at", "updated_at")))
    op.bulk_insert(types, [dict(zip(FIELDS, row, strict=True), active=True, sort_order=10 * (i + 1), version_id=1,
                                created_at=now, updated_at=now) for i, row in enumerate(DEFAULT_TYPES)])
    type_ids = dict(bind.execute(sa.select(types.c.code, types.c.id)).all())
    absences = sa.table("absences", *(sa.column(c) for c in ("id", "staff_id", "starts_on", "ends_on", "kind",
                                                             "approved", "note", "recorded_by_id", "created_at")))
    staff = sa.table("staff_members", sa.column("id"), sa.column("department_id"))
    rows = bind.execute(sa.select(absences, staff.c.department_id).join(staff, staff.c.id == absences.c.staff_id)
                        .order_by(absences.c.id)).mappings().all()
    requests = sa.table("leave_requests", *(_column(c) for c in (
        "staff_id", "department_id", "leave_type_id", "starts_on", "ends_on", "starts_afternoon", "ends_at_noon",
        "days", "reason", "status", "requested_by_id", "decided_by_id", "decided_at", "decision_note",
        "cancel_note", "version_id", "created_at", "updated_at")))
    if rows:
        op.bulk_insert(requests, [{
            "staff_id": r["staff_id"], "department_id": r["department_id"],
            "leave_type_id": type_ids.get(r["kind"], type_ids["other"]), "starts_on": r["starts_on"],
            "ends_on": r["ends_on"], "starts_afternoon": False, "ends_at_noon": False,
            "days": D((_day(r["ends_on"]) - _day(r["starts_on"])).days + 1), "reason": r["note"] or "",
            "status": "approved" if r["approved"] else "pending", "requested_by_id": r["recorded_by_id"],
            "decided_by_id": r["recorded_by_id"] if r["approved"] else None,
            "decided_at": r["created_at"] if r["approved"] else None, "decision_note": "", "cancel_note": "",
            "version_id": 1, "created_at": r["created_at"], "updated_at": now} for r in rows])


def _day(value):
    return datetime.fromisoformat(value).date() if isinstance(value, str) else value


def _copy_leave_back_into_absences() -> None:
    """Downgrade: approved and waiting leave requests become absences again (other codes as "other")."""
    bind = op.get_bind()
    requests = sa.table("leave_requests", *(sa.column(c) for c in (
        "staff_id", "leave_type_id", "starts_on", "ends_on", "status", "reason", "requested_by_id", "created_at")))
    types = sa.table("leave_types", sa.column("id"), sa.column("code"))
    rows = bind.execute(sa.select(requests, types.c.code).join(types, types.c.id == requests.c.leave_type_id)
                        .where(requests.c.status.in_(("approved", "pending", "awaiting_hr")))).mappings().all()
    absences = sa.table("absences", *(sa.column(c) for c in ("staff_id", "starts_on", "ends_on", "kind", "approved",
                                                             "note", "recorded_by_id", "created_at", "updated_at")))
    if rows:
        op.bulk_insert(absences, [{
            "staff_id": r["staff_id"], "starts_on": r["starts_on"], "ends_on": r["ends_on"],
            "kind": r["code"] if r["code"] in OLD_KINDS else "other", "approved": r["status"] == "approved",
            "note": (r["reason"] or "")[:255], "recorded_by_id": r["requested_by_id"], "created_at": r["created_at"],
            "updated_at": r["created_at"]} for r in rows])



def upgrade():
    # ### commands auto generated by Alembic - please adjust! ###
    op.create_table('leave_types',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('name_en', sa.String(length=80), nullable=False),
    sa.Column('paid', sa.Boolean(), nullable=False),
    sa.Column('balance_kind', sa.Enum('entitlement', 'rest_owed', 'no_balance', name='leavebalancekind', native_enum=False, length=20), nullable=False),
    sa.Column('yearly_days', sa.Numeric(precision=5, scale=1), nullable=True),
    sa.Column('max_days', sa.Numeric(precision=5, scale=1), nullable=True),
    sa.Column('counts_calendar_days', sa.Boolean(), nullable=False),
    sa.Column('half_days', sa.Boolean(), nullable=False),
    sa.Column('needs_hr_approval', sa.Boolean(), nullable=False),
    sa.Column('note_after_days', sa.Numeric(precision=5, scale=1), nullable=True),
    sa.Column('ignores_blackouts', sa.Boolean(), nullable=False),
    sa.Column('carry_over_cap', sa.Numeric(precision=5, scale=1), nullable=False),
    sa.Column('carry_over_months', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_leave_types')),
    sa.UniqueConstraint('code', name=op.f('uq_leave_types_code'))
    )
    op.create_table('leave_entitlements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('leave_type_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('granted_days', sa.Numeric(precision=5, scale=1), nullable=False),
    sa.Column('carried_days', sa.Numeric(precision=5, scale=1), nullable=False),
    sa.Column('carry_expires_on', sa.Date(), nullable=True),
    sa.Column('adjusted_days', sa.Numeric(precision=5, scale=1), nullable=False),
    sa.Column('note', sa.String(length=255), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['leave_type_id'], ['leave_types.id'], name=op.f('fk_leave_entitlements_leave_type_id_leave_types')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff_members.id'], name=op.f('fk_leave_entitlements_staff_id_staff_members'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_leave_entitlements')),
    sa.UniqueConstraint('staff_id', 'leave_type_id', 'year', name='leave_entitlement_once')
    )
    with op.batch_alter_table('leave_entitlements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_leave_entitlements_staff_id'), ['staff_id'], unique=False)

    op.create_table('leave_blackouts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=255), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('ends_on >= starts_on', name=op.f('ck_leave_blackouts_blackout_ends_after_start')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_leave_blackouts_created_by_id_users')),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_leave_blackouts_department_id_departments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_leave_blackouts'))
    )
    with op.batch_alter_table('leave_blackouts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_leave_blackouts_department_id'), ['department_id'], unique=False)

    op.create_table('leave_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=False),
    sa.Column('leave_type_id', sa.Integer(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('starts_afternoon', sa.Boolean(), nullable=False),
    sa.Column('ends_at_noon', sa.Boolean(), nullable=False),
    sa.Column('days', sa.Numeric(precision=5, scale=1), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('status', sa.Enum('pending', 'awaiting_hr', 'approved', 'rejected', 'withdrawn', 'cancelled', name='leavestatus', native_enum=False, length=20), nullable=False),
    sa.Column('requested_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('decision_note', sa.String(length=500), nullable=False),
    sa.Column('hr_decided_by_id', sa.Integer(), nullable=True),
    sa.Column('hr_decided_at', sa.DateTime(), nullable=True),
    sa.Column('cancelled_by_id', sa.Integer(), nullable=True),
    sa.Column('cancelled_at', sa.DateTime(), nullable=True),
    sa.Column('cancel_note', sa.String(length=500), nullable=False),
    sa.Column('original_ends_on', sa.Date(), nullable=True),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('ends_on >= starts_on', name=op.f('ck_leave_requests_leave_ends_after_start')),
    sa.ForeignKeyConstraint(['cancelled_by_id'], ['users.id'], name=op.f('fk_leave_requests_cancelled_by_id_users')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_leave_requests_decided_by_id_users')),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_leave_requests_department_id_departments')),
    sa.ForeignKeyConstraint(['hr_decided_by_id'], ['users.id'], name=op.f('fk_leave_requests_hr_decided_by_id_users')),
    sa.ForeignKeyConstraint(['leave_type_id'], ['leave_types.id'], name=op.f('fk_leave_requests_leave_type_id_leave_types')),
    sa.ForeignKeyConstraint(['requested_by_id'], ['users.id'], name=op.f('fk_leave_requests_requested_by_id_users')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff_members.id'], name=op.f('fk_leave_requests_staff_id_staff_members'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_leave_requests'))
    )
    with op.batch_alter_table('leave_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_leave_requests_department_id'), ['department_id'], unique=False)
        batch_op.create_index('ix_leave_requests_staff_dates', ['staff_id', 'starts_on', 'ends_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_leave_requests_status'), ['status'], unique=False)

    op.create_table('attendance_corrections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.Enum('missing_in', 'missing_out', name='correctionkind', native_enum=False, length=20), nullable=False),
    sa.Column('punched_at', sa.DateTime(), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('status', sa.Enum('pending', 'accepted', 'rejected', 'withdrawn', name='correctionstatus', native_enum=False, length=20), nullable=False),
    sa.Column('by_hr', sa.Boolean(), nullable=False),
    sa.Column('requested_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('decision_note', sa.String(length=500), nullable=False),
    sa.Column('punch_id', sa.Integer(), nullable=True),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('open_key', sa.String(length=160), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_attendance_corrections_decided_by_id_users')),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_attendance_corrections_department_id_departments')),
    sa.ForeignKeyConstraint(['punch_id'], ['attendance_punches.id'], name=op.f('fk_attendance_corrections_punch_id_attendance_punches')),
    sa.ForeignKeyConstraint(['requested_by_id'], ['users.id'], name=op.f('fk_attendance_corrections_requested_by_id_users')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff_members.id'], name=op.f('fk_attendance_corrections_staff_id_staff_members'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance_corrections')),
    sa.UniqueConstraint('open_key', name=op.f('uq_attendance_corrections_open_key'))
    )
    with op.batch_alter_table('attendance_corrections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendance_corrections_department_id'), ['department_id'], unique=False)
        batch_op.create_index('ix_attendance_corrections_staff_day', ['staff_id', 'day'], unique=False)
        batch_op.create_index(batch_op.f('ix_attendance_corrections_status'), ['status'], unique=False)

    _copy_absences_into_leave()  # before the absences go (the default types and the requests)
    with op.batch_alter_table('absences', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_absences_staff_dates'))

    op.drop_table('absences')
    with op.batch_alter_table('attendance_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('penalties_via', sa.Enum('conduct', 'payroll', name='penaltyroute', native_enum=False, length=20), nullable=False, server_default='conduct'))
    with op.batch_alter_table('attendance_settings', schema=None) as batch_op:
        batch_op.alter_column('penalties_via', server_default=None)

    with op.batch_alter_table('staff_members', schema=None) as batch_op:
        batch_op.add_column(sa.Column('career_started_on', sa.Date(), nullable=True))

    # ### end Alembic commands ###


def downgrade():
    # ### commands auto generated by Alembic - please adjust! ###
    # A plain DROP COLUMN (SQLite 3.35+), not a batch: rebuilding staff_members on SQLite drops the old table, and
    # with foreign keys enforced that cascades into every table referring to it (the leave copied back below).
    op.drop_column('staff_members', 'career_started_on')

    with op.batch_alter_table('attendance_settings', schema=None) as batch_op:
        batch_op.drop_column('penalties_via')

    op.create_table('absences',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('approved', sa.Boolean(), nullable=False),
    sa.Column('note', sa.String(length=255), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('ends_on >= starts_on', name=op.f('ck_absences_ends_after_start')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_absences_recorded_by_id_users')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff_members.id'], name=op.f('fk_absences_staff_id_staff_members'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_absences'))
    )
    with op.batch_alter_table('absences', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_absences_staff_dates'), ['staff_id', 'starts_on', 'ends_on'], unique=False)
    _copy_leave_back_into_absences()

    with op.batch_alter_table('attendance_corrections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attendance_corrections_status'))
        batch_op.drop_index('ix_attendance_corrections_staff_day')
        batch_op.drop_index(batch_op.f('ix_attendance_corrections_department_id'))

    op.drop_table('attendance_corrections')
    with op.batch_alter_table('leave_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_leave_requests_status'))
        batch_op.drop_index('ix_leave_requests_staff_dates')
        batch_op.drop_index(batch_op.f('ix_leave_requests_department_id'))

    op.drop_table('leave_requests')
    with op.batch_alter_table('leave_blackouts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_leave_blackouts_department_id'))

    op.drop_table('leave_blackouts')
    with op.batch_alter_table('leave_entitlements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_leave_entitlements_staff_id'))

    op.drop_table('leave_entitlements')
    op.drop_table('leave_types')
    # ### end Alembic commands ###
