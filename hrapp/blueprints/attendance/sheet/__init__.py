"""Attendance — sheet: the monthly attendance sheet (月度考勤表) per department, its signed PDF, XLSX and payroll
export, and the month close's checks. (Placeholder until built.)"""
from hrapp.core.module import Module

PART = Module(name="attendance.sheet")
