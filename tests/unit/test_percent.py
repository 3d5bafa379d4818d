"""hrapp.core.percent: a part of a whole in percent, one decimal place."""
from decimal import Decimal

from hrapp.core.percent import percent


def test_percent_of_counts_and_amounts():
    assert percent(1, 3) == Decimal("33.3") and percent(2, 3) == Decimal("66.7")
    assert percent(3, 3) == Decimal("100.0") and percent(0, 5) == Decimal("0.0")
    assert percent(Decimal("4.5"), Decimal("12.0")) == Decimal("37.5")


def test_no_whole_is_no_percentage():
    assert percent(1, 0) is None and percent(0, None) is None
