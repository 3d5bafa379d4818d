"""Roster editing, publishing, change tracking, concurrency and the grid data service."""
from datetime import date

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from hrapp.blueprints.roster.services import (
    CellEdit,
    RosterBreachError,
    RosterValidationError,
    StaleRosterError,
    apply_pattern,
    copy_previous_period,
    create_roster,
    department_rosters,
    fill_range,
    generate_roster,
    lock_roster,
    publish_roster,
    roster_breaches,
    roster_changes,
    roster_grid,
    save_shift_type,
    set_cells,
    set_demand,
)
from hrapp.blueprints.roster.services.messages import message
from hrapp.extensions import db
from hrapp.models import (
    AuditEntry,
    EmploymentStatus,
    Notification,
    PeriodKind,
    Roster,
    RosterCell,
    RosterChange,
    RosterStatus,
)
from tests.conftest import count, is_savepoint
from tests.leave.fixtures import write_leave
from tests.roster.fixtures import TYPES


def day(n: int) -> date:
    return date(2026, 3, n)


def cells_of(roster) -> dict:
    rows = db.session.execute(sa.select(RosterCell.staff_id, RosterCell.day, RosterCell.shift_type_id)
                              .where(RosterCell.roster_id == roster.id))
    return {(s, d): t for s, d, t in rows}


class TestCreate:
    def test_month_and_week_bounds(self, world):
        assert (world.roster.starts_on, world.roster.ends_on) == (day(1), day(31))
        week = create_roster(world.head, world.housekeeping, PeriodKind.WEEK, day(4))
        assert (week.starts_on, week.ends_on) == (day(2), day(8))

    def test_overlapping_period_rejected(self, world):
        with pytest.raises(RosterValidationError) as err:
            create_roster(world.head, world.front, PeriodKind.WEEK, day(30))  # 30 March - 5 April
        assert "period" in err.value.errors
        april = create_roster(world.head, world.front, PeriodKind.WEEK, date(2026, 4, 6))
        assert april.starts_on == date(2026, 4, 6)
        assert department_rosters(world.front.id) == [april, world.roster]
        assert department_rosters(world.front.id, first=date(2026, 4, 1)) == [april]


class TestSetCells:
    def test_bulk_set_and_clear(self, world):
        r = set_cells(world.head, world.roster, [CellEdit(world.b.id, day(2), "早", 0),
                                                 CellEdit(world.c.id, day(2), "夜", 0)])
        db.session.commit()
        assert r.changed == 2 and len(cells_of(world.roster)) == 2
        set_cells(world.head, world.roster, [CellEdit(world.b.id, day(2), None, 1)])
        db.session.commit()
        assert len(cells_of(world.roster)) == 1

    def test_all_or_nothing_with_clear_messages(self, world):
        world.c.status, world.c.left_on = EmploymentStatus.LEFT, day(10)
        write_leave(world.b, day(5), day(6))
        db.session.commit()
        edits = [CellEdit(world.a.id, day(2), "早"), CellEdit(world.b.id, day(5), "早"),
                 CellEdit(world.c.id, day(11), "早"), CellEdit(world.a.id, day(3), "X"),
                 CellEdit(world.a.id, date(2026, 4, 1), "早")]
        with pytest.raises(RosterValidationError) as err:
            set_cells(world.head, world.roster, edits)
        errors = {k: str(v[0]) for k, v in err.value.errors.items()}
        assert errors == {f"{world.b.id}/2026-03-05": message("on_leave"), f"{world.c.id}/2026-03-11": message("has_left"),
                          f"{world.a.id}/2026-03-03": message("unknown_shift"),
                          f"{world.a.id}/2026-04-01": message("outside_period")}
        db.session.rollback()
        assert cells_of(world.roster) == {}
        # The leaver's last day and a rest marker during leave are fine.
        set_cells(world.head, world.roster, [CellEdit(world.c.id, day(10), "早"), CellEdit(world.b.id, day(5), "假")])

    def test_stale_cell_version_is_refused(self, world):
        # Two heads load the empty grid; the first saves, the second's save is refused.
        set_cells(world.head, world.roster, [CellEdit(world.b.id, day(2), "早", expected_version=0)])
        db.session.commit()
        with pytest.raises(StaleRosterError) as err:
            set_cells(world.hr, world.roster, [CellEdit(world.b.id, day(2), "中", expected_version=0),
                                               CellEdit(world.c.id, day(2), "中", expected_version=0)])
        assert err.value.cells == ((world.b.id, day(2)),)
        db.session.rollback()
        grid = roster_grid(world.roster)
        cell = next(r for r in grid.rows if r.staff_id == world.b.id).cells[day(2)]
        assert (cell.code, cell.version) == ("早", 1)
        set_cells(world.hr, world.roster, [CellEdit(world.b.id, day(2), "中", expected_version=1)])
        db.session.commit()
        assert next(r for r in roster_grid(world.roster).rows if r.staff_id == world.b.id).cells[day(2)].version == 2

    def test_bulk_edit_on_a_stale_roster_version_is_refused(self, world):
        seen = world.roster.version_id
        set_cells(world.head, world.roster, [CellEdit(world.b.id, day(2), "早")])
        db.session.commit()
        assert world.roster.version_id == seen + 1
        with pytest.raises(StaleRosterError):
            fill_range(world.hr, world.roster, [world.b.id], day(1), day(7), "休", expected_version=seen)


class TestBulk:
    def test_fill_range_skips_leave(self, world):
        write_leave(world.b, day(3), day(3))
        result = fill_range(world.head, world.roster, [world.b.id, world.c.id], day(2), day(4), "早",
                            world.roster.version_id)
        assert result.changed == 5 and result.skipped == ((world.b.id, day(3), "on_leave"),)

    def test_pattern_with_offsets(self, world):
        result = apply_pattern(world.head, world.roster, "早早中中夜夜休休", {world.b.id: 0, world.c.id: 3},
                               world.roster.version_id, day(1), day(8))
        db.session.commit()
        assert result.changed == 16
        grid = roster_grid(world.roster)
        rows = {r.staff_id: r for r in grid.rows}
        assert "".join(rows[world.b.id].cells[day(i)].code for i in range(1, 9)) == "早早中中夜夜休休"
        assert "".join(rows[world.c.id].cells[day(i)].code for i in range(1, 9)) == "中夜夜休休早早中"
        assert not rows[world.b.id].cells[day(1)].is_fixed  # generation may replace pattern cells

    def test_pattern_with_unknown_codes_rejected(self, world):
        with pytest.raises(RosterValidationError) as err:
            apply_pattern(world.head, world.roster, "早早X中Y", {world.b.id: 0}, world.roster.version_id)
        assert "X、Y" in str(err.value.errors["pattern"][0])
        assert cells_of(world.roster) == {}

    def test_copy_previous_period_by_weekday(self, world):
        fill_range(world.head, world.roster, [world.b.id], day(23), day(29), "中", None)  # Monday-Sunday
        set_cells(world.head, world.roster, [CellEdit(world.b.id, day(25), "假")])  # leave is not copied
        april = create_roster(world.head, world.front, PeriodKind.MONTH, date(2026, 4, 1))
        result = copy_previous_period(world.head, april, april.version_id)
        db.session.commit()
        row = next(r for r in roster_grid(april).rows if r.staff_id == world.b.id)
        codes = {d: c.code for d, c in row.cells.items()}
        # Four weeks back: 20-26 April copy 23-29 March (22 April copies the leave: skipped);
        # 29-30 April fall beyond and copy the latest same weekday (25 and 26 March).
        assert sorted(codes) == [date(2026, 4, n) for n in (20, 21, 23, 24, 25, 26, 30)]
        assert set(codes.values()) == {"中"} and result.changed == 7

    def test_copy_without_previous(self, world):
        with pytest.raises(RosterValidationError):
            copy_previous_period(world.head, world.roster, None)


def _breach_night_then_early(world):
    set_cells(world.head, world.roster, [CellEdit(world.b.id, day(2), "夜"), CellEdit(world.b.id, day(3), "早")])
    db.session.commit()


class TestPublish:
    def test_publish_notifies_staff_with_accounts(self, world):
        fill_range(world.head, world.roster, [world.a.id, world.b.id, world.c.id], day(2), day(6), "早", None)
        breaches = publish_roster(world.head, world.roster, world.roster.version_id)
        db.session.commit()
        assert world.roster.status == RosterStatus.PUBLISHED and breaches == []
        notified = set(db.session.scalars(sa.select(Notification.user_id)))
        assert notified == {world.head.id, world.b_user.id}  # c has no account
        text = db.session.scalar(sa.select(Notification.text).where(Notification.user_id == world.b_user.id))
        assert "前厅部 03-01~03-31" in text

    def test_hard_breach_blocks_publishing(self, world):
        _breach_night_then_early(world)
        assert [b.rule for b in roster_breaches(world.roster)] == ["rest_too_short"]
        with pytest.raises(RosterBreachError) as err:
            publish_roster(world.head, world.roster, world.roster.version_id)
        assert err.value.breaches[0].staff_id == world.b.id
        with pytest.raises(RosterValidationError):  # a head cannot override
            publish_roster(world.head, world.roster, world.roster.version_id, override_reason="short of staff")
        db.session.rollback()
        assert world.roster.status == RosterStatus.DRAFT

    def test_hr_override_is_audited(self, world):
        _breach_night_then_early(world)
        publish_roster(world.hr, world.roster, world.roster.version_id, override_reason="春节 staff shortage")
        db.session.commit()
        entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "roster.publish_override"))
        assert entry.actor_id == world.hr.id and entry.after["reason"] == "春节 staff shortage"
        assert "rest_too_short" in entry.after["breaches"][0]
        assert world.roster.override_reason == "春节 staff shortage"

    def test_understaffing_is_soft_by_default(self, world):
        set_demand(world.head, world.front, world.types["早"], 2, weekday=0)
        breaches = publish_roster(world.head, world.roster, world.roster.version_id)
        assert breaches and all(not b.is_hard and b.rule == "understaffed" for b in breaches)

    def test_publish_twice_and_lock(self, world):
        publish_roster(world.head, world.roster, None)
        with pytest.raises(RosterValidationError):
            publish_roster(world.head, world.roster, None)
        lock_roster(world.hr, world.roster, world.roster.version_id)
        db.session.commit()
        with pytest.raises(RosterValidationError) as err:
            set_cells(world.hr, world.roster, [CellEdit(world.b.id, day(2), "早")], reason="late fix")
        assert err.value.errors["roster"] == [message("locked")]


class TestChangesAfterPublish:
    @pytest.fixture
    def published(self, world):
        fill_range(world.head, world.roster, [world.b.id, world.c.id], day(2), day(6), "早", None)
        publish_roster(world.head, world.roster, None)
        db.session.commit()
        db.session.execute(sa.delete(Notification))
        return world

    def test_change_needs_a_reason(self, published):
        with pytest.raises(RosterValidationError) as err:
            set_cells(published.head, published.roster, [CellEdit(published.b.id, day(3), "中")])
        assert "reason" in err.value.errors

    def test_change_is_tracked_and_the_person_told(self, published):
        w = published
        set_cells(w.head, w.roster, [CellEdit(w.b.id, day(3), "休"), CellEdit(w.c.id, day(6), "中")],
                  reason="王经理 sick")
        db.session.commit()
        changes = roster_changes(w.roster)
        assert {(c.staff_id, c.day, c.old_code, c.new_code) for c in changes} == {
            (w.b.id, day(3), "早", "休"), (w.c.id, day(6), "早", "中")}
        assert all(c.changed_by_id == w.head.id and c.reason == "王经理 sick" and c.changed_at for c in changes)
        [note] = db.session.scalars(sa.select(Notification)).all()  # c has no account
        assert note.user_id == w.b_user.id and "03-03 早→休" in note.text and "王经理 sick" in note.text
        assert note.link == f"/roster/{w.roster.id}" and note.read_at is None

    def test_change_adding_a_hard_breach_is_refused_unless_hr_overrides(self, published):
        w = published
        edit = [CellEdit(w.b.id, day(2), "夜")]  # night Monday, early Tuesday
        with pytest.raises(RosterBreachError):
            set_cells(w.head, w.roster, edit, reason="cover")
        db.session.rollback()
        assert count(RosterChange) == 0
        set_cells(w.hr, w.roster, edit, reason="cover", override_reason="nobody else available")
        db.session.commit()
        assert db.session.scalar(sa.select(AuditEntry.after).where(AuditEntry.action == "roster.change_override"))


class TestGenerate:
    def test_generate_fills_the_draft(self, world):
        for code, n in (("早", 1), ("中", 1)):
            for weekday in range(7):
                set_demand(world.head, world.front, world.types[code], n, weekday=weekday)
        set_cells(world.head, world.roster, [CellEdit(world.a.id, day(2), "夜")])  # fixed by the head
        result = generate_roster(world.head, world.roster, world.roster.version_id, time_limit_s=5, num_workers=2)
        db.session.commit()
        assert result.ok, result
        grid = roster_grid(world.roster)
        assert grid.hard_breach_count == 0
        assert all(t.missing == 0 for t in grid.columns.values())
        a_row = next(r for r in grid.rows if r.staff_id == world.a.id)
        assert a_row.cells[day(2)].code == "夜" and a_row.cells[day(2)].is_fixed

    def test_short_generation_saves_nothing_and_names_the_gaps(self, world):
        set_demand(world.head, world.front, world.types["夜"], 2, weekday=5)  # two nights every Saturday
        set_demand(world.head, world.front, world.types["早"], 3, weekday=5)  # and three earlies
        write_leave(world.b, day(7), day(7))
        result = generate_roster(world.head, world.roster, world.roster.version_id, time_limit_s=5, num_workers=2)
        assert result.status == "short" and cells_of(world.roster) == {}
        saturdays = {s.day for s in result.shortfalls}
        assert saturdays == {day(7), day(14), day(21), day(28)}
        first = [s for s in result.shortfalls if s.day == day(7)]
        assert sum(s.missing for s in first) == 3  # five wanted; three people, one of them on leave
        assert any("on_leave" in dict(s.binding) for s in first)

    def test_only_drafts_are_generated(self, world):
        publish_roster(world.head, world.roster, None)
        with pytest.raises(RosterValidationError):
            generate_roster(world.head, world.roster, None)


class TestGrid:
    def test_totals_and_markers(self, world):
        fill_range(world.head, world.roster, [world.b.id], day(2), day(4), "夜", None)
        set_cells(world.head, world.roster, [CellEdit(world.b.id, day(5), "休")])
        set_demand(world.head, world.front, world.types["夜"], 1, weekday=0)
        db.session.commit()
        grid = roster_grid(world.roster)
        row = next(r for r in grid.rows if r.staff_id == world.b.id)
        assert (row.totals.nights, row.totals.rest_days, row.totals.hours) == (3, 1, 21.0)
        assert grid.columns[(day(2), "夜")].assigned == 1 and grid.columns[(day(9), "夜")].missing == 1
        assert [r.staff_id for r in grid.rows] == sorted([world.a.id, world.b.id, world.c.id],
                                                         key=lambda i: next(x.staff_number for x in grid.rows
                                                                            if x.staff_id == i))
        assert len(grid.days) == 31 and grid.days[6].is_weekend
        assert grid.column_breaches[(day(9), "夜")][0].rule == "understaffed"

    def test_grid_query_count_is_constant(self, world, make_staff):
        for _ in range(10):
            make_staff(world.front)
        people = [r.staff_id for r in roster_grid(world.roster).rows]
        fill_range(world.head, world.roster, people, day(1), day(31), "早", None)
        db.session.commit()
        db.session.expire_all()
        roster = db.session.get(Roster, world.roster.id)
        statements = []
        listener = lambda *args: is_savepoint(args[2]) or statements.append(args[2])  # noqa: E731
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            grid = roster_grid(roster)
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)
        assert len(grid.rows) == 13 and len(statements) <= 7, statements


def test_rest_is_checked_across_consecutive_rosters(world):
    april = create_roster(world.head, world.front, PeriodKind.MONTH, date(2026, 4, 1))
    set_cells(world.head, world.roster, [CellEdit(world.b.id, day(31), "夜")])
    set_cells(world.head, april, [CellEdit(world.b.id, date(2026, 4, 1), "早")])
    assert [(b.rule, b.day) for b in roster_breaches(april)] == [("rest_too_short", date(2026, 4, 1))]
    assert [(b.rule, b.day) for b in roster_breaches(world.roster)] == [("rest_too_short", day(31))]


def test_lent_staff_double_booked_across_departments(world):
    save_shift_type(world.hr, world.housekeeping, TYPES[1])  # 中 14:00-22:00 in housekeeping
    hk = create_roster(world.head, world.housekeeping, PeriodKind.MONTH, day(1))
    set_cells(world.hr, world.roster, [CellEdit(world.b.id, day(2), "早")])  # 07:00-15:00 in front office
    set_cells(world.hr, hk, [CellEdit(world.b.id, day(2), "中")])  # b lent to housekeeping
    db.session.commit()
    assert world.b.id in {r.staff_id for r in roster_grid(hk).rows}
    assert [(b.rule, b.staff_id, b.day) for b in roster_breaches(hk)] == [("double_booked", world.b.id, day(2))]
    assert [b.rule for b in roster_breaches(world.roster)] == ["double_booked"]
    with pytest.raises(RosterValidationError):
        set_cells(world.hr, hk, [CellEdit(999999, day(2), "中")])
