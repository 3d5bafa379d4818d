"""The attachment services: the stored file follows the transaction's outcome."""
import io

import pytest

from hrapp.core.attachments import AttachmentRefused, attach_file, delete_attachment, owner_for, owners
from hrapp.extensions import db
from hrapp.models import Attachment
from tests.attachments.conftest import EXE, PDF, stored_files
from tests.conftest import count


def _attach(org, data=PDF, staff=None):
    return attach_file(owner_for("staff"), staff or org.desk_staff, io.BytesIO(data), "scan.pdf", org.hr)


def test_staff_is_a_registered_owner(app):
    assert "staff" in owners() and owner_for("nothing") is None


@pytest.mark.committed  # the store checks for other users of the content on a connection of its own
def test_a_rolled_back_upload_leaves_no_file(org, store_dir):
    _attach(org)
    assert len(stored_files(store_dir)) == 1
    db.session.rollback()
    assert count(Attachment) == 0 and stored_files(store_dir) == []


@pytest.mark.committed  # the store checks for other users of the content on a connection of its own
def test_a_rolled_back_upload_keeps_content_another_row_uses(org, store_dir):
    _attach(org)
    db.session.commit()
    _attach(org, staff=org.hk_staff)
    db.session.rollback()
    assert count(Attachment) == 1 and len(stored_files(store_dir)) == 1


@pytest.mark.committed  # the store checks for other users of the content on a connection of its own
def test_a_rolled_back_delete_keeps_row_and_file(org, store_dir):
    row = _attach(org)
    db.session.commit()
    delete_attachment(row, org.hr, row.version_id)
    db.session.rollback()
    assert count(Attachment) == 1 and len(stored_files(store_dir)) == 1


def test_refusals_carry_their_code_and_store_nothing(org, store_dir, app, monkeypatch):
    monkeypatch.setitem(app.config, "ATTACHMENT_MAX_BYTES", 200)
    for data, code in ((b"", "empty"), (EXE, "type"), (PDF * 2, "too_large")):
        with pytest.raises(AttachmentRefused) as refused:
            _attach(org, data)
        assert refused.value.code == code and refused.value.message
    assert count(Attachment) == 0 and stored_files(store_dir) == []
