"""Signals other modules listen to (sender: None).

`staff_placed` is sent when a person is placed in a position: hired (`reason="hire"`) or moved into another
position by a transfer or promotion (`reason="transfer"`). Arguments: `staff` (the StaffMember, flushed),
`position_id`, `on` (the effective date), `reason`. Sent inside the caller's transaction: listeners add their rows
to it and never commit.
"""
from blinker import Namespace

_signals = Namespace()
staff_placed = _signals.signal("staff.placed")
