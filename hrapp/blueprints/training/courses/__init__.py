"""Training — courses: the catalogue HR keeps (category, hours, trainer, materials, assessment, certificate validity, the conduct rules a course should improve), each position's required training, the courses API, the demo catalogue."""
from hrapp.core.module import Module

PART = Module(name="training.courses")
