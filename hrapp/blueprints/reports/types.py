"""The report registry's shape: what a report type declares, and the lookup over registered modules.

A feature package declares its report types in its module record (`Module.report_types`); the engine
(issuing, signing, the generic issue route, the `report` CLI, the document list and its access check)
knows them only through this registry, never by importing the package.

A slot's `who` says who may sign it: "issuer" (a user who may issue documents about the subject),
"head" (a head of the subject's department or of a department above it, not the subject themselves),
"subject" (the staff member the document is about, acknowledging it), "approver" (the user the subject names
as approver) or "record_issuer" (a user the type's own `may_issue` rule allows for the record printed).
Slots are signed in order; optional slots come last and do not hold up the document.
"""
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from flask import current_app
from flask_babel import force_locale

from hrapp.blueprints.reports.content import content_of
from hrapp.core.module import modules


class RecordNotFound(LookupError):
    """`ReportType.find` found no record for the CLI arguments; the message says what was looked for."""


@dataclass(frozen=True)
class SlotSpec:
    label: str
    who: str
    reason: str
    required: bool = True


@dataclass(frozen=True)
class Subject:
    """What a document is about, resolved from a record: keys for versions and for access checks."""

    key: str
    label: str
    staff_id: int | None = None
    department_id: int | None = None
    position_id: int | None = None
    source_id: int | None = None
    approver_id: int | None = None
    period_start_on: date | None = None
    period_end_on: date | None = None


@dataclass(frozen=True)
class BulkSource:
    """How a report type is issued for a whole department at once (a background job).

    `ids(department, include_subdepartments)` lists the records to print, in order; `load(ids)` loads a chunk
    of them with everything the builder prints (a handful of queries); `label(record)` names one in the job's
    error messages; `description` tells the person starting the job what it does."""

    ids: Callable[[object, bool], list[int]]
    load: Callable[[list[int]], list]
    label: Callable[[object], str]
    description: object = ""


@dataclass(frozen=True)
class ReportType:
    """One kind of signed document.

    - `kind` is stored on each document; `name` is its URL and CLI name (`report NAME ARGS...`).
    - `model` is the record it prints: the generic issue route loads it by id; `find(args)` finds it from
      the CLI's arguments (`cli_args` names them, one word each) or raises `RecordNotFound`.
    - `subject(record)`, `data(record, letterhead, slot_labels)` (a frozen dataclass) and `builder(data)`
      (a `BuiltPdf`) print it.
    - Access: `may_issue(user, record)` replaces the default (users who may issue documents about the
      subject); `may_view(user, doc)` and its SQL twin `view_scope(user)` replace the default (whoever may
      see the subject). `refusal(record)` names why a record cannot be issued at all (None if it can);
      `sign_refusal(record, who)` why the slot of signer kind `who` cannot be signed in the record's present
      state (a staff member's acknowledgement while they appeal, say), None if it can.
    - `back_endpoint(record) -> (endpoint, values)`: the record's own page, linked from the issue page.
    - `bulk`: how to issue it for a whole department in the background (None: one record at a time only).
    - `content(data)`: the record content a document fingerprints and compares (default: the data without
      letterhead and signature captions, see reports.content); `field_labels` name its fields for people
      (field name -> lazy label) when a document is shown as outdated.
    """

    kind: str
    name: str
    prefix: str
    title: str
    slots: tuple[SlotSpec, ...]
    model: type
    subject: Callable[[object], Subject]
    data: Callable[[object, object, tuple[str, ...]], object]
    builder: Callable[[object], object]
    find: Callable[[Sequence[str]], object]
    cli_args: str = "SUBJECT"
    may_issue: Callable[[object, object], bool] | None = None
    may_view: Callable[[object, object], bool] | None = None
    view_scope: Callable[[object], object] | None = None
    refusal: Callable[[object], str | None] | None = None
    sign_refusal: Callable[[object, str], str | None] | None = None
    back_endpoint: Callable[[object], tuple[str, dict]] | None = None
    bulk: BulkSource | None = None
    content: Callable[[object], dict] | None = None
    field_labels: Mapping[str, object] = field(default_factory=dict)

    def prepare(self, record, letterhead):
        """The builder data of `record`, always in the documents' language (the company's default, Chinese):
        a document, and the fingerprint of its content, never depend on who issued it or who looks at it."""
        with force_locale(current_app.config.get("BABEL_DEFAULT_LOCALE", "zh")):
            return self.data(record, letterhead, tuple(s.label for s in self.slots))

    def build(self, record, letterhead):
        """The unsigned PDF of `record` with this type's signature slots."""
        return self.builder(self.prepare(record, letterhead))

    def content_of_data(self, data) -> dict:
        """The content of prepared builder data (what `record_content` computes from a record)."""
        return self.content(data) if self.content is not None else content_of(data)

    def record_content(self, record) -> dict:
        """What a document about `record` prints right now, as plain data (no letterhead, no captions)."""
        return self.content_of_data(self.prepare(record, None))


def report_types() -> dict[str, ReportType]:
    """Every registered report type by kind, in module order."""
    return {t.kind: t for module in modules() for t in module.report_types}


def report_type(kind: str) -> ReportType | None:
    """The registered type of `kind` (a document's stored kind), or None."""
    return report_types().get(str(kind))


def bulk_report_types() -> list[ReportType]:
    """The registered types that can be issued for a whole department at once."""
    return [t for t in report_types().values() if t.bulk is not None]


def report_type_named(name: str) -> ReportType | None:
    """The registered type whose URL/CLI name is `name`, or None."""
    return next((t for t in report_types().values() if t.name == name), None)
