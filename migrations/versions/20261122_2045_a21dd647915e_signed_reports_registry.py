"""Signed reports: registry of issued documents, their signatures, bulk issuing jobs.

Revision ID: a21dd647915e
Revises: e566af572619
Create Date: 2026-11-22 20:45:53.686495

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a21dd647915e'
down_revision = 'e566af572619'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('issued_documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=32), nullable=True),
    sa.Column('verification_code', sa.String(length=20), nullable=False),
    sa.Column('kind', sa.Enum('staff_card', 'job_description', name='documentkind', native_enum=False, length=20), nullable=False),
    sa.Column('title', sa.String(length=120), nullable=False),
    sa.Column('subject_key', sa.String(length=64), nullable=False),
    sa.Column('subject_label', sa.String(length=160), nullable=False),
    sa.Column('subject_staff_id', sa.Integer(), nullable=True),
    sa.Column('subject_department_id', sa.Integer(), nullable=True),
    sa.Column('subject_position_id', sa.Integer(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.Column('period_start_on', sa.Date(), nullable=True),
    sa.Column('period_end_on', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('pending', 'issued', 'superseded', name='documentstatus', native_enum=False, length=20), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('issued_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('completed_at', sa.DateTime(), nullable=True),
    sa.Column('superseded_by_id', sa.Integer(), nullable=True),
    sa.Column('slots', sa.JSON(), nullable=False),
    sa.Column('unsigned_sha256', sa.String(length=64), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=True),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.Column('pdf', sa.LargeBinary(), nullable=True),
    sa.ForeignKeyConstraint(['issued_by_id'], ['users.id'], name=op.f('fk_issued_documents_issued_by_id_users')),
    sa.ForeignKeyConstraint(['subject_department_id'], ['departments.id'], name=op.f('fk_issued_documents_subject_department_id_departments')),
    sa.ForeignKeyConstraint(['subject_position_id'], ['positions.id'], name=op.f('fk_issued_documents_subject_position_id_positions')),
    sa.ForeignKeyConstraint(['subject_staff_id'], ['staff_members.id'], name=op.f('fk_issued_documents_subject_staff_id_staff_members')),
    sa.ForeignKeyConstraint(['superseded_by_id'], ['issued_documents.id'], name=op.f('fk_issued_documents_superseded_by_id_issued_documents')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issued_documents')),
    sa.UniqueConstraint('number', name=op.f('uq_issued_documents_number')),
    sa.UniqueConstraint('verification_code', name=op.f('uq_issued_documents_verification_code'))
    )
    with op.batch_alter_table('issued_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_issued_documents_sha256'), ['sha256'], unique=False)
        batch_op.create_index('ix_issued_documents_subject', ['kind', 'subject_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_issued_documents_subject_department_id'), ['subject_department_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_issued_documents_subject_staff_id'), ['subject_staff_id'], unique=False)

    op.create_table('report_jobs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('staff_card', 'job_description', name='documentkind', native_enum=False, length=20), nullable=False),
    sa.Column('status', sa.Enum('queued', 'running', 'done', 'failed', name='jobstatus', native_enum=False, length=20), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('params', sa.JSON(), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('done', sa.Integer(), nullable=False),
    sa.Column('failed', sa.Integer(), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=True),
    sa.Column('heartbeat_at', sa.DateTime(), nullable=True),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_report_jobs_created_by_id_users')),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_report_jobs_department_id_departments')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_jobs'))
    )
    with op.batch_alter_table('report_jobs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_jobs_status'), ['status'], unique=False)

    op.create_table('document_signatures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('slot_index', sa.Integer(), nullable=False),
    sa.Column('signer_id', sa.Integer(), nullable=True),
    sa.Column('signer_name', sa.String(length=120), nullable=False),
    sa.Column('signer_role', sa.String(length=80), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('signed_at', sa.DateTime(), nullable=False),
    sa.Column('certificate_subject', sa.String(length=255), nullable=False),
    sa.Column('certificate_sha256', sa.String(length=64), nullable=False),
    sa.Column('sha256_after', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['issued_documents.id'], name=op.f('fk_document_signatures_document_id_issued_documents')),
    sa.ForeignKeyConstraint(['signer_id'], ['users.id'], name=op.f('fk_document_signatures_signer_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document_signatures')),
    sa.UniqueConstraint('document_id', 'sequence', name='document_sequence')
    )
    with op.batch_alter_table('document_signatures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_signatures_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_signatures_sha256_after'), ['sha256_after'], unique=False)


def downgrade():
    with op.batch_alter_table('document_signatures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_signatures_sha256_after'))
        batch_op.drop_index(batch_op.f('ix_document_signatures_document_id'))

    op.drop_table('document_signatures')
    with op.batch_alter_table('report_jobs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_jobs_status'))

    op.drop_table('report_jobs')
    with op.batch_alter_table('issued_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_issued_documents_subject_staff_id'))
        batch_op.drop_index(batch_op.f('ix_issued_documents_subject_department_id'))
        batch_op.drop_index('ix_issued_documents_subject')
        batch_op.drop_index(batch_op.f('ix_issued_documents_sha256'))

    op.drop_table('issued_documents')
