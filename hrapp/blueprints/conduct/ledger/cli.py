"""`flask --app wsgi conduct ledger YYYY-MM --out FILE.xlsx` (or `.csv`): the month's payroll export for the
whole company, the same file HR downloads from the ledger page."""
from pathlib import Path

import click

from hrapp.blueprints.conduct.cli import conduct_group
from hrapp.core.periods import MONTH, PeriodError, parse_period

from .export import ledger_csv, ledger_table, ledger_xlsx


@conduct_group.command("ledger")
@click.argument("month")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="The file to write: .xlsx or .csv.")
def ledger_command(month: str, out: Path) -> None:
    """Write MONTH's (YYYY-MM) conduct ledger for every person to --out (XLSX or CSV by its extension)."""
    try:
        period = parse_period(month, (MONTH,))
    except PeriodError as exc:
        raise click.BadParameter(str(exc), param_hint="MONTH") from None
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise click.BadParameter("the file must end in .xlsx or .csv", param_hint="--out")
    table = ledger_table(period)
    out.write_bytes(ledger_xlsx(table) if suffix == ".xlsx" else ledger_csv(table))
    click.echo(f"{period.name}: {len(table.rows)} people written to {out}")
