"""Money (pure): the one parser and check for every amount the app accepts, and the daily-wage arithmetic.

Nothing here imports Flask or the database, so rules modules can use it; the web form field, the
API field and the spreadsheet import are thin adapters over `parse_money`/`money_problem`.
"""
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
DEFAULT_MAX_AMOUNT = Decimal("99999999.99")  # what Numeric(10, 2) holds; Config.MONEY_MAX_AMOUNT may lower it
# The statutory monthly paid-days figure: (365 - 104 rest days) / 12.
DEFAULT_PAID_DAYS_PER_MONTH = Decimal("21.75")

# Problem codes (the adapters translate them; %(max)s is the ceiling).
NOT_A_NUMBER = "money"
NOT_FINITE = "money_not_finite"
NEGATIVE = "pay_negative"
PRECISION = "pay_precision"
TOO_LARGE = "pay_too_large"
# Amounts typed as text: digits, thousands separators only where they belong ("4,500.00", not
# "4,5,00"), an optional sign; no exponent ("1e5" is a typo more often than an amount).
_TEXT_RE = re.compile(r"^[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$")


class MoneyError(ValueError):
    """An amount that is refused: `code` is one of the codes above, `max_amount` the ceiling applied."""

    def __init__(self, code: str, max_amount: Decimal = DEFAULT_MAX_AMOUNT):
        super().__init__(code, max_amount)
        self.code = code
        self.max_amount = max_amount


def money_problem(amount: Decimal, *, allow_negative: bool = False,
                  max_amount: Decimal = DEFAULT_MAX_AMOUNT) -> str | None:
    """The problem code for a Decimal `amount`, or None if it is a valid amount.

    Refused: NaN and infinities, negatives (unless `allow_negative`), more than 2 decimal places,
    and anything above `max_amount` (or below -`max_amount` when negatives are allowed).
    """
    if not amount.is_finite():
        return NOT_FINITE
    if amount < 0 and not allow_negative:
        return NEGATIVE
    if amount.as_tuple().exponent < -2:
        return PRECISION
    if abs(amount) > max_amount:
        return TOO_LARGE
    return None


def parse_money(value: object, *, allow_negative: bool = False,
                max_amount: Decimal = DEFAULT_MAX_AMOUNT) -> Decimal | None:
    """`value` (text, int, Decimal or float) as a Decimal with exactly 2 places; None if blank.

    Text may carry spaces and thousands separators ("4,500.00"); a float goes through its shortest
    repr, so 4500.1 stays 4500.1 and binary float arithmetic never touches the amount. Booleans,
    exponents in text ("1e5"), "Infinity", "nan" and "1e999" are refused, each with the code
    that says why (NOT_FINITE, TOO_LARGE).
    :raise MoneyError: with the code of money_problem(), or NOT_A_NUMBER.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise MoneyError(NOT_A_NUMBER, max_amount)
    if isinstance(value, Decimal | int):
        text = str(value)
    elif isinstance(value, float):
        text = repr(value)
    else:
        text = str(value).strip().replace(" ", "")
        if not text:
            return None
        if not _TEXT_RE.match(text):
            raise MoneyError(_unreadable(text, max_amount), max_amount)
        text = text.replace(",", "")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise MoneyError(NOT_A_NUMBER, max_amount) from None
    problem = money_problem(amount, allow_negative=allow_negative, max_amount=max_amount)
    if problem:
        raise MoneyError(problem, max_amount)
    return amount.quantize(CENT) + 0  # "+ 0" turns -0.00 into 0.00


def _unreadable(text: str, max_amount: Decimal) -> str:
    """Why `text` is no amount: NOT_FINITE (infinity, NaN), TOO_LARGE ("1e999"), else NOT_A_NUMBER."""
    try:
        amount = Decimal(text)
    except InvalidOperation:
        return NOT_A_NUMBER
    if not amount.is_finite():
        return NOT_FINITE
    return TOO_LARGE if abs(amount) > max_amount else NOT_A_NUMBER


def daily_from_monthly(monthly: Decimal, paid_days: Decimal = DEFAULT_PAID_DAYS_PER_MONTH) -> Decimal:
    """The daily wage for a monthly wage: monthly / paid days per month, rounded to 0.01 half-up."""
    if paid_days <= 0:
        raise ValueError("paid days per month must be positive")
    return (Decimal(monthly) / Decimal(paid_days)).quantize(CENT, rounding=ROUND_HALF_UP)
