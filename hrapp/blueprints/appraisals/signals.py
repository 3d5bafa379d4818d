"""Signals between the appraisal parts (sender: None).

- `appraisals_published`: the cycles part published results; `appraisal_ids` (those just published), `actor`.
  The outcomes part suggests reward proposals, training needs and improvement plans for them.
- `result_changed`: a published result's total or grade changed (an appeal decided with an adjustment);
  `appraisal_id`, `actor`. The outcomes part revises its suggestions.
"""
from blinker import Namespace

_signals = Namespace()
appraisals_published = _signals.signal("appraisals.published")
result_changed = _signals.signal("appraisals.result_changed")
