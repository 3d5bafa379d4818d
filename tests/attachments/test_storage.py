"""The content-addressed store: sharded paths, dedupe, atomic writes, outside the web root."""
import hashlib
import os
from pathlib import Path

import pytest

from config import INSTANCE_DIR, Config
from hrapp.core.attachments import file_store
from hrapp.core.filestore import FileStore, is_inside
from tests.attachments.conftest import PDF, PNG, stored_files


def test_put_stores_under_sharded_hash(tmp_path):
    store = FileStore(tmp_path)
    sha = store.put(PNG)
    assert sha == hashlib.sha256(PNG).hexdigest()
    path = tmp_path / sha[:2] / sha[2:]
    assert store.path_for(sha) == path and path.read_bytes() == PNG
    assert path.stat().st_mode & 0o077 == 0o040  # not world-readable


def test_same_content_is_stored_once(tmp_path):
    store = FileStore(tmp_path)
    assert store.put(PDF) == store.put(PDF)
    store.put(PNG)
    assert len(stored_files(tmp_path)) == 2  # and no temporary file left behind


def test_a_failed_write_leaves_nothing(tmp_path, monkeypatch):
    def disk_full(fd):
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", disk_full)
    store = FileStore(tmp_path)
    with pytest.raises(OSError):
        store.put(PDF)
    assert stored_files(tmp_path) == [] and not store.exists(hashlib.sha256(PDF).hexdigest())


def test_discard_removes_the_file_once(tmp_path):
    store = FileStore(tmp_path)
    sha = store.put(PDF)
    assert store.discard(sha) is True and not store.exists(sha)
    assert store.discard(sha) is False


@pytest.mark.parametrize("bad", ["../../etc/passwd", "AB" * 32, "a" * 63, "", "g" * 64])
def test_path_for_accepts_only_a_hash(tmp_path, bad):
    with pytest.raises(ValueError):
        FileStore(tmp_path).path_for(bad)


def test_store_lies_outside_the_static_folder(app):
    store = file_store()
    assert not is_inside(store.root, app.static_folder)
    assert Path(app.config["ATTACHMENTS_DIR"]) == store.root


def test_a_store_inside_the_static_folder_is_refused(app, monkeypatch):
    monkeypatch.setitem(app.config, "ATTACHMENTS_DIR", str(Path(app.static_folder) / "files"))
    with pytest.raises(RuntimeError, match="static"):
        file_store()


def test_default_store_is_in_the_instance_folder():
    assert Path(Config.ATTACHMENTS_DIR) == INSTANCE_DIR / "attachments"
    assert Config.ATTACHMENT_MAX_BYTES == 10 * 1024 * 1024
