"""Text helpers shared by views, exports and reports."""


def mask_id_number(value: str | None) -> str:
    """Show an ID number as its first 3 and last 4 characters: 110***********1234."""
    if not value:
        return ""
    if len(value) <= 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]
