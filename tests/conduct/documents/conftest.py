"""Fixtures of the conduct documents' tests: the session PKI of the report tests, a rule with an escalation ladder,
a submitted violation at its second occurrence and an approved reward."""
from datetime import date, datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest

from hrapp.models import Measure, PenaltyForm, RewardState, Role, RuleKind, ViolationState
from tests.reports.conftest import _pki_config, nss_db, pki_settings_  # noqa: F401  (the report tests' PKI)

LADDER = [{"occurrence": 2, "multiplier": "2", "measure": "written_warning"},
          {"occurrence": 3, "multiplier": "2", "measure": "final_warning"}]


@pytest.fixture
def scene(org, make_rule, make_violation, make_reward, make_user):
    """org plus: rule 2-4 (a fine of 20–50 with a 90-day ladder), V2026-000042 submitted for desk_staff (their
    second time: ×2 and a written warning) recorded by the FO head, a head of housekeeping, and R2026-000007, an
    approved commendation for desk_staff decided by HR."""
    o = SimpleNamespace(**vars(org))
    o.rule = make_rule("2-4", RuleKind.FINE_RANGE, title_zh="上班时间串岗、闲聊", min_amount=Decimal("20"),
                       max_amount=Decimal("50"), points=Decimal("1.0"), form=PenaltyForm.BOTH, lookback_days=90,
                       ladder=LADDER)
    o.violation = make_violation(
        o.desk_staff, o.rule, state=ViolationState.SUBMITTED, amount=Decimal("60.00"), number="V2026-000042",
        occurred_at=datetime(2026, 5, 10, 2, 30), recorded_by=o.head, place="大堂 Lobby",
        description="值班期间离岗闲聊二十分钟。", witnesses="王经理", occurrence=2, ladder_multiplier=Decimal("2"),
        measure=Measure.WRITTEN_WARNING, points=Decimal("2.0"), respond_by=date(2026, 5, 13),
        submitted_at=datetime(2026, 5, 10, 3, 0))
    o.hk_head = make_user(Role.HEAD, "hkhead", departments=[o.housekeeping])
    o.reward_rule = make_rule("R-1", RuleKind.COMMENDATION, title_zh="拾金不昧", points=Decimal("5.0"))
    o.reward = make_reward(o.desk_staff, o.reward_rule, state=RewardState.APPROVED, number="R2026-000007",
                           proposed_by=o.head, decided_by_id=o.hr.id, decided_at=datetime(2026, 5, 12, 8, 0),
                           reason="归还客人遗失的钱包。")
    return o
