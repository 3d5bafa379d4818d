"""The measure a final violation carries, recorded on the person's history in the same transaction."""
from datetime import date

import sqlalchemy as sa

from hrapp import audit
from hrapp.extensions import db
from hrapp.models import DisciplinaryMeasure, Measure, Violation

from . import notify

# Measures on which HR must still decide (the rewards-and-measures part carries out the dismissal itself).
DECISION_DUE = frozenset({Measure.DISMISSAL_REVIEW, Measure.DISMISSAL})


def record_measure(actor, violation: Violation, day: date) -> DisciplinaryMeasure | None:
    """Add the violation's measure (warning, written warning, ... dismissal) to the person's history from `day`
    (the decision's local date), once per violation; for a dismissal review or a dismissal HR is told a decision
    is due. None when the violation carries no measure. Never commits."""
    if violation.measure in (None, Measure.NONE):
        return None
    existing = db.session.scalar(sa.select(DisciplinaryMeasure).where(
        DisciplinaryMeasure.violation_id == violation.id))
    if existing is not None:
        return existing
    measure = DisciplinaryMeasure(staff_id=violation.staff_id, kind=violation.measure, starts_on=day,
                                  violation_id=violation.id, recorded_by_id=getattr(actor, "id", None),
                                  note=violation.number)
    db.session.add(measure)
    audit.record(actor, "disciplinary_measure.record", measure, None,
                 {"kind": violation.measure.value, "starts_on": day.isoformat(), "violation": violation.number},
                 label=violation.number)
    if violation.measure in DECISION_DUE:
        notify.tell_hr_measure_due(violation)
    return measure
