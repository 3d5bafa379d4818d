"""培训档案 Training record: one person's training hours per year, sessions and scores, certificates and
inductions, bilingual (Chinese first)."""
from dataclasses import dataclass

from hrapp.blueprints.reports.pdf.document import CONTENT_WIDTH, BuiltPdf, Letterhead, render
from hrapp.blueprints.reports.pdf.tables import data_table, field_table, heading, para

TITLE = "培训档案 Training record"


@dataclass(frozen=True)
class SessionRow:
    day: str
    course: str
    hours: str
    presence: str
    result: str


@dataclass(frozen=True)
class CertificateRow:
    number: str
    course: str
    issued_on: str
    expires_on: str
    state: str


@dataclass(frozen=True)
class InductionRow:
    course: str
    kind: str
    due_on: str
    state: str


@dataclass(frozen=True)
class TrainingRecordData:
    """Everything the record prints, already formatted as text (no ORM objects)."""

    letterhead: Letterhead
    staff_number: str
    name: str
    department: str
    position: str
    hire_on: str
    hours: tuple[tuple[str, str], ...] = ()
    sessions: tuple[SessionRow, ...] = ()
    certificates: tuple[CertificateRow, ...] = ()
    inductions: tuple[InductionRow, ...] = ()
    signature_labels: tuple[str, ...] = ("人事部 HR",)


def _table(header, rows, widths, empty: str) -> list:
    if not rows:
        return [para(empty, "note")]
    return [data_table(header, rows, widths, CONTENT_WIDTH)]


def build_training_record(data: TrainingRecordData) -> BuiltPdf:
    """Lay out a training record; long tables continue on further pages with their header."""
    pairs = [("工号 Staff number", data.staff_number), ("姓名 Name", data.name),
             ("部门 Department", data.department), ("岗位 Position", data.position),
             ("入职日期 Hire date", data.hire_on)]
    story = [*heading("基本信息 Staff member"), field_table(pairs, CONTENT_WIDTH),
             *heading("年度培训学时 Training hours per year"),
             *_table(("年度 Year", "学时 Hours"), data.hours, (0.5, 0.5), "无记录 No training attended."),
             *heading("培训与考核 Sessions and assessments"),
             *_table(("日期 Date", "课程 Course", "学时 Hours", "出勤 Presence", "考核 Assessment"),
                     [(r.day, r.course, r.hours, r.presence, r.result) for r in data.sessions],
                     (0.14, 0.34, 0.10, 0.16, 0.26), "无记录 No sessions."),
             *heading("证书 Certificates"),
             *_table(("编号 Number", "课程 Course", "颁发 Issued", "有效期至 Valid until", "状态 State"),
                     [(r.number, r.course, r.issued_on, r.expires_on, r.state) for r in data.certificates],
                     (0.2, 0.32, 0.15, 0.15, 0.18), "无证书 No certificates."),
             *heading("入职培训 Induction training"),
             *_table(("课程 Course", "类别 Kind", "期限 Due", "状态 State"),
                     [(r.course, r.kind, r.due_on, r.state) for r in data.inductions],
                     (0.4, 0.22, 0.15, 0.23), "无 None assigned."),
             para("本档案内容与培训记录一致。This record matches the training records held by HR.", "note")]
    return render(data.letterhead, story, data.signature_labels)
