"""transfer blueprint: staff import and export."""
from .routes import bp

__all__ = ["bp"]
