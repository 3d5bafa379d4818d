"""roster blueprint: shift types, rosters, rule checks, generation, swaps, rest owed, ICS feed."""
from .routes import bp

__all__ = ["bp"]
