"""Training — records: each person's training record (培训档案: courses, hours per year, scores, certificates) and its signed PDF, the me API; induction programmes assigned on hire and transfer from positions' required training, their due dates and the overdue list."""
from hrapp.core.module import Module

PART = Module(name="training.records")
