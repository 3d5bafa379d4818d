"""Catalogue services: create a rule, revise it (a new version), deactivate / reactivate it, load the standard
catalogue, save the conduct settings. They never commit; the actor is passed in; every change is audited."""
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from hrapp import audit
from hrapp.blueprints.conduct import penalty
from hrapp.blueprints.conduct.catalogue.rules import VersionDraft, draft_problems
from hrapp.blueprints.conduct.catalogue.seed import seed_catalogue
from hrapp.blueprints.conduct.catalogue.wording import problem_texts
from hrapp.blueprints.conduct.settings import conduct_settings
from hrapp.core.errors import StaleRecord, check_version
from hrapp.core.money import CENT
from hrapp.core.uniqueness import unique_field
from hrapp.core.validation import ValidationFailed
from hrapp.extensions import db
from hrapp.models import ConductRule, ConductRuleVersion, ConductSettings, Measure, PenaltyForm, RuleCategory, RuleKind
from hrapp.models.base import utcnow

DUPLICATE_CODE = _l("This code is already used by another rule.")
unique_field("uq_conduct_rules_code", "code", DUPLICATE_CODE)
VERSION_FIELDS = ("title_zh", "title_en", "kind", "form", "min_amount", "max_amount", "factor", "points",
                  "serious_measure", "lookback_days", "ladder", "tiers", "note")
SETTINGS_FIELDS = ("respond_days", "second_approval_above_amount", "max_deduction_share", "fines_enabled")
MIN_SHARE, MAX_SHARE = Decimal("0.01"), Decimal("1.00")
POINT = penalty.POINT


def _check(draft: VersionDraft, category: str) -> None:
    problems = draft_problems(draft, category)
    if problems:
        raise ValidationFailed(problem_texts(problems))


def _places(value: Decimal | None, unit: Decimal) -> Decimal | None:
    """A checked number as the column stores it (5 -> 5.00), so the page and the audit show what was saved."""
    return None if value is None else value.quantize(unit)


def _version(rule: ConductRule, number: int, draft: VersionDraft, actor, reason: str) -> ConductRuleVersion:
    terms = draft.terms
    tiers = [penalty.Tier(t.from_minutes, t.to_minutes, t.amount.quantize(CENT), t.points.quantize(POINT))
             for t in terms.tiers]
    return ConductRuleVersion(
        rule=rule, number=number, title_zh=draft.title_zh, title_en=draft.title_en, kind=RuleKind(terms.kind),
        form=PenaltyForm(terms.form), min_amount=_places(terms.min_amount, CENT),
        max_amount=_places(terms.max_amount, CENT), factor=_places(terms.factor, CENT),
        points=_places(terms.points, POINT), serious_measure=Measure(terms.serious_measure),
        lookback_days=terms.lookback_days, ladder=[s.as_json() for s in terms.ladder],
        tiers=[t.as_json() for t in tiers], note=draft.note,
        effective_at=utcnow(), change_reason=reason[:255], created_by_id=getattr(actor, "id", None))


def create_rule(actor, code: str, category: str, draft: VersionDraft) -> ConductRule:
    """A new rule `code` of `category` with `draft` as its version 1.

    :raise ValidationFailed: the terms' problems (field -> messages), or the code is taken (on `code`; a racing
        duplicate is refused by the database's unique constraint, declared above for `duplicates_refused`).
    """
    code = code.strip()
    _check(draft, category)
    if db.session.scalar(sa.select(ConductRule.id).where(ConductRule.code == code)) is not None:
        raise ValidationFailed.single("code", DUPLICATE_CODE)
    last = db.session.scalar(sa.select(sa.func.max(ConductRule.sort_order))) or 0
    rule = ConductRule(code=code, category=RuleCategory(category), active=True, sort_order=last + 10)
    db.session.add(rule)
    version = _version(rule, 1, draft, actor, "")
    db.session.add(version)
    db.session.flush()
    audit.record(actor, "conduct_rule.create", rule, None,
                 {"category": rule.category.value, **audit.snapshot(version, VERSION_FIELDS)})
    return rule


def revise_rule(actor, rule: ConductRule, draft: VersionDraft, reason: str,
                expected_version: int | None) -> ConductRuleVersion:
    """Add version n + 1 of `rule` (records made under earlier versions keep theirs) and bump the rule's version.

    :raise StaleRecord: the rule changed since the editor loaded it.
    :raise ValidationFailed: the terms' problems, or no reason given.
    """
    check_version(rule, expected_version)
    _check(draft, rule.category.value)
    if not reason.strip():
        raise ValidationFailed.single("reason", _l("Say why the rule changes."))
    current = rule.current
    version = _version(rule, (current.number if current else 0) + 1, draft, actor, reason.strip())
    db.session.add(version)
    rule.updated_at = utcnow()  # the rule's row changes, so its version_id moves and a racing edit is stale
    db.session.flush()
    before = audit.snapshot(current, VERSION_FIELDS) if current else {}
    changed_before, changed_after = audit.changed_only(before, audit.snapshot(version, VERSION_FIELDS))
    audit.record(actor, "conduct_rule.revise", rule, changed_before,
                 {**changed_after, "number": version.number, "reason": version.change_reason})
    return version


def set_rule_active(actor, rule: ConductRule, active: bool, expected_version: int | None) -> None:
    """Deactivate (offered nowhere for new records; still readable) or reactivate a rule.

    :raise StaleRecord: the rule changed since the page was loaded.
    """
    check_version(rule, expected_version)
    if rule.active == active:
        return
    rule.active = active
    db.session.flush()
    audit.record(actor, "conduct_rule.reactivate" if active else "conduct_rule.deactivate", rule,
                 {"active": not active}, {"active": active})


def load_standard_catalogue(actor) -> int:
    """Add the standard rules of code_of_conduct.yaml whose codes are missing; returns how many were added."""
    added = seed_catalogue(actor)
    if added:
        audit.record(actor, "conduct_catalogue.seed", ConductSettings(), None, {"added": added},
                     label="code_of_conduct.yaml")
    return added


def save_settings(actor, respond_days: int, second_approval_above: Decimal | None, max_share: Decimal,
                  fines_enabled: bool, expected_version: int | None) -> ConductSettings:
    """Store the company's conduct policy (the first save creates its one row; expected version 0 then).

    :raise StaleRecord: someone saved the settings since the page was loaded.
    :raise ValidationFailed: days outside 1–30, a share outside 0.01–1.00 or with more than 2 places.
    """
    settings = conduct_settings()
    stored = settings.id is not None
    if expected_version is not None and expected_version != (settings.version_id if stored else 0):
        raise StaleRecord()
    errors = {}
    if not 1 <= respond_days <= 30:
        errors["respond_days"] = [_l("Between 1 and 30 days.")]
    if not (max_share.is_finite() and MIN_SHARE <= max_share <= MAX_SHARE and max_share == max_share.quantize(
            Decimal("0.01"))):
        errors["max_deduction_share"] = [_l("A share between 0.01 and 1.00 with at most 2 decimal places.")]
    if errors:
        raise ValidationFailed(errors)
    before = audit.snapshot(settings, SETTINGS_FIELDS) if stored else {}
    # An INSERT leaves a None column to its default (500.00): "no cap" must be an explicit NULL.
    no_cap = None if stored else sa.null()
    settings.respond_days = respond_days
    settings.second_approval_above_amount = no_cap if second_approval_above is None else second_approval_above
    settings.max_deduction_share, settings.fines_enabled = max_share, fines_enabled
    if not stored:
        db.session.add(settings)
    settings.updated_at = utcnow()
    db.session.flush()
    after = audit.snapshot(settings, SETTINGS_FIELDS)
    audit.record(actor, "conduct_settings.update", settings,
                 *(audit.changed_only(before, after) if stored else (None, after)), label="conduct")
    return settings
