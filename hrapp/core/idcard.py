"""PRC resident identity card numbers (GB 11643-1999): checksum and embedded birth date."""
from datetime import date

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def check_digit(first17: str) -> str:
    """The 18th character for the first 17 digits."""
    return _CHECK[sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def birth_date_of(number: str) -> date | None:
    """The birth date embedded in an 18-character number, or None if it is no real date."""
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def id_number_problem(number: str) -> str | None:
    """None if `number` is a well-formed 18-character ID number, else a reason code:
    "length", "characters", "date" or "checksum"."""
    if len(number) != 18:
        return "length"
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] in "Xx"):
        return "characters"
    if birth_date_of(number) is None:
        return "date"
    if check_digit(number[:17]) != number[17].upper():
        return "checksum"
    return None
