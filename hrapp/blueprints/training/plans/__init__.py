"""Training — plans: each department's yearly plan by quarter, built from positions' required training, expected new hires and raised training needs plus free entries; budget hours and cost; HR's approval on the shared workflow; the signed plan PDF; training needs."""
from hrapp.core.module import Module

PART = Module(name="training.plans")
