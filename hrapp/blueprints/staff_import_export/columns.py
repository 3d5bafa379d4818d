"""The import/export column set (pure data): Chinese and English headers, kinds, value words."""
from dataclasses import dataclass

from hrapp.models.staff import EmploymentStatus, Gender


@dataclass(frozen=True)
class Column:
    """One import/export column: `zh` is its Chinese header, `en` its English one; `key` (the field-like name)
    is accepted as a header too."""

    key: str
    zh: str
    kind: str = "text"  # text | email | date | money | gender | status
    required: bool = False
    max_length: int = 0
    sensitive: bool = False  # ID number and pay: exported only to users who may see them
    aliases: tuple[str, ...] = ()  # older headers still read on import

    @property
    def en(self) -> str:
        return ENGLISH_HEADERS[self.key]

    @property
    def headers(self) -> tuple[str, ...]:
        return self.zh, self.key, self.en, *self.aliases

    def header(self, zh: bool) -> str:
        """The header an export or template in that language carries."""
        return self.zh if zh else self.en


ENGLISH_HEADERS = {
    "staff_number": "Staff number",
    "name_zh": "Chinese name",
    "name_en": "English name",
    "gender": "Gender",
    "birth_on": "Birth date",
    "id_number": "ID number",
    "phone": "Phone",
    "email": "Email",
    "department_code": "Department code",
    "position_code": "Position code",
    "superior_staff_number": "Superior's staff number",
    "hire_on": "Hire date",
    "status": "Employment status",
    "left_on": "Leaving date",
    "career_started_on": "Career start date",
    "probation_ends_on": "Probation ends on",
    "contract_ends_on": "Contract ends on",
    "daily_wage": "Daily wage",
    "monthly_base": "Monthly base pay",
    "emergency_contact_name": "Emergency contact",
    "emergency_contact_phone": "Emergency contact phone",
    "notes": "Notes",
}


COLUMNS = (
    Column("staff_number", "工号", required=True, max_length=20),
    Column("name_zh", "姓名", required=True, max_length=40),
    Column("name_en", "英文名", max_length=80),
    Column("gender", "性别", "gender", required=True),
    Column("birth_on", "出生日期", "date"),
    Column("id_number", "身份证号", max_length=18, sensitive=True),
    Column("phone", "电话", max_length=20),
    Column("email", "邮箱", "email", max_length=120),
    Column("department_code", "部门编码", required=True, max_length=20),
    Column("position_code", "岗位编码", max_length=20),
    Column("superior_staff_number", "直接上级工号", max_length=20),
    Column("hire_on", "入职日期", "date", required=True),
    Column("status", "状态", "status"),
    Column("left_on", "离职日期", "date"),
    Column("career_started_on", "参加工作日期", "date"),
    Column("probation_ends_on", "试用期结束日期", "date"),
    Column("contract_ends_on", "合同到期日期", "date"),
    Column("daily_wage", "日工资", "money", sensitive=True, aliases=("日薪",)),
    Column("monthly_base", "月基本工资", "money", sensitive=True),
    Column("emergency_contact_name", "紧急联系人", max_length=40),
    Column("emergency_contact_phone", "紧急联系电话", max_length=20),
    Column("notes", "备注", max_length=2000),
)
COLUMN_BY_KEY = {c.key: c for c in COLUMNS}
# Import column -> StaffData field, where the names differ.
STAFF_FIELD_OF = {"daily_wage": "daily_wage_amount", "monthly_base": "monthly_base_amount",
                  "department_code": "department_id", "position_code": "position_id",
                  "superior_staff_number": "superior_id"}
COLUMN_OF_FIELD = {v: k for k, v in STAFF_FIELD_OF.items()}

GENDER_WORDS = {"男": Gender.MALE, "女": Gender.FEMALE, "male": Gender.MALE, "female": Gender.FEMALE,
                "m": Gender.MALE, "f": Gender.FEMALE}
STATUS_WORDS = {"试用": EmploymentStatus.PROBATION, "试用期": EmploymentStatus.PROBATION,
                "在职": EmploymentStatus.ACTIVE, "停职": EmploymentStatus.SUSPENDED,
                "离职": EmploymentStatus.LEFT, **{s.value: s for s in EmploymentStatus}}
ZH_GENDER = {Gender.MALE: "男", Gender.FEMALE: "女"}
ZH_STATUS = {EmploymentStatus.PROBATION: "试用", EmploymentStatus.ACTIVE: "在职",
             EmploymentStatus.SUSPENDED: "停职", EmploymentStatus.LEFT: "离职"}

# Blank cells in these columns keep the stored value (new staff: the default), rather than clearing it.
KEEP_IF_BLANK = frozenset({"status", "daily_wage", "monthly_base"})
