"""The time clocks' fixtures: registered devices (one in China's zone, one in Bangkok's)."""
import pytest

from hrapp.blueprints.attendance.clocks.services import create_device
from hrapp.extensions import db


@pytest.fixture
def make_device(app):
    def make(serial="CLK0001", name="前厅员工通道", timezone="Asia/Shanghai", department=None):
        device = create_device(None, serial, name, timezone, department.id if department else None)
        db.session.commit()
        return device
    return make


@pytest.fixture
def device(org, make_device):
    return make_device(department=org.front)
