"""Training — sessions: time, place, capacity and trainer; enrolment by HR and heads, self-enrolment in open courses, the waiting list; clashes with rostered shifts and the training shift on the roster; invitations and reminders; the sessions API."""
from hrapp.core.module import Module

PART = Module(name="training.sessions")
