"""Background work: the `tick` and `jobs worker` commands, and the tick task that fails cut-off jobs."""
from hrapp.core.jobs import sweep_stale
from hrapp.core.module import Module, TickTask

from .cli import jobs_group, tick_command

MODULE = Module(
    name="jobs",
    cli=(tick_command, jobs_group),
    tick_tasks=(TickTask("jobs.sweep_stale", sweep_stale),),
    benches=("bench.tick",),  # for the module-driven bench loop on main (this branch's bench finds it by file)
)
