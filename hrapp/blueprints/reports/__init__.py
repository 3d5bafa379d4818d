"""Signed PDF reports: one report engine, organisation PKI, registry of issued documents, verification.

Report types come from the modules (`Module.report_types`); the engine imports none of them."""
from flask_babel import lazy_gettext as _l

from hrapp.blueprints.reports.access import GRANTS, ReportPerm, issue_url
from hrapp.blueprints.reports.cli import COMMANDS
from hrapp.core.module import Module, NavEntry, NotificationKind
from hrapp.permissions import has_perm

from .audit_labels import AUDIT
from .awaiting import AWAITING_SIGNATURE
from .jobs import BULK_ISSUE_JOB, run_bulk_issue
from .routes import bp

MODULE = Module(
    name="reports",
    audit=AUDIT,
    blueprints=(bp,),
    grants=GRANTS,
    template_globals={"ReportPerm": ReportPerm, "issue_url": issue_url},
    nav=(
        NavEntry("reports.list_documents", _l("Signed documents"),
                 lambda user: has_perm(user, ReportPerm.REPORT_VIEW), order=100, element_id="nav-documents",
                 menu=_l("Documents")),
        NavEntry("reports.verify", _l("Verify a document"), lambda user: user.is_authenticated, order=110,
                 element_id="nav-verify", menu=_l("Documents")),
    ),
    notification_kinds=(NotificationKind(AWAITING_SIGNATURE, _l("Document awaiting your signature")),),
    cli=tuple(COMMANDS),
    benches=("bench.reports",),
    jobs={BULK_ISSUE_JOB: run_bulk_issue},
)
