"""The leave module's one signal: approved leave appeared, changed or went away for a person's days.

Sent by every service that changes what leave stands (approve, cancel, cut short, record) with
`staff_id`, `first` and `last` (local dates); attendance re-reconciles those days, others may listen.
"""
from blinker import Namespace

leave_changed = Namespace().signal("leave.changed")
