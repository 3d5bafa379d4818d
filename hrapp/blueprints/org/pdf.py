"""岗位说明书 Job description: one approved version of a position's description."""
from dataclasses import dataclass

from hrapp.blueprints.reports.pdf.document import CONTENT_WIDTH, BuiltPdf, Letterhead, render
from hrapp.blueprints.reports.pdf.tables import data_table, field_table, heading, para

TITLE = "岗位说明书 Job description"


@dataclass(frozen=True)
class Qualification:
    name: str
    required: str
    ideal: str


@dataclass(frozen=True)
class JobDescriptionData:
    """A job-description version as text: the position's facts, free-text sections, qualifications."""

    letterhead: Letterhead
    position_name: str
    position_code: str
    department: str
    headcount: str
    job_family: str
    grade: str
    superior: str
    subordinates: str
    version: str
    analysis_on: str
    approved_by: str
    approved_on: str
    sections: tuple[tuple[str, str], ...] = ()
    qualifications: tuple[Qualification, ...] = ()
    signature_labels: tuple[str, ...] = ("批准 Approved by",)


def build_job_description(data: JobDescriptionData) -> BuiltPdf:
    """Lay out a job description; long sections flow over as many pages as they need."""
    pairs = [
        ("岗位名称 Position", data.position_name), ("岗位代码 Code", data.position_code),
        ("所属部门 Department", data.department), ("编制 Headcount", data.headcount),
        ("岗位序列 Job family", data.job_family), ("岗位等级 Grade", data.grade),
        ("直接上级 Reports to", data.superior), ("直接下级 Direct reports", data.subordinates),
        ("版本编号 Version", data.version), ("工作分析日期 Analysis date", data.analysis_on),
        ("批准人 Approved by", data.approved_by), ("批准日期 Approved on", data.approved_on),
    ]
    story = [field_table(pairs, CONTENT_WIDTH)]
    for title, text in data.sections:
        if text.strip():
            story += [*heading(title), para(text)]
    if data.qualifications:
        rows = [(q.name, q.required, q.ideal) for q in data.qualifications]
        story += [*heading("任职资格 Qualifications"),
                  data_table(("项目 Item", "必备资格 Required", "理想条件 Ideal"), rows, (0.2, 0.4, 0.4),
                             CONTENT_WIDTH)]
    return render(data.letterhead, story, data.signature_labels)
