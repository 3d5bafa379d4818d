"""Leave — setup: the types HR edits, yearly entitlements (statutory annual days, proration, carry-over,
adjustments), blackout periods, and everyone's balances. (Placeholder until built.)"""
from hrapp.core.module import Module

PART = Module(name="leave.setup")
