"""Pure parts of the large roster's grid (issue #10, point 17): staffing counts after a change, and the page and
filter a bulk step returns to."""
from datetime import date

from werkzeug.datastructures import MultiDict

from hrapp.blueprints.roster.gridview import back_args
from hrapp.blueprints.roster.services.staffing import counts_after

D1, D2 = date(2026, 3, 1), date(2026, 3, 2)


def test_counts_after_moves_each_changed_cell_from_its_old_code_to_its_new_one():
    counts = {(D1, "早"): 3, (D1, "中"): 1, (D2, "早"): 2}
    old = {(7, D1): "中", (8, D1): None, (9, D2): "早"}
    after = counts_after(counts, {(7, D1): "早", (8, D1): "早", (9, D2): None}, lambda *key: old[key])
    assert after == {(D1, "早"): 5, (D2, "早"): 1}  # 中 on 1 March has nobody left: no entry, as the database
    assert counts == {(D1, "早"): 3, (D1, "中"): 1, (D2, "早"): 2}  # the given counts are left alone


def test_back_args_keep_the_filter_and_a_page_after_the_first():
    assert back_args(MultiDict({"q": " h01 ", "page": "2"})) == {"q": "h01", "page": 2}
    assert back_args(MultiDict({"page": "1"})) == {}
    assert back_args(MultiDict({"page": "abc", "q": ""})) == {}
    assert back_args(MultiDict({"page": "-4", "q": "李"})) == {"q": "李"}
