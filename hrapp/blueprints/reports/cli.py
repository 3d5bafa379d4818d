"""Commands: `pki ...` (organisation certificates), `report TYPE SUBJECT` and `verify-pdf FILE`."""
import sys
from pathlib import Path

import click
import sqlalchemy as sa

from hrapp.blueprints.org.services import company_settings
from hrapp.blueprints.reports import checking, pki, services
from hrapp.blueprints.reports.kinds import CLI_NAMES, REPORT_TYPES
from hrapp.blueprints.reports.roster_sources import roster_for
from hrapp.blueprints.reports.settings import pki_settings
from hrapp.blueprints.reports.sources import person_name
from hrapp.core.periods import PeriodError
from hrapp.extensions import db
from hrapp.models import DocumentKind, JobDescription, JobDescriptionStatus, Position, StaffMember, User


def _settings() -> pki.PkiSettings:
    try:
        return pki_settings()
    except pki.PkiError as exc:
        raise click.ClickException(str(exc)) from exc


def _organisation(value: str | None) -> str:
    return value or company_settings().name or "hrapp"


@click.group("pki")
def pki_group() -> None:
    """Organisation certificates for signed PDFs."""


@pki_group.command("init")
@click.option("--organisation", help="Organisation name in the certificates (default: company name).")
@click.option("--key-type", type=click.Choice(["rsa", "ec"]), default="rsa", show_default=True)
@click.option("--force", is_flag=True, help="Replace an existing root (documents signed so far stay verifiable only with the old root).")
def pki_init(organisation: str | None, key_type: str, force: bool) -> None:
    """Create the organisation root certificate and the default signing certificate."""
    settings, org = _settings(), _organisation(organisation)
    try:
        pki.create_root(settings, org, key_type=key_type, overwrite=force)
        pki.issue_signer(settings, pki.DEFAULT_SIGNER, f"{org} document signing", organisation=org, key_type=key_type)
    except pki.PkiError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Root and default signer created in {settings.directory}")


@pki_group.command("init-demo")
def pki_init_demo() -> None:
    """Create a demo root and default signer if there are none (idempotent)."""
    try:
        created = services.ensure_demo_pki()
    except pki.PkiError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo("Demo PKI created" if created else "PKI already present")


@pki_group.command("issue")
@click.argument("username")
@click.option("--years", default=3, show_default=True)
@click.option("--key-type", type=click.Choice(["rsa", "ec"]), default="rsa", show_default=True)
def pki_issue(username: str, years: int, key_type: str) -> None:
    """Issue (or renew) USERNAME's personal signing certificate from the local root."""
    user = _user(username)
    try:
        cert = pki.issue_signer(_settings(), f"user-{user.id}", person_name(user),
                                organisation=_organisation(None), years=years, key_type=key_type)
    except pki.PkiError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Issued {cert.subject.rfc4514_string()} valid until {cert.not_valid_after_utc:%Y-%m-%d}")


@pki_group.command("import-p12")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--user", "username", help="Whose certificate it is (default: the organisation's default signer).")
def pki_import_p12(file: Path, username: str | None) -> None:
    """Import a PKCS#12 from a real CA; its password is read from standard input."""
    password = (click.prompt("PKCS#12 password", hide_input=True, default="", show_default=False)
                if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n"))
    name = f"user-{_user(username).id}" if username else pki.DEFAULT_SIGNER
    try:
        cert = pki.import_pkcs12(_settings(), name, file.read_bytes(), password.encode() or None)
    except pki.PkiError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Imported {cert.subject.rfc4514_string()} as signer {name}")


@pki_group.command("import-root")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def pki_import_root(file: Path) -> None:
    """Trust FILE (a CA's root certificate, PEM or DER) as the organisation root."""
    try:
        cert = pki.import_root(_settings(), file.read_bytes())
    except pki.PkiError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Root set to {cert.subject.rfc4514_string()}")


@pki_group.command("export-root")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def pki_export_root(file: Path) -> None:
    """Write the organisation root certificate to FILE as PEM ("-" for standard output)."""
    try:
        pem = pki.root_pem(_settings())
    except pki.PkiError as exc:
        raise click.ClickException(str(exc)) from exc
    if str(file) == "-":
        click.echo(pem.decode(), nl=False)
    else:
        file.write_bytes(pem)
        click.echo(f"Root certificate written to {file}")


def _user(username: str) -> User:
    user = db.session.scalar(sa.select(User).where(User.username == username))
    if user is None:
        raise click.ClickException(f"Unknown user {username}")
    return user


def _roster(department_code: str, period: str | None):
    if not period:
        raise click.UsageError("report roster needs a period: DEPARTMENT_CODE YYYY-MM (or YYYY-Www)")
    try:
        roster = roster_for(department_code, period)
    except PeriodError as exc:
        raise click.ClickException(str(exc)) from exc
    if roster is None:
        raise click.ClickException(f"No roster of department {department_code} for {period}")
    return roster


def _record(kind: DocumentKind, subject: str, period: str | None = None):
    if kind == DocumentKind.ROSTER:
        return _roster(subject, period)
    if period:
        raise click.UsageError(f"Unexpected extra argument {period!r}")
    if kind == DocumentKind.STAFF_CARD:
        record = db.session.scalar(sa.select(StaffMember).where(StaffMember.staff_number == subject))
        if record is None:
            raise click.ClickException(f"Unknown staff number {subject}")
        return record
    position = db.session.scalar(sa.select(Position).where(Position.code == subject.upper()))
    record = position and db.session.scalar(sa.select(JobDescription).where(
        JobDescription.position_id == position.id, JobDescription.status == JobDescriptionStatus.APPROVED))
    if record is None:
        raise click.ClickException(f"No approved job description for position {subject}")
    return record


@click.command("report")
@click.argument("report_type", metavar="TYPE", type=click.Choice(sorted(CLI_NAMES)))
@click.argument("subject")
@click.argument("period", required=False)
@click.option("--signer", "username", required=True, help="The user who issues and signs (their access rules apply).")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), help="Write the PDF here.")
def report_command(report_type: str, subject: str, period: str | None, username: str, out: Path | None) -> None:
    """Issue a signed report: `report staff-card <staff number>`, `report job-description <position code>`,
    `report roster <department code> <YYYY-MM or YYYY-Www>`."""
    kind = CLI_NAMES[report_type]
    user, record = _user(username), _record(kind, subject, period)
    try:
        doc = services.issue_document(REPORT_TYPES[kind], record, user)
    except (services.ReportError, pki.PkiError) as exc:
        db.session.rollback()
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    if out is not None:
        out.write_bytes(doc.pdf)
    state = "signed" if doc.signatures else "awaiting its first signature"
    click.echo(f"{doc.number} ({doc.status.value}, {state}) sha256={doc.sha256 or doc.unsigned_sha256}"
               + (f" -> {out}" if out else ""))


@click.command("verify-pdf")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def verify_pdf_command(file: Path) -> None:
    """Verify FILE against the organisation root and the registry; exit status 1 unless genuine."""
    try:
        verdict = checking.verify_upload(file.read_bytes())
    except pki.PkiError as exc:
        raise click.ClickException(str(exc)) from exc
    for s in verdict.result.signatures:
        when = s.signed_at.isoformat() if s.signed_at else "?"
        flags = ", ".join(f for f, ok in (("intact", s.intact), ("valid", s.valid), ("trusted", s.trusted),
                                          ("whole file", s.covers_whole_file)) if ok)
        click.echo(f"{s.field_name}: {s.signer} at {when} [{flags}]")
    doc = verdict.document
    if doc is not None:
        click.echo(f"Registry: {doc.number} v{doc.version} {doc.status.value}"
                   + (f", superseded by {doc.superseded_by.number}" if doc.superseded_by else ""))
    for problem in verdict.problems:
        click.echo(f"PROBLEM: {problem}", err=True)
    click.echo("GENUINE" if verdict.genuine else "NOT GENUINE")
    sys.exit(0 if verdict.genuine else 1)


COMMANDS = [pki_group, report_command, verify_pdf_command]
