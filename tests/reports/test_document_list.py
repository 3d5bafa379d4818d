"""The signed-documents list on the shared list helper: newest first by default, sortable by a header."""
import lxml.html

from hrapp.blueprints.reports import services
from hrapp.blueprints.staff.documents import STAFF_CARD
from hrapp.extensions import db


def numbers(response) -> list[str]:
    page = lxml.html.fromstring(response.get_data(as_text=True))
    return [a.text_content().strip() for a in page.xpath("//table[@id='documents']/tbody/tr/td[1]/a")]


def test_document_list_sorts_by_a_header_and_pages(client, auth, org):
    issued = [services.issue_document(STAFF_CARD, staff, org.hr) for staff in (org.desk_staff, org.hk_staff)]
    db.session.commit()
    auth.login("hr")
    first, second = (d.number for d in issued)
    assert numbers(client.get("/reports/")) == [second, first]
    assert numbers(client.get("/reports/?sort=number")) == sorted([first, second])
    assert numbers(client.get("/reports/?sort=-subject")) == [d.number for d in sorted(
        issued, key=lambda d: d.subject_label, reverse=True)]
    assert numbers(client.get("/reports/?per_page=1&page=2&sort=bogus")) == [first]
