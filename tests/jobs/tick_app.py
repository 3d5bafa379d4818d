"""`flask --app tests.jobs.tick_app tick`: the test configuration plus the sample module (its slow tick task)."""
from config import TestingConfig
from hrapp import create_app as _create_app


class SampleConfig(TestingConfig):
    MODULES = (*TestingConfig.MODULES, "tests.jobs.sample_module")


def create_app():
    return _create_app(SampleConfig)
