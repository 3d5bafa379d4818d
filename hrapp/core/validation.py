"""The one validation-error shape: field name -> list of messages (pure; no Flask, no database).

Rules and services raise `ValidationFailed` (or a subclass); views put it on a form with `errors_onto_form`,
the API answers it as a 422 with the same `errors` mapping. A message may be a plain or a lazy
(translated-on-render) string; it is turned into text only where it is shown.
"""
from collections.abc import Callable, Iterable, Mapping

# The field name for a problem that belongs to no single field (a form-level message).
FORM = "_form"


class ValidationFailed(ValueError):
    """Bad input, nothing changed: `errors` maps a field name to its messages (never empty lists).

    >>> ValidationFailed.single("name", "Name is required.").errors
    {'name': ['Name is required.']}
    """

    def __init__(self, errors: Mapping[str, Iterable]):
        self.errors: dict[str, list] = {field: list(messages) for field, messages in errors.items() if messages}
        super().__init__(self.errors)

    @classmethod
    def single(cls, field: str, message) -> "ValidationFailed":
        """One message for one field (`FORM` for a form-level message)."""
        return cls({field: [message]})

    @property
    def field(self) -> str:
        """The first field named (for callers that show a single problem)."""
        return next(iter(self.errors), FORM)

    @property
    def message(self):
        """The first message (for callers that show a single problem, e.g. a flash or a CLI error)."""
        return next(iter(self.errors.values()), [""])[0]

    def messages(self) -> list[str]:
        """Every message as text, in field order."""
        return [str(m) for messages in self.errors.values() for m in messages]


def errors_onto_form(form, errors: Mapping[str, Iterable], aliases: Mapping[str, str] | None = None) -> None:
    """Put field -> messages onto a WTForms form: on the field of that name (renamed through `aliases`,
    e.g. {"superior_id": "superior_number"}), on `form.form_errors` when the form has no such field or
    the field was not validated (WTForms then still holds a tuple, which the template would not show).

    Accepts a `ValidationFailed.errors` mapping; messages are rendered to text here.
    """
    for name, messages in errors.items():
        name = (aliases or {}).get(name, name)
        field = form[name] if name != FORM and name in form else None
        target = field.errors if field is not None and isinstance(field.errors, list) else form.form_errors
        target.extend(str(m) for m in messages)


def show_failure(form, exc: ValidationFailed, aliases: Mapping[str, str] | None = None) -> None:
    """`errors_onto_form` for a raised `ValidationFailed`."""
    errors_onto_form(form, exc.errors, aliases)


def validate_with_rules(form, rules: Callable[[], object], aliases: Mapping[str, str] | None = None) -> bool:
    """Validate a submitted form in one round: its field validators AND `rules()` (which raises
    `ValidationFailed`), so a form with many problems reports every invalid field at once, not the
    field errors first and the rules' on the next submit. `rules` must cope with the None a field that
    failed to parse leaves; a rule message for a field that already has its own error is not repeated.

    :return: True when the form was submitted and neither the fields nor the rules found a problem.
    """
    if not form.is_submitted():
        return False
    fields_ok = form.validate()
    try:
        rules()
    except ValidationFailed as exc:
        aliases = aliases or {}
        fresh = {name: messages for name, messages in exc.errors.items()
                 if not (aliases.get(name, name) in form and form[aliases.get(name, name)].errors)}
        errors_onto_form(form, fresh, aliases)
        return False
    return fields_ok
