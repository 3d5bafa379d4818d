"""Attendance — proposals: lateness, leaving early and absence become proposed violations under the company's
rules for the head to confirm or dismiss; and the demo punches. (Placeholder until built.)"""
from hrapp.core.module import Module

PART = Module(name="attendance.proposals")
