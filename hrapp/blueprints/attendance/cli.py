"""`flask --app wsgi attendance ...`: the module's one command group; each part adds its commands to it."""
import click


@click.group("attendance")
def attendance_group() -> None:
    """Attendance: time clocks, imports, reconciliation."""
