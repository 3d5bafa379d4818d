"""Money on the Flask side: the configured ceiling, the translated messages, and the web form field.

Thin adapters over the pure `hrapp.core.money`; the API's marshmallow field (`Money` in
hrapp/blueprints/api/schemas.py) and the spreadsheet import use the same messages.
"""
from decimal import Decimal

from flask import current_app
from flask_babel import lazy_gettext as _l
from wtforms import DecimalField

from hrapp.core import money

MONEY_MESSAGES = {
    money.NOT_A_NUMBER: _l("Not a valid amount."),
    money.NOT_FINITE: _l("Infinity and NaN are not amounts; enter a number such as 4500.00."),
    money.NEGATIVE: _l("Pay cannot be negative."),
    money.PRECISION: _l("Pay has at most 2 decimal places."),
    money.TOO_LARGE: _l("The amount is above the ceiling of %(max)s."),
}


def money_ceiling() -> Decimal:
    """The largest amount accepted anywhere: Config.MONEY_MAX_AMOUNT (default 99999999.99)."""
    return Decimal(str(current_app.config.get("MONEY_MAX_AMOUNT", money.DEFAULT_MAX_AMOUNT)))


def money_message(code: str, max_amount: Decimal | None = None) -> str:
    """The translated text for a money problem code (the ceiling filled in)."""
    if code != money.TOO_LARGE:
        return str(MONEY_MESSAGES[code])
    ceiling = max_amount if max_amount is not None else money_ceiling()
    return str(MONEY_MESSAGES[code]) % {"max": f"{ceiling:,.2f}"}


def parse_money_or_message(value: object, allow_negative: bool = False) -> Decimal | None:
    """parse_money() with the configured ceiling.

    :raise ValueError: with the translated message (what WTForms and marshmallow expect).
    """
    try:
        return money.parse_money(value, allow_negative=allow_negative, max_amount=money_ceiling())
    except money.MoneyError as exc:
        raise ValueError(money_message(exc.code, exc.max_amount)) from None


class MoneyField(DecimalField):
    """A form field for an amount: 2 places, finite, within the ceiling, not negative unless asked.

    A blank entry gives None (pair it with InputRequired or Optional); a refused one a field error.
    """

    def __init__(self, label=None, validators=None, allow_negative: bool = False, **kwargs):
        super().__init__(label, validators, places=2, **kwargs)
        self.allow_negative = allow_negative

    def process_formdata(self, valuelist):
        if not valuelist:
            return
        self.data = None
        self.data = parse_money_or_message(valuelist[0], self.allow_negative)
