"""Signals between the training parts.

`training_completed` is sent (sender: None) by the results part when a person completes a course: present at a
session of a course without assessment, or passed its assessment. Arguments: `staff_id`, `course_id`, `on` (the
local day). The records part marks their induction for that course done.
"""
from blinker import Namespace

_signals = Namespace()
training_completed = _signals.signal("training.completed")
