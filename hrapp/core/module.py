"""What a feature package brings to the app, declared once in its `__init__.py` as `MODULE = Module(...)`.

The app factory, navigation, API, CLI, demo seed, `tick` and the bench loop over the registered
modules; none of them names a feature. The list of module packages is `Config.MODULES` (one line
per module), so a new feature is its package plus that line.
"""
import importlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from flask import Flask, current_app

EXTENSION_KEY = "hrapp.modules"


@dataclass(frozen=True)
class NavEntry:
    """A link in the top navigation, shown when `visible(user)` holds (an access rule, never a role test).

    `order` sorts entries across modules; `element_id` is the link's HTML id (tests and browser journeys).
    `menu` (a lazy string) puts the link in the dropdown of that name, where its first entry would stand, so
    the bar stays one line: entries of several modules share a menu by giving the same text.
    """

    endpoint: str
    label: object  # a lazy string from the catalogue
    visible: Callable[[object], bool]
    order: int = 100
    element_id: str = ""
    menu: object = ""


@dataclass(frozen=True)
class NotificationKind:
    """A kind of notification a module sends (`name` is stored on the row; `label` names it to people)."""

    name: str
    label: object


@dataclass(frozen=True)
class TickTask:
    """A time-driven step `flask tick` runs: `run(now)` does what is due at `now` and returns how many
    things it did. It must be idempotent: running it twice, or twice at once, does each thing once."""

    name: str
    run: Callable[[datetime], int]


@dataclass(frozen=True)
class Module:
    """One feature package's contributions. Every field but `name` is optional."""

    name: str
    label: object = ""  # what people call it (a lazy string from the catalogue); the name when empty
    blueprints: tuple = ()
    # flask-smorest blueprints, or "package.module:attribute" references to them, loaded once every
    # module is imported (for API code that lives beside the shared schemas rather than in the package).
    api_blueprints: tuple = ()
    report_types: tuple = ()
    # Role -> permission names the module grants to that role (merged into the one mechanism).
    grants: Mapping = field(default_factory=dict)
    # Access rules and helpers templates call by name (the same functions the views use).
    template_globals: Mapping[str, Callable] = field(default_factory=dict)
    nav: tuple[NavEntry, ...] = ()
    notification_kinds: tuple[NotificationKind, ...] = ()
    cli: tuple = ()  # click commands or groups added to `flask --app wsgi`
    seed_demo: Callable | None = None  # seed_demo(context) -> None, called by seed-demo in module order
    benches: tuple[str, ...] = ()  # bench modules ("bench.roster") whose BENCHES `make bench` runs
    tick_tasks: tuple[TickTask, ...] = ()
    jobs: Mapping[str, Callable] = field(default_factory=dict)  # job name -> run(job) for the job interface
    closable: bool = False  # its records live in periods HR closes (see the period-close guard)
    # What must be resolved before a period of the module closes: check(department, first, last) -> a list of
    # problems (translated text) that block the close; empty when it may close.
    close_checks: tuple[Callable, ...] = ()
    # Record type -> who may see that a record exists (403 rather than 404 when they may not act on it).
    visibility: Mapping = field(default_factory=dict)
    # Record types files may be attached to (hrapp.core.attachments): owner name -> how to load and check it.
    attachment_owners: tuple = ()
    # What the audit trail calls this module's actions, record types and fields (hrapp.core.audit_vocabulary).
    audit: object = None


def load_modules(names: Iterable[str]) -> list[Module]:
    """Import each package in `names` and return its `MODULE`, in order."""
    loaded = []
    for name in names:
        module = getattr(importlib.import_module(name), "MODULE", None)
        if not isinstance(module, Module):
            raise RuntimeError(f"{name} declares no MODULE = Module(...)")
        loaded.append(module)
    return loaded


def register_modules(app: Flask) -> list[Module]:
    """Load `app.config["MODULES"]` and keep them on the app; returns them."""
    modules = load_modules(app.config["MODULES"])
    app.extensions[EXTENSION_KEY] = modules
    return modules


def resolve(reference):
    """An object, or the object a "package.module:attribute" reference names."""
    if not isinstance(reference, str):
        return reference
    module_name, _, attribute = reference.partition(":")
    return getattr(importlib.import_module(module_name), attribute)


def modules(app: Flask | None = None) -> list[Module]:
    """The modules registered on `app` (the current app by default), in registration order."""
    return (app or current_app).extensions[EXTENSION_KEY]


def _merged_audit(parts) -> object:
    """One vocabulary from the parts' vocabularies (their value labels asked in order)."""
    from hrapp.core.audit_vocabulary import AuditVocabulary

    vocabularies = [p.audit for p in parts if p.audit is not None]
    if not vocabularies:
        return None
    value_labels = [v.value_label for v in vocabularies if v.value_label]

    def value_label(field_name, value):
        return next((text for f in value_labels if (text := f(field_name, value)) is not None), None)

    return AuditVocabulary(actions={k: v for a in vocabularies for k, v in a.actions.items()},
                           record_types={k: v for a in vocabularies for k, v in a.record_types.items()},
                           fields={k: v for a in vocabularies for k, v in a.fields.items()},
                           value_label=value_label if value_labels else None)


def combine(name: str, parts: Iterable[Module], **fields) -> Module:
    """One module from the parts of a large feature package (its sub-packages each declare a `Module`, named
    after themselves): tuples are joined, mappings merged, the demo seeds run in order, the audit vocabularies
    merged. `fields` (label, grants, closable, ...) are the whole module's own; its mappings (template
    globals, visibility, jobs) are merged with the parts'."""
    parts = list(parts)
    seeds = [p.seed_demo for p in parts if p.seed_demo]

    def seed_demo(context) -> None:
        for seed in seeds:
            seed(context)

    joined: dict = {}
    for attribute in ("blueprints", "api_blueprints", "report_types", "nav", "notification_kinds", "cli",
                      "benches", "tick_tasks", "attachment_owners", "close_checks"):
        joined[attribute] = (*(item for p in parts for item in getattr(p, attribute)), *fields.pop(attribute, ()))
    for attribute in ("template_globals", "jobs", "visibility"):
        joined[attribute] = {**{k: v for p in parts for k, v in getattr(p, attribute).items()},
                             **fields.pop(attribute, {})}
    joined["audit"] = _merged_audit(parts)
    joined["seed_demo"] = seed_demo if seeds else None
    return Module(name=name, **{**joined, **fields})
