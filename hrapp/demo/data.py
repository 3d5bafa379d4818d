"""The demo company's static catalogue: business units, departments and positions (from the domain brief)."""
from dataclasses import dataclass
from decimal import Decimal

COMPANY_NAME = "云栖文旅集团有限公司"
TIMEZONE = "Asia/Shanghai"
CURRENCY = "CNY"


@dataclass(frozen=True)
class PositionSpec:
    """A position: `weight` is its share of the generated staff (0: exactly one holder), `cap` a maximum."""

    code: str
    name: str
    name_en: str
    level: str  # gm | manager | supervisor | captain | staff
    superior: str | None
    weight: int = 0
    cap: int | None = None
    job_family: str = "服务序列"
    female_share: float = 0.6


@dataclass(frozen=True)
class DepartmentSpec:
    code: str
    name: str
    name_en: str
    unit: str  # staff-number prefix of the business unit
    positions: tuple[PositionSpec, ...] = ()
    children: tuple["DepartmentSpec", ...] = ()


@dataclass(frozen=True)
class JobText:
    summary: str
    duties: tuple[str, ...]
    knowledge: str  # 专业知识 (required)
    tools: str  # systems and equipment taught before taking up the post (岗前培训)
    special: str = ""  # 特殊要求; a default by level is used when empty


def _p(code, name, name_en, level, superior, weight=0, cap=None, family="服务序列", female=0.6) -> PositionSpec:
    return PositionSpec(code, name, name_en, level, superior, weight, cap, family, female)


MGMT, SALES, PRO, ADMIN = "管理序列", "营销序列", "专业技术序列", "职能序列"

HUMAN_RESOURCES = DepartmentSpec("HR", "人力资源部", "Human Resources", "GRP", (
    _p("HR-MGR", "人力资源经理", "HR Manager", "manager", None, family=MGMT),
    _p("HR-CLK", "人事专员", "HR Clerk", "staff", "HR-MGR", 2, family=ADMIN, female=0.75),
))

HOTEL = DepartmentSpec("HTL", "云栖大酒店", "Yunqi Grand Hotel", "HTL", (
    _p("HTL-GM", "酒店总经理", "Hotel General Manager", "gm", None, family=MGMT, female=0.4),
), (
    DepartmentSpec("HTL-FO", "前厅部", "Front Office", "HTL", (
        _p("HTL-FO-MGR", "前厅部经理", "Front Office Manager", "manager", "HTL-GM", family=MGMT),
        _p("HTL-FO-SUP", "前厅主管", "Front Office Supervisor", "supervisor", "HTL-FO-MGR", 2, family=MGMT),
        _p("HTL-FO-CON", "礼宾员", "Concierge", "staff", "HTL-FO-SUP", 6, female=0.3),
    ), (
        DepartmentSpec("HTL-FD", "前台", "Front Desk", "HTL", (
            _p("HTL-FD-CPT", "前台领班", "Front Desk Captain", "captain", "HTL-FO-SUP", 3, family=MGMT),
            _p("HTL-FD-REC", "前台接待员", "Receptionist", "staff", "HTL-FD-CPT", 14, female=0.75),
            _p("HTL-FD-CSH", "前台收银员", "Front Desk Cashier", "staff", "HTL-FD-CPT", 6, female=0.7),
        )),
    )),
    DepartmentSpec("HTL-HK", "客房部", "Housekeeping", "HTL", (
        _p("HTL-HK-MGR", "客房部经理", "Housekeeping Manager", "manager", "HTL-GM", family=MGMT, female=0.7),
        _p("HTL-HK-SUP", "客房主管", "Housekeeping Supervisor", "supervisor", "HTL-HK-MGR", 3, family=MGMT, female=0.7),
        _p("HTL-HK-CPT", "楼层领班", "Floor Captain", "captain", "HTL-HK-SUP", 6, family=MGMT, female=0.75),
        _p("HTL-HK-ATT", "客房服务员", "Room Attendant", "staff", "HTL-HK-CPT", 40, female=0.8),
        _p("HTL-HK-PA", "公共区域保洁员", "Public Area Cleaner", "staff", "HTL-HK-CPT", 12, female=0.55),
    )),
    DepartmentSpec("HTL-GS", "客服部", "Guest Services", "HTL", (
        _p("HTL-GS-MGR", "客服部经理", "Guest Services Manager", "manager", "HTL-GM", family=MGMT),
        _p("HTL-GS-GRO", "宾客关系专员", "Guest Relations Officer", "staff", "HTL-GS-MGR", 5, female=0.7),
        _p("HTL-GS-OPR", "总机话务员", "Switchboard Operator", "staff", "HTL-GS-MGR", 5, female=0.85),
    )),
    DepartmentSpec("HTL-SM", "营销部", "Sales & Marketing", "HTL", (
        _p("HTL-SM-MGR", "营销部经理", "Sales & Marketing Manager", "manager", "HTL-GM", family=MGMT, female=0.5),
        _p("HTL-SM-REP", "销售代表", "Sales Representative", "staff", "HTL-SM-MGR", 6, family=SALES, female=0.55),
        _p("HTL-SM-RES", "预订员", "Reservations Agent", "staff", "HTL-SM-MGR", 4, female=0.75),
    )),
))

TRAVEL = DepartmentSpec("TRV", "云栖国际旅行社", "Yunqi International Travel Service", "TRV", (), (
    DepartmentSpec("TRV-GMO", "总经理办公室", "General Manager's Office", "TRV", (
        _p("TRV-GM", "总经理", "General Manager", "gm", None, family=MGMT, female=0.4),
        _p("TRV-AST", "总经理助理", "Assistant to the General Manager", "staff", "TRV-GM", 1, cap=2, family=ADMIN),
    )),
    DepartmentSpec("TRV-ADM", "行政部", "Administration", "TRV", (
        _p("TRV-ADM-MGR", "行政部经理", "Administration Manager", "manager", "TRV-GM", family=MGMT),
        _p("TRV-ADM-CLK", "行政文员", "Administrative Clerk", "staff", "TRV-ADM-MGR", 3, cap=40, family=ADMIN,
           female=0.75),
    )),
    DepartmentSpec("TRV-OUT", "外联部", "Outreach & Sales", "TRV", (
        _p("TRV-OUT-MGR", "外联部经理", "Outreach Manager", "manager", "TRV-GM", family=MGMT, female=0.45),
        _p("TRV-OUT-REP", "外联销售代表", "Outreach Sales Representative", "staff", "TRV-OUT-MGR", 8, family=SALES,
           female=0.5),
    )),
    DepartmentSpec("TRV-OPS", "计调部", "Tour Operations", "TRV", (
        _p("TRV-OPS-MGR", "计调部经理", "Tour Operations Manager", "manager", "TRV-GM", family=MGMT),
        _p("TRV-OPS-OPR", "计调员", "Tour Operator", "staff", "TRV-OPS-MGR", 6, family=PRO, female=0.65),
    )),
    DepartmentSpec("TRV-FDG", "前台及导游部", "Front Desk & Guides", "TRV", (
        _p("TRV-FDG-MGR", "前台及导游部经理", "Front Desk & Guides Manager", "manager", "TRV-GM", family=MGMT),
        _p("TRV-FDG-REC", "门市接待员", "Counter Consultant", "staff", "TRV-FDG-MGR", 4, female=0.75),
        _p("TRV-FDG-GDE", "导游", "Tour Guide", "staff", "TRV-FDG-MGR", 14, family=PRO, female=0.55),
    )),
    DepartmentSpec("TRV-FIN", "财务部", "Finance", "TRV", (
        _p("TRV-FIN-MGR", "财务经理", "Finance Manager", "manager", "TRV-GM", family=MGMT, female=0.6),
        _p("TRV-FIN-ACC", "会计", "Accountant", "staff", "TRV-FIN-MGR", 2, cap=30, family=PRO, female=0.75),
        _p("TRV-FIN-CSH", "出纳", "Cashier", "staff", "TRV-FIN-MGR", 1, cap=6, family=PRO, female=0.8),
    )),
))

PARK = DepartmentSpec("PRK", "云栖山景区游客中心", "Yunqi Mountain Visitor Centre", "PRK", (
    _p("PRK-DIR", "游客中心主任", "Visitor Centre Director", "gm", None, family=MGMT, female=0.45),
), (
    DepartmentSpec("PRK-CS", "客户服务部", "Customer Service", "PRK", (
        _p("PRK-CS-HEAD", "客户服务部负责人", "Head of Customer Service", "manager", "PRK-DIR", family=MGMT),
        _p("PRK-CS-TRN", "客服培训员", "Customer Service Trainer", "supervisor", "PRK-CS-HEAD", 2, family=PRO,
           female=0.7),
        _p("PRK-CS-AST", "客服助理", "Customer Service Assistant", "staff", "PRK-CS-TRN", 16, female=0.7),
        _p("PRK-CS-ANN", "广播员", "Announcer", "staff", "PRK-CS-HEAD", 3, cap=24, female=0.8),
    )),
))

UNITS: tuple[DepartmentSpec, ...] = (HUMAN_RESOURCES, HOTEL, TRAVEL, PARK)

# Monthly base pay range per level, in yuan; the daily wage is the monthly pay / 21.75 paid days.
MONTHLY_PAY = {
    "gm": (22000, 35000),
    "manager": (9000, 16000),
    "supervisor": (6000, 8500),
    "captain": (4800, 6200),
    "staff": (3600, 5400),
}
PAID_DAYS_PER_MONTH = Decimal("21.75")
# The company's local monthly minimum wage (Shanghai's since July 2023), below every level's range.
MINIMUM_MONTHLY_WAGE = Decimal("2690.00")
LEVEL_GRADE = {"gm": "M5", "manager": "M3", "supervisor": "M1", "captain": "S3", "staff": "S1"}

# The demo accounts: username, role, and which staff record (position code) it is linked to.
HEAD_DEPARTMENT = "HTL-FO"
ACCOUNT_LINKS = {"admin": None, "hr": "HR-CLK", "head": "HTL-FO-MGR", "staff": "HTL-FD-REC"}


def walk(units=UNITS, parent: DepartmentSpec | None = None):
    """Every (department, parent) pair, parents before children."""
    for spec in units:
        yield spec, parent
        yield from walk(spec.children, spec)


def all_positions() -> list[tuple[PositionSpec, DepartmentSpec]]:
    """Every position with its department, in catalogue order."""
    return [(p, d) for d, _parent in walk() for p in d.positions]
