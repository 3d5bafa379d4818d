"""The attendance settings forms: the company's policy and one shift type's windows."""
import ipaddress

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, IntegerField, SelectField, TextAreaField
from wtforms.validators import NumberRange, Optional, ValidationError

from hrapp.blueprints.attendance import labels  # noqa: F401  (registers the attendance enum labels)
from hrapp.forms import VersionedForm
from hrapp.labels import LABELS
from hrapp.models import PenaltyRoute

MINUTES = NumberRange(min=0, max=24 * 60, message=_l("Enter minutes between 0 and 1440."))


def networks_of(text: str) -> list[str]:
    """The CIDRs of a text with one per line (blank lines dropped), normalised; ValueError names a bad one."""
    networks = []
    for line in (text or "").replace(",", "\n").splitlines():
        if line.strip():
            networks.append(str(ipaddress.ip_network(line.strip(), strict=False)))
    return networks


class SettingsForm(VersionedForm):
    web_punch_networks = TextAreaField(
        _l("Web punch networks"), validators=[Optional()],
        description=_l("One network per line, e.g. 192.168.1.0/24; empty: the punch button works anywhere."))
    checkin_opens_minutes = IntegerField(_l("Check-in opens (minutes before the shift)"), validators=[MINUTES])
    checkout_closes_minutes = IntegerField(_l("Check-out closes (minutes after the shift)"), validators=[MINUTES])
    grace_minutes = IntegerField(_l("Grace (minutes)"), validators=[MINUTES])
    half_day_minutes = IntegerField(_l("Half day (minutes late or early)"), validators=[MINUTES])
    overtime_needs_approval = BooleanField(_l("Overtime needs approval"))
    overtime_minimum_minutes = IntegerField(_l("Overtime minimum (minutes)"), validators=[MINUTES])
    corrections_per_month = IntegerField(_l("Corrections per month"), validators=[
        NumberRange(min=0, max=31, message=_l("Enter a number between 0 and 31."))])
    penalties_via = SelectField(
        _l("Lateness and absence cost money through"), choices=[(r.value, LABELS[r]) for r in PenaltyRoute],
        coerce=PenaltyRoute, default=PenaltyRoute.CONDUCT,
        description=_l("Proposed fines: late, early and absent days become proposed violations under the code of "
                       "conduct, for the head to confirm or dismiss, and the payroll export deducts nothing for them. "
                       "Pay deductions: nothing is proposed and the payroll export deducts the minutes. Never both."))

    def validate_web_punch_networks(self, field) -> None:
        for line in (field.data or "").replace(",", "\n").splitlines():
            try:
                if line.strip():
                    ipaddress.ip_network(line.strip(), strict=False)
            except ValueError as exc:
                raise ValidationError(_l("%(value)s is not a network (e.g. 192.168.1.0/24).",
                                         value=line.strip()[:60])) from exc


OPTIONAL_MINUTES = [Optional(), MINUTES]


class ShiftWindowForm(VersionedForm):
    """Empty fields: the company's setting."""

    checkin_opens_minutes = IntegerField(_l("Check-in opens"), validators=OPTIONAL_MINUTES)
    checkout_closes_minutes = IntegerField(_l("Check-out closes"), validators=OPTIONAL_MINUTES)
    grace_minutes = IntegerField(_l("Grace"), validators=OPTIONAL_MINUTES)
    half_day_minutes = IntegerField(_l("Half day"), validators=OPTIONAL_MINUTES)
