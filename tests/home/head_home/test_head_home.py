"""The head's home through HTTP: each panel with its figures and links, nothing of another department, the empty
states and the statement budget (≤ 10 per request)."""
import csv
import io
import re
from datetime import time

from hrapp.blueprints.roster.rules import WORK, ShiftTypeData
from hrapp.blueprints.roster.services import save_shift_type
from hrapp.company import company_today
from hrapp.core.periods import MONTH, period_of
from hrapp.extensions import db
from hrapp.models import DayStatus, Role, ShiftSwap, SwapStatus, User, ViolationState
from hrapp.models.base import utcnow
from tests.access_matrix import login

from .conftest import OUTSIDER, _cell, _month_roster

MAX_STATEMENTS = 10


def _page(app, username="head") -> str:
    response = login(app, username).get("/home/head/")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _section(html: str, element_id: str) -> str:
    start = html.index(f'id="{element_id}"')
    return html[start:html.index("</section>", start)]


def _state(html: str, state: str) -> str:
    match = re.search(rf'<li class="mb-2" data-state="{state}">(.*?)</li>', html, re.S)
    assert match, state
    return match.group(1)


def test_empty_home_says_so(app, people):
    html = _page(app)
    for empty in ("head-board-empty", "head-approvals-empty", "head-tasks-empty"):
        assert f'id="{empty}"' in html
    assert 'data-roster-state="none"' in html
    assert re.search(r'id="head-month-rate">\s*—', html)


def test_day_board_counts_and_names_of_my_departments_only(app, head_day):
    board = _section(_page(app), "head-board")
    assert "head-board-empty" not in board
    assert "王经理" in _state(board, "in") and "周打卡" in _state(board, "in")
    assert '<span class="head-count">2</span>' in _state(board, "in")
    assert "李前台" in _state(board, "late")
    assert "钱缺勤" in _state(board, "absent")
    assert "孙请假" in _state(board, "leave")
    assert '<span class="head-count">0</span>' in _state(board, "missing")
    assert OUTSIDER not in board
    assert 'href="/attendance/today"' in board


def test_approvals_count_and_link_oldest_never_own_or_other_departments(app, head_day):
    o = head_day
    approvals = _section(_page(app), "head-approvals")
    assert OUTSIDER not in approvals
    leave = re.search(r'data-kind="leave">(.*?)</div>', approvals, re.S).group(1)
    assert 'head-count">2<' in leave  # the head's own request is not theirs to decide
    assert leave.index(f"/leave/requests/{o.leave.id}") < leave.index("钱缺勤")  # the oldest first
    assert 'href="/leave/requests/approvals"' in leave
    assert f'href="/attendance/corrections/{o.correction.id}"' in approvals
    assert f'href="/roster/{o.swap.roster_id}/swaps/{o.swap.id}"' in approvals
    assert f'href="/conduct/violations/{o.proposal.id}"' in approvals
    assert 'data-kind="day_off"' in approvals and "孙请假" in approvals
    for kind in ("correction", "swap", "proposal", "day_off"):
        assert re.search(rf'data-kind="{kind}">.*?head-count">1<', approvals, re.S), kind


def test_next_month_rosters_state_and_gaps_against_demand(app, head_day):
    o = head_day
    rosters = _section(_page(app), "head-rosters")
    fo = re.search(rf'data-department-id="{o.front.id}" data-roster-state="draft">(.*?)</tr>', rosters, re.S)
    assert fo, rosters
    assert f'href="/roster/{o.next_roster.id}"' in fo.group(1)
    days = period_of(MONTH, o.following).last.day
    # every day short of 2 people but the first (2 rostered); the second short of 1
    assert f'data-gap-columns="{days - 1}" data-gap-people="{2 * (days - 1) - 1}"' in fo.group(1)
    assert f'data-department-id="{o.front_desk.id}" data-roster-state="none"' in rosters
    assert f'data-department-id="{o.housekeeping.id}"' not in rosters


def test_tasks_with_deadlines(app, head_day):
    o = head_day
    tasks = _section(_page(app), "head-tasks")
    assert OUTSIDER not in tasks
    assert f"/appraisals/to-score?cycle={o.cycle.id}" in tasks
    assert f'href="/training/sessions/{o.past_session.id}"' in tasks
    assert f'href="/training/sessions/{o.next_session.id}"' in tasks
    assert f'href="/training/plans/{o.plan.id}"' in tasks and "消防演练" in tasks
    assert len(re.findall(r"data-task=", tasks)) == 4


def test_month_at_a_glance(app, head_day):
    month = _section(_page(app), "head-month")
    earlier = min(3, head_day.today.day - 1)
    attended, absent = 2 + earlier, 1  # present + late (+ earlier days); absent
    assert re.search(rf'id="head-month-rate">{100 * attended / (attended + absent):.2f}%', month)
    assert re.search(r'id="head-month-late">1<', month)
    # the ledger's count (final only) and, apart, the submitted one still to decide; void and HK's left out
    assert re.search(r'id="head-month-violations">1<', month)
    assert re.search(r'id="head-month-open-violations">1<', month)
    assert re.search(r'id="head-month-rewards">1<', month)


def test_attendance_rate_is_the_charts_a_missing_punch_is_due_and_not_attended(app, people, make_day):
    o = people
    first = period_of(MONTH, company_today()).first
    for n in range(9):
        make_day(o.desk_staff, first.replace(day=n + 1), DayStatus.PRESENT)
    make_day(o.desk_staff, first.replace(day=10), DayStatus.MISSING_PUNCH)
    month = _section(_page(app), "head-month")
    assert re.search(r'id="head-month-rate">90.00%', month), month
    export = login(app, "head").get(f"/charts/attendance.csv?department={o.front_desk.id}")
    rows = list(csv.reader(io.StringIO(export.get_data(as_text=True).lstrip("\ufeff"))))
    assert [first.strftime("%Y-%m"), "9", "0", "1", "90.00"] in [row[1:6] for row in rows], rows


def test_the_root_shows_the_heads_home(app, head_day):
    html = login(app, "head").get("/").get_data(as_text=True)
    assert 'id="head-board"' in html and "李前台" in _section(html, "head-board")
    assert 'id="home-tab-head"' in html


def test_statement_budget(app, head_day, statements):
    client = login(app, "head")
    client.get("/home/head/")
    with statements() as seen:
        assert client.get("/home/head/").status_code == 200
    assert len(seen) <= MAX_STATEMENTS, "\n".join(seen)


def test_a_head_of_another_department_sees_only_theirs(app, head_day, make_user):
    html = _page(app, "hkhead")
    board = _section(html, "head-board")
    assert "王经理" not in board and "李前台" not in html
    assert OUTSIDER in board


def test_a_head_without_departments_has_no_head_home(app, people, make_user):
    make_user(Role.HEAD, "nohead")
    assert login(app, "nohead").get("/home/head/").status_code == 403


def test_approvals_leave_out_the_heads_own_swap_and_proposed_violation(app, head_day, make_rule, make_violation):
    o = head_day
    own_swap = ShiftSwap(roster_id=o.swap.roster_id, requester_id=o.head_staff.id, partner_id=o.desk_staff.id,
                         requester_day=o.today, partner_day=o.today, status=SwapStatus.ACCEPTED)
    partner_swap = ShiftSwap(roster_id=o.swap.roster_id, requester_id=o.desk_staff.id, partner_id=o.head_staff.id,
                             requester_day=o.today, partner_day=o.today, status=SwapStatus.ACCEPTED)
    db.session.add_all([own_swap, partner_swap])
    db.session.commit()
    own_proposal = make_violation(o.head_staff, make_rule(), state=ViolationState.PROPOSED, occurred_at=utcnow(),
                                  department_id=o.front.id)
    approvals = _section(_page(app), "head-approvals")
    assert f"/swaps/{own_swap.id}\"" not in approvals and f"/swaps/{partner_swap.id}\"" not in approvals
    assert f'href="/conduct/violations/{own_proposal.id}"' not in approvals
    # a colleague's are still there, and only they are counted
    assert f'href="/roster/{o.swap.roster_id}/swaps/{o.swap.id}"' in approvals
    assert f'href="/conduct/violations/{o.proposal.id}"' in approvals
    for kind in ("swap", "proposal"):
        assert re.search(rf'data-kind="{kind}">.*?head-count">1<', approvals, re.S), kind


def test_names_follow_the_ui_language(app, head_day):
    o = head_day
    o.front.name_en = "Front Office"
    o.desk_staff.name_en = "Li Desk"
    db.session.get(User, o.head.id).locale = "en"
    db.session.commit()
    html = _page(app)
    assert "Li Desk" in _state(_section(html, "head-board"), "late")
    assert "Li Desk" in _section(html, "head-approvals")
    rosters = _section(html, "head-rosters")
    assert "Front Office" in rosters and "前厅部" not in rosters


def test_a_night_shift_reads_only_its_own_windows_punches_as_the_board_does(app, people, make_punch):
    o = people
    today = company_today()
    night = save_shift_type(o.hr, o.front, ShiftTypeData("夜", "夜班", WORK, time(22, 0), time(6, 0), 0))
    _cell(_month_roster(o.front, today), o.desk_staff, today, night)
    db.session.commit()
    make_punch(o.desk_staff, today, time(6, 0))  # last night's check-out: not tonight's shift
    board = _section(_page(app), "head-board")
    assert "李前台" not in _state(board, "in")
    states = re.findall(r'data-state="(\w+)">(.*?)</li>', board, re.S)
    head_state = next(state for state, names in states if "李前台" in names)
    day_board = login(app, "head").get(f"/attendance/today?department_id={o.front.id}&day={today.isoformat()}")
    assert f'data-staff="{o.desk_staff.id}" data-state="{head_state}"' in day_board.get_data(as_text=True)
