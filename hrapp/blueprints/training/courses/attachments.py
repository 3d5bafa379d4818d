"""A course's materials (slides, handouts) on the shared attachments (hrapp.core.attachments): whoever sees the
course may download them; HR attaches and deletes."""
from flask import url_for

from hrapp.blueprints.training.access import can_manage_training, can_view_course
from hrapp.core.attachments import AttachmentOwner
from hrapp.models import Course

OWNER = "training_course"


def may_manage_materials(user, course: Course) -> bool:
    """HR and administrators (who keep the catalogue)."""
    return can_manage_training(user)


MATERIALS = AttachmentOwner(
    name=OWNER, model=Course, may_view=can_view_course, may_attach=may_manage_materials,
    may_delete=may_manage_materials,
    record_url=lambda course: url_for("training_courses.show_course", course_id=course.id),
    audit_downloads=False)
