"""A small department (APR) for the appraisal journey: one person (K0001) with a staff account, a head account (no
staff record of their own), and an appraisal template for APR whose two ratings the person assesses first."""
from decimal import Decimal

from hrapp.blueprints.auth.services import create_user
from hrapp.blueprints.org.services import save_department
from hrapp.extensions import db
from hrapp.models import AppraisalTemplate, Criterion, CriterionKind, Role
from tests.conftest import PASSWORD

APPRAISAL = {"department": "APR", "head": "aprhead", "staff": "aprstaff", "staff_number": "K0001"}
LEVELS = ["差", "较差", "一般", "良好", "优秀"]


def seed_appraisal_department(make_staff) -> None:
    """APR (考核组) with K0001, its head and staff accounts, and template T-APR (服务态度 60, 工作效率 40).
    Caller commits."""
    department = save_department(None, None, APPRAISAL["department"], "考核组", "Appraisal team", None, 3)
    db.session.flush()
    person = make_staff(APPRAISAL["staff_number"], "考核员工", department)
    create_user(APPRAISAL["head"], PASSWORD, Role.HEAD, None, departments=[department], must_change_password=False)
    create_user(APPRAISAL["staff"], PASSWORD, Role.STAFF, None, staff=person, must_change_password=False)
    template = AppraisalTemplate(code="T-APR", name_zh="考核组季度考核表", department_id=department.id,
                                 self_assessment=True)
    template.criteria = [
        Criterion(sort_order=1, title_zh="服务态度", kind=CriterionKind.RATING, weight=Decimal("60"), levels=LEVELS),
        Criterion(sort_order=2, title_zh="工作效率", kind=CriterionKind.RATING, weight=Decimal("40"), levels=LEVELS),
    ]
    db.session.add(template)
    db.session.flush()
