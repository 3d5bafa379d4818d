"""Wording shared by every document: bilingual names of enum members and people (Chinese first).

Documents are bilingual whatever the reader's UI language, so their wording is fixed here rather than
translated per request. Each module's own data preparation lives in its `documents.py`.
"""
from hrapp.models import EmploymentStatus, EventKind, Gender, Role

TEXT = {
    Gender.MALE: "男 Male", Gender.FEMALE: "女 Female",
    EmploymentStatus.PROBATION: "试用 Probation", EmploymentStatus.ACTIVE: "在职 Active",
    EmploymentStatus.SUSPENDED: "停职 Suspended", EmploymentStatus.LEFT: "离职 Left",
    EventKind.HIRE: "入职 Hire", EventKind.TRANSFER: "调动 Transfer",
    EventKind.PROMOTION: "晋升 Promotion", EventKind.STATUS_CHANGE: "状态变更 Status change",
    Role.ADMIN: "管理员 Administrator", Role.HR: "人事专员 HR clerk",
    Role.HEAD: "部门经理 Department head", Role.STAFF: "员工 Staff",
}


def text(member) -> str:
    """Bilingual wording of an enum member; its value if unknown; "" for None."""
    if member is None:
        return ""
    return TEXT.get(member, getattr(member, "value", str(member)))


def date_text(value) -> str:
    """ISO date, or "" for None."""
    return value.isoformat() if value else ""


def person_name(user) -> str:
    """How a user is named on a document: their staff name with the login, or the login alone."""
    staff = getattr(user, "staff", None)
    return f"{staff.name_zh} ({user.username})" if staff else user.username
