"""Indexes the home pages and charts count from: attendance days by day, department, shift and status (replaces
the index on the day alone); violations by month, state, department and rule version (replaces the one on month
and state); the review queue by state and time.

Revision ID: cc0ff559ee74
Revises: 3897683cfa14
Create Date: 2026-12-03 04:17:01.710310

"""
from alembic import op

# revision identifiers, used by Alembic.
revision = 'cc0ff559ee74'
down_revision = '3897683cfa14'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_attendance_days_day_counts', 'attendance_days',
                    ['day', 'department_id', 'shift_type_id', 'status', 'late_minutes'], unique=False)
    op.drop_index('ix_attendance_days_day', table_name='attendance_days')
    op.create_index('ix_violations_month_state_department', 'violations',
                    ['ledger_month', 'state', 'department_id', 'rule_version_id'], unique=False)
    op.drop_index('ix_violations_ledger_month', table_name='violations')
    op.create_index('ix_violations_state_updated', 'violations', ['state', 'updated_at'], unique=False)


def downgrade():
    op.drop_index('ix_violations_state_updated', table_name='violations')
    op.create_index('ix_violations_ledger_month', 'violations', ['ledger_month', 'state'], unique=False)
    op.drop_index('ix_violations_month_state_department', table_name='violations')
    op.create_index('ix_attendance_days_day', 'attendance_days', ['day'], unique=False)
    op.drop_index('ix_attendance_days_day_counts', table_name='attendance_days')
