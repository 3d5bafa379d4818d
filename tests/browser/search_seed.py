"""The people search journey's department (SE, 搜索部) with a head, two people found by pinyin and initials, and
a person in another department (SE-OUT) the head must not find."""
from hrapp.blueprints.auth.services import create_user
from hrapp.blueprints.org.services import save_department
from hrapp.extensions import db
from hrapp.models import Role
from tests.conftest import PASSWORD

SEARCH = {"department": "SE", "department_en": "Search team", "head": "sehead",
          "zeng": ("SE0001", "曾小贤"), "zhuge": ("SE0002", "诸葛小亮"), "outside": ("SE0003", "曾小明")}


def seed_search_department(make_staff) -> None:
    """SE with 曾小贤 (zengxiaoxian, cengxiaoxian, zxx) and 诸葛小亮, its head `sehead`; SE-OUT with 曾小明, whom the
    head may not see. Caller commits."""
    dept = save_department(None, None, SEARCH["department"], "搜索部", SEARCH["department_en"], None, 5)
    outside = save_department(None, None, "SE-OUT", "搜索外部", "Elsewhere", None, 5)
    db.session.flush()
    for key, department in (("zeng", dept), ("zhuge", dept), ("outside", outside)):
        make_staff(*SEARCH[key], department)
    create_user(SEARCH["head"], PASSWORD, Role.HEAD, None, departments=[dept], must_change_password=False)
