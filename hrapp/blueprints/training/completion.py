"""What completing a course means, shared by the parts: present at a session of it, and where the course is
assessed, passed (a pass is only recorded for someone present). As SQL, for the people who need a course still."""
import sqlalchemy as sa

from hrapp.models import Attempt, Course, Enrolment, Presence, TrainingSession


def completed_staff(course: Course) -> sa.Select:
    """SELECT of the ids of the people who completed `course` (ever)."""
    if course.pass_score is not None:
        return sa.select(Attempt.staff_id).where(Attempt.course_id == course.id, Attempt.passed.is_(True))
    return (sa.select(Enrolment.staff_id).join(TrainingSession, TrainingSession.id == Enrolment.session_id)
            .where(TrainingSession.course_id == course.id, Enrolment.presence == Presence.PRESENT))
