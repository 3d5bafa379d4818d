"""The organisation module's declared transitions, on the shared workflow mechanism (hrapp.core.workflow).

Job description: draft -> approved (HR and administrators: `Perm.JOB_APPROVE`); approving a version
supersedes the one in force (approved -> superseded, an automatic step of the approval).
"""
from flask_babel import lazy_gettext as _l

from hrapp.core.workflow import Transition, Workflow
from hrapp.models import JobDescription, JobDescriptionStatus
from hrapp.permissions import Perm, has_perm


def can_approve_description(user, description: JobDescription) -> bool:  # noqa: ARG001
    """Approving job descriptions is HR's and the administrators' (the JOB_APPROVE permission)."""
    return has_perm(user, Perm.JOB_APPROVE)


JOB_DESCRIPTION_WORKFLOW = Workflow(
    name="job_description",
    url_args=lambda jd: {"description_id": jd.id},
    audit_label=lambda jd: jd.position.code,
    transitions=(
        Transition("approve", frozenset({JobDescriptionStatus.DRAFT}), JobDescriptionStatus.APPROVED,
                   can_approve_description, _l("Approve"), endpoint="org.approve_description", style="success",
                   confirm=_l("Approve this version? It can no longer be edited afterwards.")),
        Transition("supersede", frozenset({JobDescriptionStatus.APPROVED}), JobDescriptionStatus.SUPERSEDED,
                   can_approve_description, _l("Superseded"), automatic=True),
    ),
)
