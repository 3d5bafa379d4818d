"""Every attachment route as every role: a staff record's files are seen by HR, administrators and the person
(never heads or colleagues), and only HR and administrators attach or delete them."""
import io

import pytest

from hrapp.core.attachments import attach_file, owner_for
from hrapp.extensions import db
from tests import access_matrix
from tests.access_matrix import Route, walk, web_callers
from tests.attachments.conftest import PDF, PNG

people = access_matrix.people  # the fixture


@pytest.fixture
def site(people, store_dir):
    """A PDF on the front-desk clerk's record and a PNG on the housekeeping clerk's, both put there by HR."""
    o = people
    o.desk_file = attach_file(owner_for("staff"), o.desk_staff, io.BytesIO(PDF), "contract.pdf", o.hr)
    o.hk_file = attach_file(owner_for("staff"), o.hk_staff, io.BytesIO(PNG), "photo.png", o.hr)
    db.session.commit()
    return o


def table(o) -> dict[str, Route]:
    desk, hk = o.desk_file.id, o.hk_file.id
    #                                                                           anon staff other head hk_head hr admin
    return {
        "download_desk": Route("GET", f"/attachments/{desk}",                   "L    200   404   403  404     200 200"),
        "download_hk": Route("GET", f"/attachments/{hk}",                       "L    404   200   404  403     200 200"),
        "download_missing": Route("GET", "/attachments/999999",                 "L    404   404   404  404     404 404"),
        # No file chosen: those who may attach get the record page back with the message (302 to it).
        "upload_desk": Route("POST", f"/attachments/staff/{o.desk_staff.id}",   "L    403   404   403  404     302 302"),
        "upload_unknown_owner": Route("POST", f"/attachments/nothing/{o.desk_staff.id}",
                                                                                "L    404   404   404  404     404 404"),
        "confirm_delete": Route("GET", f"/attachments/{desk}/delete",           "L    403   404   403  404     200 200"),
        # Without the attachment's version the confirmation comes back (nothing deleted) for those allowed.
        "delete": Route("POST", f"/attachments/{desk}/delete",                  "L    403   404   403  404     200 200"),
    }


def test_every_attachment_route_for_every_role(app, site):
    walk(app, "attachments", table(site), web_callers(app))
