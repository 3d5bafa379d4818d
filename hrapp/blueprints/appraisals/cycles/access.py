"""The cycles part's access rules, built on appraisals/access.py: everyone with the appraisal permission sees the
cycles; heads and HR see the progress (heads of their departments); HR sets cycles up and moves their stages."""
from hrapp.models import AppraisalCycle, CycleStage

from ..access import can_manage_appraisals, can_view_cycle, leads_appraisals

# Stages in which a person hired after opening may still be added.
ADD_PERSON_STAGES = frozenset({CycleStage.SELF_ASSESSMENT, CycleStage.HEAD_SCORING})


def can_list_cycles(user) -> bool:
    """The cycles list: heads and HR (staff reach their own appraisals from the scoring part's pages)."""
    return leads_appraisals(user)


def can_see_progress(user, cycle: AppraisalCycle) -> bool:
    """Progress counts and overdue lists: heads (their departments) and HR (everyone)."""
    return can_view_cycle(user, cycle) and leads_appraisals(user)


def can_edit_cycle(user, cycle: AppraisalCycle) -> bool:
    """Editing the cycle's deadlines, guide and note: HR, until it is closed."""
    return can_manage_appraisals(user) and cycle.stage != CycleStage.CLOSED


def can_move_cycle(user, cycle: AppraisalCycle) -> bool:
    """Moving the cycle to its next stage: HR."""
    return can_manage_appraisals(user)


def can_add_person(user, cycle: AppraisalCycle) -> bool:
    """Adding a person hired after opening: HR, while the cycle is open and before calibration."""
    return can_manage_appraisals(user) and cycle.stage in ADD_PERSON_STAGES
