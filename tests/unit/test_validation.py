"""The shared validation-error shape (pure): ValidationFailed and putting it on a form."""
import pytest
from wtforms import Form, IntegerField, StringField

from hrapp.blueprints.auth.rules import RuleViolation
from hrapp.blueprints.roster.services.messages import RosterValidationError
from hrapp.blueprints.staff.services import StaffValidationError
from hrapp.core.validation import FORM, ValidationFailed, errors_onto_form, show_failure


class PersonForm(Form):
    name = StringField()
    superior_number = StringField()
    age = IntegerField()


def test_validation_failed_keeps_every_message_per_field_and_drops_empty_ones():
    exc = ValidationFailed({"name": ["required", "too long"], "age": [], "phone": ("digits only",)})
    assert exc.errors == {"name": ["required", "too long"], "phone": ["digits only"]}
    assert exc.messages() == ["required", "too long", "digits only"]
    assert (exc.field, exc.message) == ("name", "required")


def test_single_builds_one_field_one_message():
    exc = ValidationFailed.single("age", "too young")
    assert exc.errors == {"age": ["too young"]} and (exc.field, exc.message) == ("age", "too young")


def test_empty_failure_still_answers_field_and_message():
    exc = ValidationFailed({})
    assert exc.errors == {} and exc.field == FORM and exc.message == ""


@pytest.mark.parametrize("exc", [
    RuleViolation("name", "taken"),
    StaffValidationError({"name": ["taken"]}),
    RosterValidationError({"name": ["taken"]}),
])
def test_module_errors_are_the_shared_shape(exc):
    assert isinstance(exc, ValidationFailed) and isinstance(exc, ValueError)
    assert exc.errors == {"name": ["taken"]} and exc.message == "taken" and exc.field == "name"


def test_roster_codes_become_messages_in_the_shared_shape():
    exc = RosterValidationError.from_codes({"code": ["code"], "name": []})
    assert list(exc.errors) == ["code"] and "Code" in exc.message


def test_errors_land_on_their_fields_renamed_or_on_the_form():
    form = PersonForm()
    form.validate()
    errors_onto_form(form, {"name": ["taken"], "superior_id": ["unknown"], "salary": ["too high"],
                            FORM: ["changed meanwhile"]}, aliases={"superior_id": "superior_number"})
    assert form.name.errors[-1] == "taken"
    assert form.superior_number.errors == ["unknown"]
    assert form.form_errors == ["too high", "changed meanwhile"]


def test_errors_for_an_unvalidated_field_go_to_the_form():
    form = PersonForm()  # validate() not run: WTForms still holds an immutable tuple per field
    show_failure(form, ValidationFailed.single("name", "taken"))
    assert form.form_errors == ["taken"] and not form.name.errors


def test_lazy_messages_are_rendered_as_text_on_the_form():
    class Lazy:
        def __str__(self):
            return "rendered"

    form = PersonForm()
    form.validate()
    show_failure(form, ValidationFailed.single("age", Lazy()))
    assert form.age.errors[-1] == "rendered"
