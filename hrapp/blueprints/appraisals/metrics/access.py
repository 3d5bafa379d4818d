"""Who may read and change a cycle's metrics and imported KPIs: HR (appraisal.manage); changes only before the
cycle's results are published."""
from hrapp.blueprints.appraisals.access import can_manage_appraisals
from hrapp.models import AppraisalCycle

from .services import measurable


def can_view_kpis(user, cycle: AppraisalCycle) -> bool:
    """The KPI page of a cycle: HR."""
    return can_manage_appraisals(user)


def can_change_kpis(user, cycle: AppraisalCycle) -> bool:
    """Importing KPI values and refreshing the metrics: HR, until the results are published."""
    return can_manage_appraisals(user) and measurable(cycle)
