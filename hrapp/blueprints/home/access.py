"""Who may open which home page, the charts and the search (rules over the one permission mechanism).

A person may have several homes: a head or an HR clerk with a staff record also has the staff home; an
administrator also has HR's. `/` shows the first of `homes_for(user)` (the role's own page first).
"""
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from hrapp.models import Role
from hrapp.permissions import Perm, department_scope, has_perm, sees_everything


@dataclass(frozen=True)
class Home:
    """A home page: its endpoint, its tab's label and its HTML id."""

    endpoint: str
    label: object
    element_id: str


ADMIN_HOME = Home("home_admin.show", _l("System health"), "home-tab-admin")
HR_HOME = Home("home_hr.show", _l("HR desk"), "home-tab-hr")
HEAD_HOME = Home("home_head.show", _l("My departments today"), "home-tab-head")
STAFF_HOME = Home("home_staff.show", _l("My day"), "home-tab-staff")


def can_open_staff_home(user) -> bool:
    """Anyone linked to a staff record (their own shifts, attendance, what waits for them)."""
    return has_perm(user, Perm.SELF_SERVICE) and bool(getattr(user, "staff_id", None))


def can_open_head_home(user) -> bool:
    """A department head with departments to head."""
    return getattr(user, "role", None) == Role.HEAD and has_perm(user, Perm.STAFF_VIEW) and bool(department_scope(user))


def can_open_hr_home(user) -> bool:
    """HR and administrators (the month close, reviews, expiring certificates and contracts)."""
    return has_perm(user, Perm.PERIOD_CLOSE) and sees_everything(user)


def can_open_admin_home(user) -> bool:
    """Administrators (the system's health)."""
    return has_perm(user, Perm.SETTINGS_EDIT)


_RULES = ((ADMIN_HOME, can_open_admin_home), (HR_HOME, can_open_hr_home), (HEAD_HOME, can_open_head_home),
          (STAFF_HOME, can_open_staff_home))


def homes_for(user) -> list[Home]:
    """The home pages `user` may open, their role's own first."""
    return [home for home, rule in _RULES if rule(user)]


def can_view_charts(user) -> bool:
    """HR and administrators (every department) and heads (their departments)."""
    return has_perm(user, Perm.STAFF_VIEW) and (sees_everything(user) or bool(department_scope(user)))


def can_search_people(user) -> bool:
    """Whoever may look people up (within their scope: `staff_scope_clause`)."""
    return has_perm(user, Perm.STAFF_VIEW)


TEMPLATE_GLOBALS = {"homes_for": homes_for, "can_view_charts": can_view_charts, "can_search_people": can_search_people}

