"""One-time submission tokens: the storage side of `hrapp.forms.CreateForm`.

Each rendering of a create form carries a fresh random token. When the form is posted and valid, `claim`
looks the token up (a row means the form was already submitted: a double click, a reload, a replayed POST)
and otherwise adds the row to the session, so it is stored by the same commit as the record the view
creates, or not at all when the view gives up (the request's rollback takes it away and the same page may
be sent again). Two requests with one token at the same moment both pass the look-up; the unique `token`
column refuses the second at flush or commit, and `hrapp.core.uniqueness` answers it with the same
"already submitted" message.
"""
import secrets
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from hrapp.core.uniqueness import unique_field
from hrapp.core.validation import FORM
from hrapp.extensions import db
from hrapp.models import SubmissionToken

TOKEN_LENGTH = 64
ALREADY_SUBMITTED = unique_field(
    "uq_submission_tokens_token", FORM,
    _l("This form was already sent and saved; look for the record before sending it again."))
MISSING = _l("This form is missing its one-time token; reload the page and try again.")
KEPT_FOR = timedelta(days=30)  # a form left open longer than this and then sent twice is not recognised


def new_token() -> str:
    """A fresh token for one rendering of a create form."""
    return secrets.token_urlsafe(32)


def claim(token: str, user_id: int | None, endpoint: str) -> bool:
    """False if `token` was already used (or is not one we could have made); else add it to the session (stored
    with the caller's commit) and return True."""
    if not token or len(token) > TOKEN_LENGTH:
        return False
    if db.session.scalar(sa.select(SubmissionToken.id).where(SubmissionToken.token == token)) is not None:
        return False
    db.session.add(SubmissionToken(token=token, user_id=user_id, endpoint=endpoint[:120]))
    return True


def prune_tokens(now: datetime) -> int:
    """The tick: forget tokens used more than `KEPT_FOR` ago (the table would otherwise grow with every create
    form ever sent); returns how many went. Idempotent."""
    return db.session.execute(sa.delete(SubmissionToken).where(SubmissionToken.used_at < now - KEPT_FOR)).rowcount
