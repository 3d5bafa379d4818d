"""Hand-edited page numbers never give an error page: junk, zero and negatives show the first page, a page past
the end the last one; the API refuses a page out of range with a clear 422."""
import re

import pytest

from tests.api.conftest import bearer

LISTS = ["/staff/", "/audit/", "/accounts/", "/reports/", "/roster/", "/org/positions"]


@pytest.mark.parametrize("page", ["abc", "-1", "0", "1.5", "99999999999999999999", "%00", ""])
@pytest.mark.parametrize("path", LISTS)
def test_a_bad_page_number_shows_a_page(client, auth, org, path, page):
    auth.login("admin")
    response = client.get(f"{path}?page={page}")
    assert response.status_code == 200, (path, page)


def _rows(client, page: str) -> list[str]:
    """The staff links listed on one page of 2."""
    text = client.get(f"/staff/?per_page=2&sort=staff_number&page={page}").get_data(as_text=True)
    return re.findall(r'href="/staff/(\d+)"', text)


def test_a_page_past_the_end_shows_the_last_page(client, auth, org, make_staff):
    for _ in range(3):
        make_staff(org.front)
    auth.login("hr")
    first, last = _rows(client, "1"), _rows(client, "3")
    assert first and last and first != last
    assert _rows(client, "abc") == _rows(client, "-1") == _rows(client, "0") == first
    assert _rows(client, "999999") == _rows(client, "99999999999999999999999") == last


@pytest.mark.parametrize("page", ["abc", "-1", "0", "99999999999999999999", "100001"])
def test_the_api_refuses_a_page_out_of_range(client, org, page):
    response = client.get(f"/api/v1/staff?page={page}", headers=bearer(org.hr))
    assert response.status_code == 422 and "page" in response.get_json()["errors"]
