"""The SQL forms of the person's appraisal steps (what the staff home lists as waiting) select exactly the
appraisals the Python predicates allow, over every status, stage and template kind."""
import itertools

import sqlalchemy as sa

from hrapp.blueprints.appraisals.access import can_respond, can_self_assess, respondable_by, self_assessable_by
from hrapp.extensions import db
from hrapp.models import Appraisal, AppraisalCycle, AppraisalStatus, AppraisalTemplate, CycleStage, Role


def test_sql_conditions_agree_with_the_predicates(org, make_staff, make_user, make_template, make_cycle,
                                                 make_appraisal):
    me, other = make_staff(org.front, name_zh="甲"), make_staff(org.front, name_zh="乙")
    user = make_user(Role.STAFF, "sqlme", staff=me)
    templates = [make_template(code="T-SELF", self_assessment=True), make_template(code="T-NONE", self_assessment=False)]
    appraisals = []
    for n, (stage, status, template, person) in enumerate(itertools.product(
            CycleStage, AppraisalStatus, templates, (me, other))):
        cycle = make_cycle(name=f"C{n}", stage=stage)
        appraisals.append(make_appraisal(cycle, person, template, status=status))
    db.session.commit()

    def selected(condition) -> set[int]:
        return set(db.session.scalars(
            sa.select(Appraisal.id).join(AppraisalCycle, AppraisalCycle.id == Appraisal.cycle_id)
            .join(AppraisalTemplate, AppraisalTemplate.id == Appraisal.template_id).where(condition)))

    assert selected(self_assessable_by(me.id)) == {a.id for a in appraisals if can_self_assess(user, a)} != set()
    assert selected(respondable_by(me.id)) == {a.id for a in appraisals if can_respond(user, a)} != set()
