"""Background work: the `tick` and `jobs worker` commands, the tick task that fails cut-off jobs and the one that
forgets old one-time form tokens."""
from hrapp.core.jobs import sweep_stale
from hrapp.core.module import Module, TickTask
from hrapp.core.submissions import prune_tokens

from .cli import jobs_group, tick_command

MODULE = Module(
    name="jobs",
    cli=(tick_command, jobs_group),
    tick_tasks=(TickTask("jobs.sweep_stale", sweep_stale), TickTask("forms.prune_tokens", prune_tokens)),
    benches=("bench.tick",),  # for the module-driven bench loop on main (this branch's bench finds it by file)
)
