"""The attendance module's signals (blinker), so parts and other modules listen instead of being called.

`days_reconciled`: reconciliation inserted, changed or removed person-days; sent with `days`, a list of
(staff_id, local date) pairs (read the rows again: a removed day has none). The proposals part turns lateness
and absence into proposed violations from it; anything else that follows the days may listen too.
"""
from blinker import Namespace

days_reconciled = Namespace().signal("attendance.days_reconciled")
