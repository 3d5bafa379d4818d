"""Percentages (pure): a part of a whole in percent, one decimal place, as the pages and sheets show it."""
from decimal import Decimal

TENTH = Decimal("0.1")


def percent(part: int | Decimal, whole: int | Decimal | None) -> Decimal | None:
    """`part` of `whole` in percent with one decimal place (33.3); None when there is no whole (0 or None)."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(TENTH)
