"""Reading the catalogue: each rule with its current version, searched and filtered (web list and API alike)."""
import sqlalchemy as sa
from sqlalchemy.orm import aliased

from hrapp.core.listing import Filter, Listing, like_escape, yes_no
from hrapp.extensions import db
from hrapp.models import ConductRule, ConductRuleVersion, RuleCategory, RuleKind, User

Current = aliased(ConductRuleVersion, name="current_version")


def _search(query: sa.Select, text: str) -> sa.Select:
    like = f"%{like_escape(text)}%"
    return query.where(sa.or_(ConductRule.code.ilike(like, escape="\\"), Current.title_zh.ilike(like, escape="\\"),
                              Current.title_en.ilike(like, escape="\\")))


RULE_LISTING = Listing(
    sorts={"order": ConductRule.sort_order, "code": ConductRule.code, "kind": Current.kind},
    default_sort="order", tiebreak=(ConductRule.id,),
    filters=(
        Filter("q", _search),
        Filter("category", lambda q, v: q.where(ConductRule.category == v), RuleCategory),
        Filter("kind", lambda q, v: q.where(Current.kind == v), RuleKind),
        Filter("active", lambda q, v: q.where(ConductRule.active.is_(v)), yes_no),
    ),
    per_page=50,
)


def rules_with_current() -> sa.Select:
    """Every rule, joined to its current version (the highest number) as the `Current` alias the filters use."""
    latest = (sa.select(sa.func.max(ConductRuleVersion.number)).where(ConductRuleVersion.rule_id == ConductRule.id)
              .correlate(ConductRule).scalar_subquery())
    return sa.select(ConductRule).join(Current, sa.and_(Current.rule_id == ConductRule.id, Current.number == latest))


def current_versions(rule_ids: list[int]) -> dict[int, ConductRuleVersion]:
    """rule id -> its current version, for a page of rules (one query)."""
    if not rule_ids:
        return {}
    latest = (sa.select(ConductRuleVersion.rule_id, sa.func.max(ConductRuleVersion.number).label("number"))
              .where(ConductRuleVersion.rule_id.in_(rule_ids)).group_by(ConductRuleVersion.rule_id).subquery())
    rows = db.session.scalars(sa.select(ConductRuleVersion).join(latest, sa.and_(
        ConductRuleVersion.rule_id == latest.c.rule_id, ConductRuleVersion.number == latest.c.number)))
    return {v.rule_id: v for v in rows}


def version_of(rule: ConductRule, number: int) -> ConductRuleVersion | None:
    """Version `number` of `rule`, or None."""
    return db.session.scalar(sa.select(ConductRuleVersion).where(ConductRuleVersion.rule_id == rule.id,
                                                                 ConductRuleVersion.number == number))


def catalogue_is_empty() -> bool:
    return db.session.scalar(sa.select(ConductRule.id).limit(1)) is None



def authors_of(versions) -> dict[int, str]:
    """user id -> username of the people who wrote `versions` (one query)."""
    ids = {v.created_by_id for v in versions if v.created_by_id}
    if not ids:
        return {}
    return dict(db.session.execute(sa.select(User.id, User.username).where(User.id.in_(ids))).all())


def offered_rules(category: RuleCategory) -> list[tuple[ConductRule, ConductRuleVersion]]:
    """The rules of `category` offered for new records (active ones only), in catalogue order, each with its
    current version: what the violation and reward forms list (a deactivated rule is offered nowhere)."""
    query = RULE_LISTING.order(rules_with_current().where(ConductRule.category == category,
                                                          ConductRule.active.is_(True)), "order")
    rules = db.session.scalars(query).all()
    currents = current_versions([r.id for r in rules])
    return [(r, currents[r.id]) for r in rules]
