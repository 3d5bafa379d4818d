"""Leave — requests: asking for leave, the head's (and HR's) decision on the shared workflow, withdrawal and
cancellation, what approved leave does to the roster and attendance. (Placeholder until built.)"""
from hrapp.core.module import Module

PART = Module(name="leave.requests")
