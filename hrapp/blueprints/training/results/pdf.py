"""培训证书 Training certificate: a passed attempt at a certifying course, bilingual (zh / en)."""
from dataclasses import dataclass

from hrapp.blueprints.reports.pdf.document import CONTENT_WIDTH, BuiltPdf, Letterhead, render
from hrapp.blueprints.reports.pdf.tables import field_table, heading, para

TITLE = "培训证书 Training certificate"


@dataclass(frozen=True)
class CertificateData:
    """Everything a certificate prints, already formatted as text (no ORM objects)."""

    letterhead: Letterhead
    number: str
    staff_number: str
    name: str
    name_en: str
    department: str
    course_code: str
    course_title: str
    course_title_en: str
    hours: str
    session: str
    trainer: str
    score: str
    pass_score: str
    attempt: str
    issued_on: str
    expires_on: str
    signature_labels: tuple[str, ...] = ("人事部 HR",)


def build_certificate(data: CertificateData) -> BuiltPdf:
    """Lay out one certificate: who, which course, the result, the validity."""
    person = [("证书编号 Certificate number", data.number), ("工号 Staff number", data.staff_number),
              ("姓名 Name", f"{data.name} {data.name_en}".strip()), ("部门 Department", data.department)]
    course = [("课程 Course", f"{data.course_code} {data.course_title}"), ("英文名称 Course (English)",
                                                                          data.course_title_en),
              ("学时 Hours", data.hours), ("培训场次 Session", data.session), ("培训师 Trainer", data.trainer)]
    result = [("成绩 Score", data.score), ("合格分 Pass mark", data.pass_score), ("考核次数 Attempt", data.attempt),
              ("发证日期 Issued on", data.issued_on), ("有效期至 Valid until", data.expires_on)]
    story = [
        para(f"兹证明 {data.name} 已完成以下培训并考核合格。", "body"),
        para(f"This certifies that {data.name_en or data.name} completed the training below and passed its "
             "assessment.", "body"),
        *heading("持证人 Holder"), field_table(person, CONTENT_WIDTH),
        *heading("培训课程 Course"), field_table(course, CONTENT_WIDTH),
        *heading("考核结果 Result"), field_table(result, CONTENT_WIDTH),
        para("证书过期后须重新培训并考核。The certificate must be renewed by training and assessment after it "
             "expires.", "note"),
    ]
    return render(data.letterhead, story, data.signature_labels)
