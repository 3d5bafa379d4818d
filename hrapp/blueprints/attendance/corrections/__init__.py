"""Attendance — corrections (补卡): a person explains a missing punch, the head accepts or rejects it within the
company's monthly limit, HR corrects anything with a reason. (Placeholder until built.)"""
from hrapp.core.module import Module

PART = Module(name="attendance.corrections")
