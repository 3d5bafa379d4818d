"""Placeholder replaced below."""


def seed_demo(report) -> None:
    return None
