"""The live server for browser tests, run as its own process:

    python -m tests.browser.live_server DATABASE_URI IMPORT_DIR

It creates the schema in DATABASE_URI (a new SQLite file), seeds it through the services, prints
the port it listens on (127.0.0.1, chosen by the OS) as its first line of output, then serves
until terminated. A separate process keeps the server off the test process's GIL (where the
Playwright driver runs) and shares no app or extension state with the other tests' apps.
"""
import logging
import sys
from datetime import date
from decimal import Decimal

from werkzeug.serving import make_server

from config import TestingConfig
from hrapp import create_app
from hrapp.blueprints.auth.services import create_user
from hrapp.blueprints.conduct.catalogue.seed import seed_catalogue
from hrapp.blueprints.org.services import save_department
from hrapp.blueprints.staff.rules import StaffData
from hrapp.blueprints.staff.services import create_staff
from hrapp.extensions import db
from hrapp.models import Gender, Role
from tests.browser.appraisal_seed import seed_appraisal_department
from tests.browser.attendance_seed import seed_attendance_department
from tests.browser.big_roster_seed import seed_big_department
from tests.browser.charts_seed import seed_charts_department
from tests.browser.document_seed import seed_document_roster
from tests.browser.home_head_seed import seed_home_head_department
from tests.browser.home_hr_seed import seed_home_hr
from tests.browser.home_staff_seed import seed_home_staff_department
from tests.browser.outward_seed import seed_outward_failure
from tests.browser.phone_seed import seed_phone_department
from tests.browser.roster_seed import seed_roster_department
from tests.browser.search_seed import seed_search_department
from tests.browser.training_seed import seed_training_department

PASSWORD = "Correct-Horse-Battery-9"
# One account per role (username = role name); the staff the tests look for.
ACCOUNTS = {"admin": "admin", "hr": "hr", "head": "head", "staff": "staff"}
NAMES = {"head": "王经理", "desk": "李前台", "housekeeping": "赵服务员", "desk_number": "E0002"}


def live_config(database_uri: str, import_dir: str) -> type:
    """TestingConfig on a file database, with CSRF protection on so the browser sends real forms."""

    class LiveConfig(TestingConfig):
        SQLALCHEMY_DATABASE_URI = database_uri
        IMPORT_DIR = import_dir
        WTF_CSRF_ENABLED = True

    return LiveConfig


def seed() -> None:
    """Front office (FO) with the front desk (FO-DESK) under it, housekeeping (HK); a head of FO,
    a desk clerk with a staff account, a housekeeper nobody in FO may see; admin and HR accounts."""
    front = save_department(None, None, "FO", "前厅部", "Front office", None, 10)
    front_desk = save_department(None, None, "FO-DESK", "前台", "Front desk", front, 5)
    housekeeping = save_department(None, None, "HK", "客房部", "Housekeeping", None, 10)
    db.session.flush()

    def staff(number, name, department):
        return create_staff(StaffData(staff_number=number, name_zh=name, gender=Gender.FEMALE,
                                      department_id=department.id, hire_on=date(2020, 3, 1),
                                      birth_on=date(1990, 1, 1), daily_wage_amount=Decimal("200.00"),
                                      monthly_base_amount=Decimal("4500.00")), None)

    head_staff = staff("E0001", NAMES["head"], front)
    desk_staff = staff(NAMES["desk_number"], NAMES["desk"], front_desk)
    staff("E0003", NAMES["housekeeping"], housekeeping)
    create_user(ACCOUNTS["admin"], PASSWORD, Role.ADMIN, None, must_change_password=False)
    create_user(ACCOUNTS["hr"], PASSWORD, Role.HR, None, must_change_password=False)
    head = create_user(ACCOUNTS["head"], PASSWORD, Role.HEAD, None, staff=head_staff, departments=[front],
                       must_change_password=False)
    create_user(ACCOUNTS["staff"], PASSWORD, Role.STAFF, None, staff=desk_staff, must_change_password=False)
    seed_roster_department()
    seed_document_roster(head, front, head_staff)
    seed_phone_department(staff)
    seed_big_department()
    seed_attendance_department(staff)
    seed_training_department(staff)
    seed_appraisal_department(staff)
    seed_home_head_department(staff)
    seed_home_hr(staff)
    seed_charts_department(staff)
    seed_search_department(staff)
    seed_catalogue(None)
    seed_home_staff_department(staff)
    seed_outward_failure()
    db.session.commit()


def main() -> None:
    app = create_app(live_config(sys.argv[1], sys.argv[2]))
    with app.app_context():
        db.create_all()
        seed()
        db.session.remove()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # errors only, no access log
    server = make_server("127.0.0.1", 0, app, threaded=True)
    print(server.server_port, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
