"""Pure tests run without the app or the database (tests/conftest.py marks tests/unit/ `unit`)."""


def test_unit_tests_get_no_app_and_no_database(request):
    assert request.node.get_closest_marker("unit")
    assert not {"app", "db", "client", "db_connection"} & set(request.fixturenames)
