"""The violation lists: HR's filters, heads' scope, the empty state, the statement budget, a person's own list."""
from datetime import datetime
from decimal import Decimal
from io import BytesIO

import sqlalchemy as sa

from hrapp.extensions import db
from hrapp.models import Attachment, ViolationState
from tests.conftest import count, is_savepoint

MAX_STATEMENTS = 10


class StatementLog:
    """The SQL statements run while the block is open (less the test transaction's SAVEPOINTs)."""

    def __enter__(self):
        self.statements = []
        sa.event.listen(db.engine, "before_cursor_execute", self._seen)
        return self

    def _seen(self, conn, cursor, statement, *args):  # noqa: ARG002
        if not is_savepoint(statement):
            self.statements.append(statement)

    def __exit__(self, *exc):
        sa.event.remove(db.engine, "before_cursor_execute", self._seen)


def _many(make_violation, people, catalogue, n=40):
    rules = [catalogue[c] for c in ("2-1", "2-4", "2-5")]
    for i in range(n):
        staff = people.desk_staff if i % 2 else people.hk_staff
        make_violation(staff, rules[i % 3], state=ViolationState.FINAL, amount=Decimal("5.00"),
                       occurred_at=datetime(2026, 5, 1 + i % 28, 2, 0))


def test_hr_list_by_month_stays_within_the_statement_budget(client, auth, people, catalogue, make_violation):
    _many(make_violation, people, catalogue)
    auth.login("hr")
    with StatementLog() as small:
        assert client.get("/conduct/violations/?month=2026-05").status_code == 200
    _many(make_violation, people, catalogue, n=60)
    with StatementLog() as large:
        response = client.get("/conduct/violations/?month=2026-05&per_page=100")
    assert response.status_code == 200 and response.get_data(as_text=True).count('class="violation-row"') == 100
    assert len(small.statements) <= MAX_STATEMENTS and len(large.statements) == len(small.statements), \
        large.statements


def test_hr_filters(client, auth, people, catalogue, make_violation):
    fo = make_violation(people.desk_staff, catalogue["2-1"], state=ViolationState.FINAL,
                        occurred_at=datetime(2026, 5, 3, 2, 0))
    hk = make_violation(people.hk_staff, catalogue["2-4"], state=ViolationState.SUBMITTED,
                        occurred_at=datetime(2026, 4, 3, 2, 0))
    auth.login("hr")

    def shown(query: str) -> set[str]:
        html = client.get(f"/conduct/violations/?{query}").get_data(as_text=True)
        return {n for n in (fo.number, hk.number) if n in html}

    assert shown("") == {fo.number, hk.number}
    assert shown("month=2026-05") == {fo.number}
    assert shown(f"department={people.front.id}") == {fo.number}  # FO includes its front desk
    assert shown(f"rule={catalogue['2-4'].id}") == {hk.number}
    assert shown("state=submitted") == {hk.number}
    assert shown(f"q={people.hk_staff.staff_number}") == {hk.number}
    assert shown("q=李前台") == {fo.number}
    html = client.get("/conduct/violations/?month=2026-01").get_data(as_text=True)
    assert 'id="violations-empty"' in html
    assert shown("month=garbage&state=nope&department=x") == {fo.number, hk.number}


def test_heads_see_their_departments(client, auth, people, catalogue, make_violation):
    fo = make_violation(people.desk_staff, catalogue["2-1"], state=ViolationState.DRAFT)
    hk = make_violation(people.hk_staff, catalogue["2-1"], state=ViolationState.FINAL)
    auth.login("head")
    html = client.get("/conduct/violations/").get_data(as_text=True)
    assert fo.number in html and hk.number not in html


def test_the_evidence_size_limit(app, client, auth, people, catalogue, make_violation):
    draft = make_violation(people.desk_staff, catalogue["2-1"], state=ViolationState.DRAFT)
    app.config["ATTACHMENT_MAX_BYTES"], saved = 1024, app.config["ATTACHMENT_MAX_BYTES"]
    try:
        auth.login("head")
        big = b"\x89PNG\r\n\x1a\n" + b"\x00" * 2048
        client.post(f"/attachments/violation/{draft.id}", data={"file": (BytesIO(big), "big.png")},
                    content_type="multipart/form-data")
    finally:
        app.config["ATTACHMENT_MAX_BYTES"] = saved
    assert count(Attachment) == 0


def test_the_new_page_offers_the_people_a_user_may_record_for(client, auth, people, catalogue):
    auth.login("head")
    html = client.get("/conduct/violations/new").get_data(as_text=True)
    assert people.desk_staff.staff_number in html and people.hk_staff.staff_number not in html
    assert f'value="{people.head_staff.staff_number}"' not in html
    narrowed = client.get("/conduct/violations/new?q=nobody-like-this").get_data(as_text=True)
    assert people.desk_staff.staff_number not in narrowed
