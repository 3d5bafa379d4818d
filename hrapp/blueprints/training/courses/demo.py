"""What seed-demo adds for the course catalogue (after the conduct catalogue): ten courses a scenic park, hotel
and travel agency run — some open for self-enrolment, some by outside trainers, two certifying — linked to their
category's usual conduct rules, and the demo positions' required training. Through the services; running it
again adds nothing twice."""
from decimal import Decimal

import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import Course, Position, PositionCourse

from .queries import default_rule_ids
from .services import CourseDraft, add_required, create_course

HR_TRAINER = "hr"  # the demo HR account's staff member trains the induction
# code, title, title_en, category, hours, pass mark, retakes, certificate months, open, outside trainer, description
COURSES = (
    ("IND-01", "新员工入职培训", "New staff induction", "service_awareness", "8", "60", 2, None, False, "",
     "公司概况、部门业务、规章制度与服务礼仪入门。"),
    ("ETQ-01", "服务礼仪与仪容仪表", "Service etiquette and grooming", "etiquette_grooming", "4", "70", 1, None, True,
     "陈老师（星级服务礼仪培训中心）", "站姿、问候、电话礼仪、制服与仪容标准。"),
    ("CMP-01", "客户投诉处理", "Handling guest complaints", "complaint_handling", "3", "60", 1, None, True, "",
     "倾听、致歉、补救与升级流程，案例演练。"),
    ("SAF-01", "消防安全", "Fire safety", "safety", "2", "80", 2, 12, False, "刘教官（市消防救援支队）",
     "火灾报警、灭火器使用、疏散引导与演练。"),
    ("SAF-02", "索道设备安全操作", "Safe operation of the cableway", "safety", "6", "85", 2, 24, False,
     "索道设备厂家技术工程师", "索道运行检查、紧急停车、游客疏散与救援程序。"),
    ("PRD-01", "产品知识", "Product knowledge", "product_knowledge", "3", "60", 1, None, True, "",
     "客房类型、景区线路、旅游产品与价格政策。"),
    ("COM-01", "沟通技巧", "Communication skills", "communication", "3", None, 0, None, True, "",
     "有效倾听、清晰表达与跨文化沟通。"),
    ("TMW-01", "团队协作", "Teamwork", "teamwork", "2", None, 0, None, True, "", "交接班、部门协作与互助。"),
    ("LAW-01", "劳动法规", "Labour law essentials", "laws_regulations", "2", "60", 1, None, False,
     "王律师（明德律师事务所）", "劳动合同、工时与休假、安全生产法要点。"),
    ("SVC-01", "服务意识", "Service awareness", "service_awareness", "2", None, 0, None, True, "",
     "以宾客为中心的服务理念与细节。"),
)
FRONT_LINE = ("HTL-FO-CON", "HTL-FD-REC", "HTL-FD-CSH", "HTL-GS-GRO", "HTL-GS-OPR", "HTL-SM-RES", "TRV-FDG-REC",
              "TRV-FDG-GDE", "PRK-CS-AST", "PRK-CS-ANN")
EQUIPMENT = {"SAF-01": ("HTL-HK-ATT", "HTL-HK-PA", "HTL-FO-CON", "PRK-CS-AST", "PRK-CS-ANN", "TRV-FDG-GDE"),
             "SAF-02": ("PRK-CS-AST", "PRK-CS-TRN")}
# course code -> (positions, kind, due days); None: every position
REQUIRED = (("IND-01", None, "induction", 30), ("ETQ-01", FRONT_LINE, "pre_post", 60),
            ("CMP-01", FRONT_LINE, "pre_post", 90),
            *((code, positions, "pre_post", 30) for code, positions in EQUIPMENT.items()))


def _draft(row, trainer_number: str) -> CourseDraft:
    code, title, title_en, category, hours, pass_mark, retakes, months, open_, outside, description = row
    return CourseDraft(code=code, title=title, title_en=title_en, category=category, description=description,
                       hours=Decimal(hours), trainer_number="" if outside else trainer_number, trainer_name=outside,
                       max_score=Decimal("100"), pass_score=Decimal(pass_mark) if pass_mark else None,
                       retakes=retakes, certificate_months=months, open_enrolment=open_,
                       rule_ids=tuple(default_rule_ids(category)))


def seed_courses(hr) -> tuple[dict[str, Course], int]:
    """The demo catalogue by code (courses already there are kept as they are) and how many were added."""
    existing = {c.code: c for c in db.session.scalars(sa.select(Course))}
    trainer = getattr(getattr(hr, "staff", None), "staff_number", "") or ""
    added = 0
    for row in COURSES:
        if row[0] not in existing:
            existing[row[0]] = create_course(hr, _draft(row, trainer))
            added += 1
    return existing, added


def seed_required(hr, courses: dict[str, Course]) -> int:
    """The demo positions' required training (positions missing from the company skipped); returns how many
    rows were added."""
    positions = {p.code: p for p in db.session.scalars(sa.select(Position))}
    present = {(position_id, course_id) for position_id, course_id in
               db.session.execute(sa.select(PositionCourse.position_id, PositionCourse.course_id))}
    added = 0
    for course_code, codes, kind, due_days in REQUIRED:
        course = courses[course_code]
        for code in codes if codes is not None else sorted(positions):
            position = positions.get(code)
            if position is not None and (position.id, course.id) not in present:
                add_required(hr, course, position.id, kind, due_days)
                present.add((position.id, course.id))
                added += 1
    return added


def seed_demo(report) -> None:
    """Add the catalogue and the required training as the demo's HR; counts go on the seed report."""
    hr = report.users.get("hr")
    courses, added_courses = seed_courses(hr)
    required = seed_required(hr, courses)
    report.counts.update(training_courses=added_courses, training_required=required)
    report.summary.append(f"Training: {added_courses} courses, {required} required trainings of positions.")
