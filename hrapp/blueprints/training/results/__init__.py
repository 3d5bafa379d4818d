"""Training — results: sign-in with the session's code and the trainer's marking (absences recorded), assessment attempts and retakes, certificates with expiry (the signed certificate, reminders, the overdue list), feedback on the five-level scale; the results API."""
from hrapp.core.module import Module

PART = Module(name="training.results")
