"""A user's own API tokens on their settings page: create and name one (shown once), list, revoke."""
from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from hrapp.blueprints.auth.access import can_manage_api_token
from hrapp.blueprints.auth.forms import ApiTokenForm
from hrapp.blueprints.auth.tokens import issue_api_token, revoke_api_token, tokens_of
from hrapp.extensions import db
from hrapp.forms import ConfirmForm
from hrapp.models import ApiToken
from hrapp.permissions import get_or_404


@login_required
def list_tokens():
    """GET: the user's tokens and a form for a new one; POST: create it and show it, this once.

    The new token is rendered in the POST's answer (never flashed: the session cookie is only signed)."""
    form = ApiTokenForm()
    new_token = None
    if form.validate_on_submit():
        _row, new_token = issue_api_token(current_user, form.name.data.strip(), actor=current_user)
        db.session.commit()
        form = ApiTokenForm(formdata=None)
    # The page may hold a token in clear: like every authenticated answer it is no-store (core.caching).
    return render_template("auth/token_list.html", form=form, tokens=tokens_of(current_user),
                           new_token=new_token, title=_("API tokens"))


@login_required
def revoke_token(token_id: int):
    """GET: confirm; POST: revoke one of the user's own tokens."""
    token = get_or_404(ApiToken, token_id, check=can_manage_api_token)
    form = ConfirmForm()
    if form.validate_on_submit():
        if revoke_api_token(token, actor=current_user):
            db.session.commit()
            flash(_("Token revoked: it no longer works."), "success")
        else:
            flash(_("This token was already revoked."), "info")
        return redirect(url_for("auth.list_tokens"))
    return render_template("auth/token_revoke.html", form=form, token=token, title=_("Revoke an API token"))
