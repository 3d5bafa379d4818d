"""The cycle's stages as declared steps on the shared workflow mechanism (state_attr="stage").

setup -> self_assessment (open; HR) or -> head_scoring (open_to_scoring, when no template used asks for a
self-assessment; taken by the opening service); self_assessment -> head_scoring; head_scoring -> calibration;
calibration -> published; published -> closed. The services in stages.py and opening.py take the steps and do
the work that goes with each; the page renders its own forms (the publish and calibration steps carry extra
questions) for the steps `available()` offers.
"""
from flask_babel import lazy_gettext as _l

from hrapp.core.workflow import Transition, Workflow
from hrapp.models import CycleStage as S

from .access import can_move_cycle

CYCLE_WORKFLOW = Workflow(
    name="appraisal_cycle",
    state_attr="stage",
    url_args=lambda cycle: {"cycle_id": cycle.id},
    audit_label=lambda cycle: cycle.name,
    transitions=(
        Transition("open", frozenset({S.SETUP}), S.SELF_ASSESSMENT, can_move_cycle, _l("Open the cycle"),
                   endpoint="appraisal_cycles.open_cycle", style="primary",
                   confirm=_l("Open the cycle? Everyone's appraisal is made from their template.")),
        Transition("open_to_scoring", frozenset({S.SETUP}), S.HEAD_SCORING, can_move_cycle,
                   _l("Open the cycle for head scoring"), automatic=True),
        Transition("to_head_scoring", frozenset({S.SELF_ASSESSMENT}), S.HEAD_SCORING, can_move_cycle,
                   _l("Start head scoring"), endpoint="appraisal_cycles.start_head_scoring", style="primary",
                   confirm=_l("Start head scoring? Self-assessments not submitted by now will not count.")),
        Transition("to_calibration", frozenset({S.HEAD_SCORING}), S.CALIBRATION, can_move_cycle,
                   _l("Start calibration"), endpoint="appraisal_cycles.start_calibration", style="primary"),
        Transition("publish", frozenset({S.CALIBRATION}), S.PUBLISHED, can_move_cycle, _l("Publish the results"),
                   endpoint="appraisal_cycles.publish_cycle", style="success",
                   confirm=_l("Publish the results? Everyone scored sees their result and is told.")),
        Transition("close", frozenset({S.PUBLISHED}), S.CLOSED, can_move_cycle, _l("Close the cycle"),
                   endpoint="appraisal_cycles.close_cycle", style="outline-danger",
                   confirm=_l("Close the cycle? Nothing in it can change afterwards.")),
    ),
)
