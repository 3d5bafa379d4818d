"""Marshmallow schemas of GET /api/v1/training/courses: the query arguments and each course."""
from marshmallow import Schema, fields, validate

from hrapp.blueprints.api.schemas import PageArgs, PageSchema
from hrapp.models import CourseCategory


class CourseListArgs(PageArgs):
    category = fields.String(load_default=None, validate=validate.OneOf([c.value for c in CourseCategory]),
                             metadata={"description": "product_knowledge, communication, laws_regulations, teamwork, "
                                                      "complaint_handling, etiquette_grooming, service_awareness or "
                                                      "safety; default: all."})
    active = fields.Boolean(load_default=None, metadata={
        "description": "true: courses in use; false: taken out of use (HR only sees those); default: all you see."})


class CourseSchema(Schema):
    id = fields.Integer()
    code = fields.String()
    title = fields.String(metadata={"description": "The Chinese title."})
    title_en = fields.String()
    category = fields.Function(lambda c: c.category.value)
    hours = fields.Decimal(as_string=True, metadata={"description": "Class hours, one decimal (\"3.5\")."})
    trainer = fields.Function(lambda c: c.trainer.display_name if c.trainer else (c.trainer_name or None),
                              metadata={"description": "The staff member's name, or the outside trainer's; null: "
                                                       "none given."})
    trainer_staff_number = fields.Function(lambda c: c.trainer.staff_number if c.trainer else None,
                                           metadata={"description": "Set when the trainer is a staff member."})
    assessed = fields.Boolean(metadata={"description": "Whether the course has a pass mark."})
    max_score = fields.Decimal(as_string=True)
    pass_score = fields.Decimal(as_string=True, allow_none=True, metadata={"description": "null: not assessed."})
    retakes = fields.Integer(metadata={"description": "Further attempts allowed after the first."})
    certificate_months = fields.Integer(allow_none=True, metadata={
        "description": "How long a pass's certificate is valid; null: the course issues no certificate."})
    open_enrolment = fields.Boolean(metadata={"description": "Staff may enrol themselves in its sessions."})
    active = fields.Boolean()
    rules = fields.Function(lambda c: [r.code for r in c.rules], metadata={
        "description": "Codes of the conduct rules the course should improve (its effect is measured on them)."})


class CoursePageSchema(PageSchema):
    items = fields.List(fields.Nested(CourseSchema))
