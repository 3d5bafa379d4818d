"""What seed-demo adds for the code of conduct (placeholder while it is being written)."""


def seed_demo(report) -> None:
    """Record a year of violations and rewards."""
