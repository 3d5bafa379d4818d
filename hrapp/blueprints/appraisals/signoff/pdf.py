"""季度考核表 Appraisal form: one person's appraisal in a cycle, frozen and already-worded data in, an unsigned
PDF out. Bilingual whatever the reader's language (Chinese first), in the layout every report shares
(hrapp.blueprints.reports.pdf): letterhead, field tables, the items' grid, the signature boxes in signing order
(the scorer, HR, then the person acknowledging)."""
from dataclasses import dataclass

from hrapp.blueprints.reports.pdf.document import CONTENT_WIDTH, BuiltPdf, Letterhead, render
from hrapp.blueprints.reports.pdf.tables import data_table, field_table, heading, para

TITLE = "季度考核表 Appraisal form"


@dataclass(frozen=True)
class ItemRow:
    """One criterion as scored: its title, weight, the self score, the result (a measured value with its
    score, or the head's score) and both sides' comments."""

    criterion: str
    weight: str
    self_score: str
    result: str
    comments: str


@dataclass(frozen=True)
class AdjustmentRow:
    """A change to the result (in calibration or by an appeal's decision), with its reason."""

    when: str
    kind: str
    change: str
    reason: str
    by: str


@dataclass(frozen=True)
class AppraisalFormData:
    """Everything the form prints, as text (no ORM objects). The appeal fields are "" without an appeal, the
    decision fields while nobody decided."""

    letterhead: Letterhead
    cycle: str
    period: str
    name: str
    staff_number: str
    department: str
    position: str
    template: str
    scorer: str
    items: tuple[ItemRow, ...]
    self_total: str
    head_total: str
    total: str
    grade: str
    self_comment: str
    head_comment: str
    adjustments: tuple[AdjustmentRow, ...]
    published_on: str
    respond_by: str
    appeal: str = ""
    appealed_at: str = ""
    decision: str = ""
    decision_reason: str = ""
    decided_by: str = ""
    decided_at: str = ""
    signature_labels: tuple[str, ...] = ()


ITEM_HEADER = ("考核项目 Criterion", "权重 Weight", "自评 Self", "考核结果 Result", "评语 Comments")
ITEM_WIDTHS = (0.28, 0.1, 0.1, 0.2, 0.32)
ADJUSTMENT_HEADER = ("时间 When", "类别 Kind", "调整 Change", "理由 Reason", "调整人 By")
ADJUSTMENT_WIDTHS = (0.17, 0.13, 0.22, 0.3, 0.18)


def build_appraisal_form(data: AppraisalFormData) -> BuiltPdf:
    """Lay out the form: who and which cycle, the items, the totals and grade, adjustments, the comments, the
    appeal and its decision, then the signatures."""
    story = [
        *heading("被考核人 Staff member"),
        field_table([("考核周期 Cycle", data.cycle), ("考核期间 Period", data.period),
                     ("姓名 Name", data.name), ("工号 Staff number", data.staff_number),
                     ("部门 Department", data.department), ("岗位 Position", data.position),
                     ("考核表 Template", data.template), ("考核人 Appraiser", data.scorer)], CONTENT_WIDTH),
        *heading("考核项目 Criteria"),
        data_table(ITEM_HEADER, [(i.criterion, i.weight, i.self_score, i.result, i.comments) for i in data.items],
                   ITEM_WIDTHS, CONTENT_WIDTH),
        *heading("考核结果 Result"),
        field_table([("自评总分 Self total", data.self_total), ("考核总分 Head total", data.head_total),
                     ("最终得分 Final total", data.total), ("考核等级 Grade", data.grade),
                     ("公布日期 Published on", data.published_on), ("答复期限 Respond by", data.respond_by)],
                    CONTENT_WIDTH),
    ]
    if data.adjustments:
        story += [*heading("结果调整 Adjustments"),
                  data_table(ADJUSTMENT_HEADER, [(a.when, a.kind, a.change, a.reason, a.by) for a in data.adjustments],
                             ADJUSTMENT_WIDTHS, CONTENT_WIDTH)]
    story += [*heading("自评意见 Self-assessment comment"), para(data.self_comment or "—"),
              *heading("考核人评语 Appraiser's comment"), para(data.head_comment or "—")]
    if data.appeal:
        outcome = [("申诉时间 Appealed at", data.appealed_at), ("决定 Decision", data.decision or "待决定 Pending"),
                   ("决定人 Decided by", data.decided_by), ("决定时间 Decided at", data.decided_at)]
        story += [*heading("申诉与决定 Appeal and decision"), field_table(outcome, CONTENT_WIDTH),
                  para(f"申诉理由 Grounds: {data.appeal}")]
        if data.decision:
            story.append(para(f"决定理由 Reason: {data.decision_reason}"))
    if data.respond_by:
        story.append(para(f"如有异议，请于 {data.respond_by} 前提出申诉；逾期视为确认。"
                          f"You may appeal until {data.respond_by}; silence counts as acknowledgement.", "note"))
    story.append(para("员工签字表示已阅知考核结果。The staff member's signature acknowledges the result.", "note"))
    return render(data.letterhead, story, data.signature_labels)
