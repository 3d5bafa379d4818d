"""The pure table of what a reconciled day proposes, and the references that keep proposing idempotent."""
from datetime import date

import pytest

from hrapp.blueprints.attendance.proposals import rules
from hrapp.blueprints.attendance.proposals.rules import Wanted, source_ref, wanted_proposals, withdrawn_ref

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("status", "late", "early", "expected"), [
    ("late", 12, 0, [Wanted("late", "2-3a", 12)]),
    ("early", 0, 25, [Wanted("early", "2-3a", 25)]),
    ("late_and_early", 7, 30, [Wanted("late", "2-3a", 7), Wanted("early", "2-3a", 30)]),
    ("absent", 0, 0, [Wanted("absent", "2-3b", None)]),
    ("late", 0, 0, []),  # late by the status, but no minutes: nothing to fine
    ("pending", 40, 0, []),  # the window is still open: never final-looking
    ("missing_punch", 0, 0, []),  # a correction is expected
    ("present", 0, 0, []), ("leave", 0, 0, []), ("rest", 0, 0, []), ("rest_worked", 0, 0, []),
    ("unrostered", 0, 0, []), (None, 0, 0, []),
])
def test_wanted_proposals_by_status(status, late, early, expected):
    assert wanted_proposals(status, late, early) == expected


def test_every_kind_has_a_rule_and_the_rules_are_the_catalogues_lateness_and_absence():
    assert set(rules.RULE_OF_KIND) == set(rules.KINDS)
    assert rules.RULE_OF_KIND == {"late": "2-3a", "early": "2-3a", "absent": "2-3b"}


def test_source_refs_are_per_person_day_and_kind_and_fit_the_column():
    ref = source_ref(12345678, date(2026, 5, 4), "late")
    assert ref == "attendance:12345678:2026-05-04:late"
    assert source_ref(1, date(2026, 5, 4), "late") != source_ref(1, date(2026, 5, 4), "early")
    assert len(withdrawn_ref(source_ref(12345678, date(2026, 5, 4), "absent"), 99999999)) <= 80
    assert withdrawn_ref(ref, 7) != ref
