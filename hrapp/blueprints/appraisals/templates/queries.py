"""What the template pages read: the list (search, filters, pages) and the department and position choices of
the form. Reads only."""
import sqlalchemy as sa
from sqlalchemy.orm import joinedload, selectinload

from hrapp.core.listing import Filter, Listing, like_escape, positive_int, yes_no
from hrapp.extensions import db
from hrapp.models import AppraisalTemplate, Department, Position


def _search(query: sa.Select, text: str) -> sa.Select:
    like = f"%{like_escape(text)}%"
    return query.where(sa.or_(AppraisalTemplate.code.ilike(like, escape="\\"),
                              AppraisalTemplate.name_zh.ilike(like, escape="\\"),
                              AppraisalTemplate.name_en.ilike(like, escape="\\")))


TEMPLATES = Listing(
    sorts={"code": AppraisalTemplate.code, "name": AppraisalTemplate.name_zh,
           "updated": AppraisalTemplate.updated_at},
    default_sort="code",
    tiebreak=(AppraisalTemplate.id,),
    filters=(
        Filter("q", _search),
        Filter("active", lambda q, v: q.where(AppraisalTemplate.active.is_(v)), yes_no, max_length=3),
        Filter("department", lambda q, v: q.where(AppraisalTemplate.department_id == v), positive_int,
               max_length=12),
    ),
)


def templates_query() -> sa.Select:
    """Every template with its department, position and criteria loaded (HR and heads see them all)."""
    return sa.select(AppraisalTemplate).options(
        joinedload(AppraisalTemplate.department), joinedload(AppraisalTemplate.position),
        selectinload(AppraisalTemplate.criteria))


def departments() -> list[Department]:
    """Every department in tree order (the form's and the filter's choices)."""
    return list(db.session.scalars(sa.select(Department).order_by(Department.path)))


def department_options() -> list[tuple[int | None, str]]:
    """(id, "code name") of every department, after "company-wide" (None)."""
    return [(None, "—"), *((d.id, f"{d.code} {d.name}") for d in departments())]


def position_options() -> list[tuple[int | None, str]]:
    """(id, "department code · position code name") of every position, after "none" (None)."""
    rows = db.session.execute(sa.select(Position, Department.code).join(Position.department)
                              .order_by(Department.path, Position.code)).all()
    return [(None, "—"), *((p.id, f"{code} · {p.code} {p.name}") for p, code in rows)]
