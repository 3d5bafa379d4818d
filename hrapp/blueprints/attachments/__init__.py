"""attachments blueprint: the generic upload, download and delete routes for files attached to records."""
from hrapp.core.module import Module

from .audit_labels import AUDIT
from .routes import bp

MODULE = Module(name="attachments", blueprints=(bp,), audit=AUDIT)
