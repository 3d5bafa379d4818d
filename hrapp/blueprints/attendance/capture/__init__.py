"""Attendance — capture (placeholder: this part is being built)."""
from hrapp.core.module import Module

PART = Module(name="attendance.capture")
