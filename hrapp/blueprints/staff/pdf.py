"""员工档案卡 Staff record card: identity, employment and history of one staff member."""
from dataclasses import dataclass

from hrapp.blueprints.reports.pdf.document import CONTENT_WIDTH, BuiltPdf, Letterhead, render
from hrapp.blueprints.reports.pdf.tables import data_table, field_table, heading, para

TITLE = "员工档案卡 Staff record card"


@dataclass(frozen=True)
class HistoryRow:
    effective_on: str
    kind: str
    detail: str
    note: str


@dataclass(frozen=True)
class StaffCardData:
    """Everything printed on a record card, already formatted as text (no ORM objects).

    The ID number arrives masked: heads may read a card but not a full ID number.
    """

    letterhead: Letterhead
    staff_number: str
    name: str
    name_en: str
    gender: str
    birth_on: str
    id_number_masked: str
    department: str
    position: str
    superior: str
    hire_on: str
    status: str
    phone: str
    email: str
    emergency_contact: str
    history: tuple[HistoryRow, ...] = ()
    signature_labels: tuple[str, ...] = ("人事部 HR",)


def build_staff_card(data: StaffCardData) -> BuiltPdf:
    """Lay out a record card; the history table continues on further pages with its header."""
    pairs = [
        ("工号 Staff number", data.staff_number), ("姓名 Name", data.name),
        ("英文名 English name", data.name_en), ("性别 Gender", data.gender),
        ("出生日期 Birth date", data.birth_on), ("身份证号 ID number", data.id_number_masked),
        ("部门 Department", data.department), ("岗位 Position", data.position),
        ("直接上级 Direct superior", data.superior), ("入职日期 Hire date", data.hire_on),
        ("状态 Status", data.status), ("电话 Phone", data.phone),
        ("电子邮件 Email", data.email), ("紧急联系人 Emergency contact", data.emergency_contact),
    ]
    story = [*heading("基本信息 Personal and employment data"), field_table(pairs, CONTENT_WIDTH),
             *heading("任职记录 Employment history")]
    if data.history:
        rows = [(r.effective_on, r.kind, r.detail, r.note) for r in data.history]
        story.append(data_table(("日期 Date", "类别 Kind", "变动 Change", "备注 Note"), rows,
                                (0.15, 0.17, 0.38, 0.30), CONTENT_WIDTH))
    else:
        story.append(para("无记录 No history recorded.", "note"))
    story.append(para("本卡内容与人事档案一致。This card matches the staff file held by HR.", "note"))
    return render(data.letterhead, story, data.signature_labels)
