"""The calibration part's access rules, on appraisals/access.py."""
from hrapp.blueprints.appraisals.access import (
    can_manage_appraisals,
    can_view_appraisal,
    can_view_cycle,
    leads_appraisals,
)


def may_view_calibration(user, cycle) -> bool:
    """The calibration page and the results list of a cycle: HR (everything, adjusting) and heads (their
    departments' results, read only). Staff never."""
    return leads_appraisals(user) and can_view_cycle(user, cycle)


def may_calibrate_appraisal(user, appraisal) -> bool:
    """HR may open an appraisal's calibration page and post to it; whether the result is open for calibration
    now (access.can_calibrate) the page and the service say, so a lost race gets the stale message first."""
    return can_manage_appraisals(user) and can_view_appraisal(user, appraisal)
