"""Fixtures of the job and tick tests: the sample module registered on the session app."""
import pytest

from hrapp.core.module import EXTENSION_KEY
from tests.jobs import sample_module


@pytest.fixture
def sample(app, monkeypatch):
    """The app's modules plus the sample module (its jobs and tick tasks), for this test only."""
    monkeypatch.setitem(app.extensions, EXTENSION_KEY, [*app.extensions[EXTENSION_KEY], sample_module.MODULE])
    return sample_module
