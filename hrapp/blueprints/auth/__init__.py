"""Log in, log out, passwords and language."""
from .routes import bp

__all__ = ["bp"]
