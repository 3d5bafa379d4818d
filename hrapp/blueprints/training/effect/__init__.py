"""Training — effect: per course and session, reaction (feedback), learning (pass rate, score change across attempts) and behaviour (attendees' violations under the course's linked rules in the 90 days before and after, against colleagues who did not attend), with a chart."""
from hrapp.core.module import Module

PART = Module(name="training.effect")
