"""处罚通知单 Penalty notice and 表彰通知 Commendation: frozen, already-worded data in, an unsigned PDF out.

Bilingual whatever the reader's language (Chinese first, English beneath), in the layout every report shares
(hrapp.blueprints.reports.pdf): letterhead, field tables, the signature boxes in signing order.
"""
from dataclasses import dataclass

from hrapp.blueprints.reports.pdf.document import CONTENT_WIDTH, BuiltPdf, Letterhead, render
from hrapp.blueprints.reports.pdf.tables import field_table, heading, para

NOTICE_TITLE = "处罚通知单 Penalty notice"
COMMENDATION_TITLE = "表彰通知 Commendation"


@dataclass(frozen=True)
class Person:
    """Who the document is about, as printed."""

    staff_number: str
    name: str
    department: str
    position: str


@dataclass(frozen=True)
class PenaltyNoticeData:
    """Everything a penalty notice prints, as text. `occurrence` names which time within the rule's look-back
    window this is and `step` the escalation applied ("" when none); the appeal fields are "" when there was
    no appeal, the decision fields when nobody decided yet."""

    letterhead: Letterhead
    number: str
    person: Person
    occurred_at: str
    place: str
    rule_code: str
    rule_text: str
    rule_version: str
    description: str
    witnesses: str
    amount: str
    points: str
    measure: str
    serious: str
    occurrence: str
    step: str
    recorded_by: str
    respond_by: str
    appeal: str = ""
    appealed_at: str = ""
    decision: str = ""
    decision_reason: str = ""
    decided_by: str = ""
    decided_at: str = ""
    signature_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class CommendationData:
    """Everything a commendation prints, as text."""

    letterhead: Letterhead
    number: str
    person: Person
    awarded_on: str
    rule_code: str
    rule_text: str
    kind: str
    reason: str
    amount: str
    points: str
    proposed_by: str
    approved_by: str
    approved_at: str
    signature_labels: tuple[str, ...] = ()


def _person_pairs(person: Person) -> list[tuple[str, str]]:
    return [("姓名 Name", person.name), ("工号 Staff number", person.staff_number),
            ("部门 Department", person.department), ("岗位 Position", person.position)]


def build_penalty_notice(data: PenaltyNoticeData) -> BuiltPdf:
    """Lay out a penalty notice: the person, the facts, the rule, the penalty, the appeal and decision, the
    signatures (department head, HR, then the person's acknowledgement)."""
    story = [
        *heading("当事人 Staff member"),
        field_table([("通知单号 Notice No.", data.number), ("答复期限 Respond by", data.respond_by),
                     *_person_pairs(data.person)], CONTENT_WIDTH),
        *heading("违纪事实 What happened"),
        field_table([("发生时间 When", data.occurred_at), ("地点 Where", data.place),
                     ("证人 Witnesses", data.witnesses), ("记录人 Recorded by", data.recorded_by)], CONTENT_WIDTH),
        para(data.description or "—"),
        *heading("违反条款 Rule breached"),
        field_table([("条款 Rule", data.rule_code), ("版本 Version", data.rule_version)], CONTENT_WIDTH),
        para(data.rule_text),
        *heading("处理决定 Penalty"),
        field_table([("罚款 Fine (CNY)", data.amount), ("绩效扣分 Performance points", data.points),
                     ("处分 Measure", data.measure), ("情节严重 Serious case", data.serious),
                     ("违纪次数 Occurrence", data.occurrence), ("升级处理 Escalation", data.step or "—")],
                    CONTENT_WIDTH),
    ]
    if data.appeal:
        story += [*heading("申诉 Appeal"), field_table([("申诉时间 Appealed at", data.appealed_at)], CONTENT_WIDTH, 1),
                  para(data.appeal)]
    if data.decision:
        story += [*heading("复核决定 Decision"),
                  field_table([("决定 Decision", data.decision), ("决定人 Decided by", data.decided_by),
                               ("决定时间 Decided at", data.decided_at)], CONTENT_WIDTH, 1),
                  para(data.decision_reason)]
    if data.respond_by:
        story.append(para(f"如有异议，请于 {data.respond_by} 前提出申诉；逾期视为确认。"
                          f"You may appeal until {data.respond_by}; silence counts as acknowledgement.", "note"))
    story.append(para("员工签字仅表示已收到本通知。The staff member's signature acknowledges receipt of this notice.",
                      "note"))
    return render(data.letterhead, story, data.signature_labels)


def build_commendation(data: CommendationData) -> BuiltPdf:
    """Lay out a commendation: the person, the reward and why, who proposed and approved it, the signature."""
    story = [
        *heading("受表彰人 Staff member"),
        field_table([("表彰编号 Commendation No.", data.number), ("表彰日期 Date", data.awarded_on),
                     *_person_pairs(data.person)], CONTENT_WIDTH),
        *heading("奖励 Reward"),
        field_table([("条款 Rule", data.rule_code), ("类别 Kind", data.kind), ("奖金 Bonus (CNY)", data.amount),
                     ("绩效加分 Performance points", data.points), ("提名人 Proposed by", data.proposed_by),
                     ("批准人 Approved by", data.approved_by), ("批准时间 Approved at", data.approved_at)],
                    CONTENT_WIDTH),
        para(data.rule_text),
        *heading("表彰事由 Reason"),
        para(data.reason or "—"),
        para("特此通报表彰，以资鼓励。This commendation is announced in recognition of the above.", "note"),
    ]
    return render(data.letterhead, story, data.signature_labels)
