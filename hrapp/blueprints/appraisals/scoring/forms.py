"""Forms of the scoring part. The per-item inputs (`level-<id>`, `value-<id>`, `score-<id>`, `comment-<id>`) vary
with the appraisal's items: the views read them from the posted form (entries.posted_entries) and the services
check them; these forms carry the version, the overall comment and the CSRF token."""
from flask_babel import lazy_gettext as _l
from wtforms import RadioField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from hrapp.forms import CreateForm, VersionedForm

from .entries import COMMENT_MAX
from .peer import RATINGS


class ScoreForm(VersionedForm):
    """A self-assessment or a scoring, saved as a draft or submitted; `version_id` is the appraisal's."""

    comment = TextAreaField(_l("Overall comment"), validators=[Optional(), Length(max=COMMENT_MAX)],
                            render_kw={"rows": 3, "maxlength": COMMENT_MAX})


class PeerFeedbackForm(CreateForm):
    """A colleague's rating (1 = poor … 5 = excellent) and an optional comment, given anonymously."""

    rating = RadioField(_l("Your rating"), coerce=int, choices=[(r, str(r)) for r in RATINGS],
                        validators=[InputRequired(message=_l("Choose a rating."))])
    comment = TextAreaField(_l("Comment (optional)"), validators=[Optional(), Length(max=COMMENT_MAX)],
                            render_kw={"rows": 3, "maxlength": COMMENT_MAX})
