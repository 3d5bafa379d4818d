"""Translated display labels for enum members, used by templates, exports and reports."""
import enum

from flask_babel import lazy_gettext as _l

from hrapp.core.periods import PeriodKind as CorePeriodKind
from hrapp.models import (
    DocumentStatus,
    EmploymentStatus,
    EventKind,
    Gender,
    JobDescriptionStatus,
    JobStatus,
    Role,
    SecurityEventKind,
)


class EnumLabels(dict):
    """Enum member -> label, stored under (enum class, value).

    Members of two StrEnums with the same value (SwapStatus.ACCEPTED and CorrectionStatus.ACCEPTED are both
    "accepted") are equal and hash alike, so in a plain dict one module's label would silently replace the
    other's. Iterating gives the members back.
    """

    def __init__(self, labels=()) -> None:
        super().__init__()
        self.update(labels)

    @staticmethod
    def _key(member):
        return (type(member), member.value) if isinstance(member, enum.Enum) else member

    def __setitem__(self, member, text) -> None:
        super().__setitem__(self._key(member), text)

    def __getitem__(self, member):
        return super().__getitem__(self._key(member))

    def __contains__(self, member) -> bool:
        return super().__contains__(self._key(member))

    def get(self, member, default=None):
        return super().get(self._key(member), default)

    def update(self, labels=(), **_ignored) -> None:
        for member, text in dict(labels).items():
            self[member] = text

    def __iter__(self):
        return (cls(value) for cls, value in super().keys())

    def keys(self):
        return list(iter(self))

    def items(self):
        return [(cls(value), text) for (cls, value), text in super().items()]


LABELS: EnumLabels = EnumLabels()
LABELS.update({
    Role.ADMIN: _l("Administrator"),
    Role.HR: _l("HR clerk"),
    Role.HEAD: _l("Department head"),
    Role.STAFF: _l("Staff"),
    Gender.MALE: _l("Male"),
    Gender.FEMALE: _l("Female"),
    EmploymentStatus.PROBATION: _l("Probation"),
    EmploymentStatus.ACTIVE: _l("Active"),
    EmploymentStatus.SUSPENDED: _l("Suspended"),
    EmploymentStatus.LEFT: _l("Left"),
    EventKind.HIRE: _l("Hire"),
    EventKind.TRANSFER: _l("Transfer"),
    EventKind.PROMOTION: _l("Promotion"),
    EventKind.STATUS_CHANGE: _l("Status change"),
    EventKind.PAY_CHANGE: _l("Pay change"),
    JobDescriptionStatus.DRAFT: _l("Draft"),
    JobDescriptionStatus.APPROVED: _l("Approved"),
    JobDescriptionStatus.SUPERSEDED: _l("Superseded"),
    SecurityEventKind.LOGIN_SUCCESS: _l("Login"),
    SecurityEventKind.LOGIN_FAILURE: _l("Failed login"),
    SecurityEventKind.LOCKOUT: _l("Account locked"),
    SecurityEventKind.LOGOUT: _l("Logout"),
    SecurityEventKind.PASSWORD_CHANGE: _l("Password changed"),
    SecurityEventKind.PASSWORD_RESET_ISSUED: _l("Password reset link issued"),
    SecurityEventKind.PASSWORD_RESET_USED: _l("Password reset by link"),
    SecurityEventKind.ROLE_CHANGE: _l("Role changed"),
    SecurityEventKind.ACCOUNT_ENABLED: _l("Account enabled"),
    SecurityEventKind.ACCOUNT_DISABLED: _l("Account disabled"),
    SecurityEventKind.SESSION_EXPIRED: _l("Session expired"),
    SecurityEventKind.ACCESS_DENIED: _l("Access refused"),
    JobStatus.QUEUED: _l("Queued"),
    JobStatus.RUNNING: _l("Running"),
    JobStatus.DONE: _l("Done"),
    JobStatus.FAILED: _l("Failed"),
    CorePeriodKind.WEEK: _l("Week"),
    CorePeriodKind.MONTH: _l("Month"),
    CorePeriodKind.QUARTER: _l("Quarter"),
    CorePeriodKind.YEAR: _l("Year"),
})
# Apart: a dict literal keeps one key for equal values (DocumentStatus.SUPERSEDED == JobDescriptionStatus.SUPERSEDED).
LABELS.update({
    DocumentStatus.PENDING: _l("Awaiting signature"),
    DocumentStatus.ISSUED: _l("In force"),
    DocumentStatus.SUPERSEDED: _l("Superseded"),
})


def register(labels: dict[enum.Enum, object]) -> None:
    """Add a feature package's enum labels (called when its labels module is imported), so `label()` and the
    catalogue test know them."""
    LABELS.update(labels)


def value_label(value) -> str | None:
    """The label of a stored *text* value of some enum ("approved"), or None. Numbers never match: a weekday 2 or a
    headcount 3 is not a numbered enum's member (PunchState.BREAK_OUT)."""
    if not isinstance(value, str):
        return None
    return next((str(text) for key, text in LABELS.items() if isinstance(key.value, str) and key.value == value),
                None)


def label(member) -> str:
    """The translated label of an enum member (or of its text value); unknowns as they are."""
    if member is None:
        return ""
    if not isinstance(member, enum.Enum):
        text = value_label(member)
        return text if text is not None else str(member)
    return str(LABELS.get(member, member.value))


def choices(enum_cls: type[enum.Enum]) -> list[tuple[str, object]]:
    """(value, label) pairs for a SelectField. The labels are the lazy strings themselves, translated when the
    form is rendered: forms declare their choices once, at import, before any request has a language."""
    return [(m.value, LABELS.get(m, m.value)) for m in enum_cls]
