"""How conduct records are worded on documents: bilingual (Chinese first) whatever the reader's language, like
every document (hrapp.blueprints.reports.sources), so a document and its fingerprint never depend on who looks."""
from datetime import datetime
from decimal import Decimal

from hrapp.blueprints.reports.sources import person_name
from hrapp.core.localtime import local_datetime
from hrapp.models import Measure, RuleKind, StaffMember

MEASURES = {
    Measure.NONE: "无 None", Measure.WARNING: "口头警告 Verbal warning",
    Measure.WRITTEN_WARNING: "书面警告 Written warning", Measure.FINAL_WARNING: "最后警告 Final warning",
    Measure.DEMOTION: "降职 Demotion", Measure.TRANSFER: "调岗 Transfer",
    Measure.UNPAID_SUSPENSION: "停薪留职 Unpaid suspension", Measure.DISMISSAL_REVIEW: "辞退审查 Dismissal review",
    Measure.DISMISSAL: "辞退 Dismissal",
}
REWARD_KINDS = {RuleKind.COMMENDATION: "表彰 Commendation", RuleKind.BONUS: "奖金 Bonus",
                RuleKind.PROMOTION: "晋升推荐 Promotion recommendation"}
# The review's decisions (Violation.decision); an unknown one is printed as stored.
DECISIONS = {
    "confirmed": "确认 Confirmed", "adjusted": "调整金额 Amount adjusted", "voided": "撤销 Voided",
    "upheld": "维持原处理 Upheld", "overturned": "撤销处理 Overturned", "referred": "提交总经理 Referred to the GM",
}


def measure_text(value) -> str:
    """The bilingual name of a measure ("" for None)."""
    if value is None:
        return ""
    return MEASURES.get(Measure(value), str(value)) if value in Measure._value2member_map_ else str(value)


def decision_text(value: str) -> str:
    return DECISIONS.get(value, value)


def money_text(value: Decimal | None) -> str:
    """"1,234.50" ("0.00" for none)."""
    return f"{(value or Decimal('0')):,.2f}"


def points_text(value: Decimal | None) -> str:
    return f"{(value or Decimal('0')):.1f}"


def when_text(value: datetime | None, zone: str) -> str:
    """A stored (UTC) time in the company's zone, "" for None."""
    return local_datetime(value, zone)


def user_text(user) -> str:
    return person_name(user) if user is not None else ""


def department_text(department) -> str:
    return " ".join(p for p in (department.name, department.name_en) if p) if department is not None else ""


def position_text(staff: StaffMember) -> str:
    position = staff.position
    return " ".join(p for p in (position.name, position.name_en) if p) if position is not None else ""
