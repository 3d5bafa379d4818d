"""GET /api/v1/conduct/rules: the catalogue with each rule's current terms, for everyone with conduct access
(the same rules the web list shows)."""
from hrapp.blueprints.api.auth import api_blueprint, requires
from hrapp.blueprints.conduct import penalty
from hrapp.blueprints.conduct.access import ConductPerm
from hrapp.blueprints.conduct.catalogue.queries import RULE_LISTING, current_versions, rules_with_current
from hrapp.blueprints.conduct.catalogue.schemas import RuleListArgs, RuleListSchema
from hrapp.extensions import db
from hrapp.models import ConductRule

bp = api_blueprint("api_conduct_rules", __name__, "/api/v1/conduct/rules",
                   "The code-of-conduct catalogue (奖惩制度): each rule's code, category, whether it is offered for "
                   "new records, and its current version's terms.")


def _terms(version) -> dict:
    terms = penalty.RuleTerms.of(version)
    return {
        "number": version.number, "effective_at": version.effective_at, "title_zh": version.title_zh,
        "title_en": version.title_en, "kind": version.kind.value, "form": version.form.value,
        "min_amount": version.min_amount, "max_amount": version.max_amount, "factor": version.factor,
        "points": version.points, "serious_measure": str(terms.serious_measure),
        "lookback_days": version.lookback_days, "ladder": [vars(s) for s in terms.ladder],
        "tiers": [vars(t) for t in terms.tiers], "note": version.note,
    }


@bp.route("")
@requires(ConductPerm.VIEW)
@bp.arguments(RuleListArgs, location="query")
@bp.response(200, RuleListSchema)
@bp.alt_response(403, response="FORBIDDEN")
def list_rules(args: dict):
    """Every rule in catalogue order, optionally only one category or only rules in use (`active=true`)."""
    query = RULE_LISTING.order(rules_with_current(), "order")
    if args["category"]:
        query = query.where(ConductRule.category == args["category"])
    if args["active"] is not None:
        query = query.where(ConductRule.active.is_(args["active"]))
    rules = db.session.scalars(query).all()
    currents = current_versions([r.id for r in rules])
    return {"items": [{"id": r.id, "code": r.code, "category": r.category.value, "active": r.active,
                       "version": _terms(currents[r.id])} for r in rules]}

