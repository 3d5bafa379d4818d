"""Reading the posted per-item text into entries (levels on the scale, numbers, scores within 0..100) and the
demo's level and KPI choices: no database."""
import random
from decimal import Decimal as D

from hrapp.blueprints.appraisals.scoring.demo import _kpi_value, _level_near
from hrapp.blueprints.appraisals.scoring.entries import form_values, posted_entries, read_entry
from hrapp.models import AppraisalItem, CriterionKind

LEVELS = ["差", "较差", "一般", "良好", "优秀"]


def rating(item_id=1):
    return AppraisalItem(id=item_id, kind=CriterionKind.RATING, levels=LEVELS, self_comment="", head_comment="")


def kpi(item_id=2):
    return AppraisalItem(id=item_id, kind=CriterionKind.KPI, bands=[["100", "100"], ["80", "80"], ["0", "40"]],
                         higher_is_better=True, self_comment="", head_comment="")


def test_a_level_on_the_scale_is_read(app):
    errors = {}
    entry = read_entry(rating(), {"level": " 4 ", "comment": "  好  "}, errors)
    assert (entry.level, entry.comment, errors) == (4, "好", {})


def test_a_level_off_the_scale_or_not_a_number_is_an_error_on_its_field(app):
    for text in ("6", "0", "x"):
        errors = {}
        assert read_entry(rating(), {"level": text}, errors).level is None
        assert list(errors) == ["level-1"], text


def test_numbers_and_scores(app):
    errors = {}
    entry = read_entry(kpi(), {"value": "85.5", "score": "100"}, errors)
    assert (entry.value, entry.score, errors) == (D("85.5"), D("100"), {})
    errors = {}
    read_entry(kpi(), {"value": "NaN", "score": "100.01"}, errors)
    assert sorted(errors) == ["score-2", "value-2"]


def test_empty_means_not_scored(app):
    errors = {}
    entry = read_entry(rating(), {"level": "", "value": " "}, errors)
    assert (entry.level, entry.value, errors) == (None, None, {})


def test_only_posted_items_are_read_and_values_come_from_the_post_first(app):
    items = [rating(), kpi()]
    assert posted_entries(items, {"level-1": "3"}) == {1: {"level": "3"}}
    items[0].head_level = 2
    assert form_values(items, "head")["level-1"] == "2"
    assert form_values(items, "head", {"level-1": "5"})["level-1"] == "5"


def test_the_demo_picks_levels_and_values_near_the_target():
    rng = random.Random(1)
    assert {_level_near(100, 5, rng) for _ in range(20)} == {5}
    assert {_level_near(50, 5, rng) for _ in range(50)} == {2, 3}
    assert _kpi_value(kpi(), 83) == D("80")
