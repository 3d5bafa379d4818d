"""A training session keeps its own class hours (the course's when set up)

Revision ID: 468cd5831560
Revises: 63f03e927c3a
Create Date: 2026-12-02 15:14:04.006445

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '468cd5831560'
down_revision = '63f03e927c3a'
branch_labels = None
depends_on = None


def upgrade():
    # Added with a default so the table needs no rebuild on SQLite (its enrolments refer to it); every existing
    # session then takes its course's hours, and new ones get theirs from the app (the model's insert hook).
    op.add_column("training_sessions", sa.Column("hours", sa.Numeric(precision=6, scale=1), nullable=False,
                                                 server_default="0"))
    op.execute("UPDATE training_sessions SET hours = (SELECT hours FROM training_courses "
               "WHERE training_courses.id = training_sessions.course_id)")


def downgrade():
    op.drop_column("training_sessions", "hours")
