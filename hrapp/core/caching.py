"""Personal data stays out of caches: every dynamic response is `Cache-Control: no-store`, set once here.

Pages, PDFs, spreadsheets, calendar feeds and attachments all carry names, ID numbers and pay, and a shared
computer's browser cache or a proxy must not keep them. Only static assets, and views marked `@cacheable`
(a generated stylesheet, say, that holds no personal data), keep their own caching headers.
"""
from collections.abc import Callable

from flask import Flask, Response, current_app, request


def cacheable(view: Callable) -> Callable:
    """Mark a view whose answers hold no personal data, so it keeps its own Cache-Control."""
    view.cacheable = True
    return view


def is_cacheable(endpoint: str | None) -> bool:
    """Whether responses of `endpoint` may be cached: static files (the app's or a blueprint's) and views
    marked `@cacheable`."""
    if endpoint is None:
        return False
    if endpoint == "static" or endpoint.endswith(".static"):
        return True
    return getattr(current_app.view_functions.get(endpoint), "cacheable", False)


def no_store(response: Response) -> Response:
    """`response` marked `no-store`, replacing whatever caching a view or send_file set."""
    if is_cacheable(request.endpoint):
        return response
    response.headers["Cache-Control"] = "no-store"
    response.headers["Pragma"] = "no-cache"  # HTTP/1.0 caches
    response.headers.pop("Expires", None)
    return response


def register_no_store(app: Flask) -> None:
    """Install the hook on `app` (runs for views, error pages and downloads alike)."""
    app.after_request(no_store)
