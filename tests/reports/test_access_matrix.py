"""Every report route as every role. Staff records cards: HR and administrators issue them, whoever may see
the person sees the card. Job descriptions: HR and administrators issue. Rosters: their editors (the
department's heads, HR, administrators) issue and see them. Bulk jobs: HR and administrators. /verify and
the root certificate are public."""
from datetime import date

import pytest

from hrapp.blueprints.org.documents import JOB_DESCRIPTION
from hrapp.blueprints.org.services import approve_description, start_draft
from hrapp.blueprints.reports import jobs, services
from hrapp.blueprints.roster.documents import ROSTER
from hrapp.blueprints.roster.services import create_roster
from hrapp.blueprints.staff.documents import STAFF_CARD
from hrapp.extensions import db
from hrapp.models import PeriodKind
from tests.access_matrix import Route, walk, web_callers
from tests.roster.fixtures import MAY


@pytest.fixture
def site(rostered, make_position):
    """`rostered` (a published May FO roster, a head of housekeeping) plus: a draft May HK roster; an
    approved FO job description; documents: the record cards of the front-desk clerk and of the housekeeping
    clerk, the FO job description, the FO roster (signed by its head); a bulk job started by HR."""
    o = rostered
    o.hk_roster = create_roster(o.hr, o.housekeeping, PeriodKind.MONTH, MAY)
    position = make_position("FO-REC", "前台接待", department=o.front)
    o.jd = start_draft(o.admin, position)
    o.jd.summary, o.jd.duties = "前台接待", "1. 接待客人"
    approve_description(o.admin, o.jd, date(2026, 4, 2))
    o.desk_card = services.issue_document(STAFF_CARD, o.desk_staff, o.hr)
    o.hk_card = services.issue_document(STAFF_CARD, o.hk_staff, o.hr)
    o.jd_doc = services.issue_document(JOB_DESCRIPTION, o.jd, o.hr)
    o.roster_doc = services.issue_document(ROSTER, o.roster, o.head)
    o.job = jobs.create_bulk_job(o.hr, STAFF_CARD, o.housekeeping, False)
    db.session.commit()
    return o


def table(o) -> dict[str, Route]:
    desk, hk, jd, fo_roster, hk_roster = o.desk_staff.id, o.hk_staff.id, o.jd.id, o.roster.id, o.hk_roster.id
    d_desk, d_hk, d_jd, d_roster, job = o.desk_card.id, o.hk_card.id, o.jd_doc.id, o.roster_doc.id, o.job.id
    issue = "/reports/issue"
    doc = "/reports/documents"
    #                                                                          anon staff other head hk_head hr admin
    return {
        "list": Route("GET", "/reports/",                                     "L    200   200   200  200     200 200"),
        "card_desk": Route("GET", f"{issue}/staff-card/{desk}",               "L    403   404   403  404     200 200"),
        "card_desk_post": Route("POST", f"{issue}/staff-card/{desk}",         "L    403   404   403  404     302 302"),
        "card_hk": Route("GET", f"{issue}/staff-card/{hk}",                   "L    404   403   404  403     200 200"),
        "jd": Route("GET", f"{issue}/job-description/{jd}",                   "L    404   404   404  404     200 200"),
        "jd_post": Route("POST", f"{issue}/job-description/{jd}",             "L    404   404   404  404     302 302"),
        "roster_fo": Route("GET", f"{issue}/roster/{fo_roster}",              "L    404   404   200  404     200 200"),
        "roster_fo_post": Route("POST", f"{issue}/roster/{fo_roster}",        "L    404   404   302  404     302 302"),
        # a draft: its editors see why it cannot be issued yet
        "roster_hk": Route("GET", f"{issue}/roster/{hk_roster}",              "L    404   403   404  200     200 200"),
        "unknown_type": Route("GET", f"{issue}/nope/{desk}",                  "L    404   404   404  404     404 404"),
        "missing_record": Route("GET", f"{issue}/staff-card/999999",          "L    404   404   404  404     404 404"),
        "show_desk": Route("GET", f"{doc}/{d_desk}",                          "L    200   404   200  404     200 200"),
        "show_hk": Route("GET", f"{doc}/{d_hk}",                              "L    404   200   404  200     200 200"),
        "show_jd": Route("GET", f"{doc}/{d_jd}",                              "L    404   404   200  404     200 200"),
        "show_roster": Route("GET", f"{doc}/{d_roster}",                      "L    404   404   200  404     200 200"),
        "show_missing": Route("GET", f"{doc}/999999",                         "L    404   404   404  404     404 404"),
        "pdf_desk": Route("GET", f"{doc}/{d_desk}/pdf",                       "L    200   404   200  404     200 200"),
        "pdf_hk": Route("GET", f"{doc}/{d_hk}/pdf",                           "L    404   200   404  200     200 200"),
        "pdf_roster": Route("GET", f"{doc}/{d_roster}/pdf",                   "L    404   404   200  404     200 200"),
        # whoever may see a document reaches the sign step; the service refuses a slot that is not theirs
        "sign_desk": Route("POST", f"{doc}/{d_desk}/sign",                    "L    302   404   302  404     302 302"),
        "sign_hk": Route("POST", f"{doc}/{d_hk}/sign",                        "L    404   302   404  302     302 302"),
        "sign_roster": Route("POST", f"{doc}/{d_roster}/sign",                "L    404   404   302  404     302 302"),
        "bulk": Route("GET", "/reports/bulk",                                 "L    403   403   403  403     200 200"),
        "bulk_post": Route("POST", "/reports/bulk",                           "L    403   403   403  403     200 200"),
        "job": Route("GET", f"/reports/jobs/{job}",                           "L    403   403   403  403     200 200"),
        "job_status": Route("GET", f"/reports/jobs/{job}/status",             "L    403   403   403  403     200 200"),
        "job_missing": Route("GET", "/reports/jobs/999999",                   "L    403   403   403  403     404 404"),
        # a queued job has issued nothing yet: nothing to download
        "job_zip": Route("GET", f"/reports/jobs/{job}/documents.zip",         "L    403   403   403  403     404 404"),
        "job_print": Route("GET", f"/reports/jobs/{job}/print-copy.pdf",      "L    403   403   403  403     404 404"),
        "verify": Route("GET", "/verify",                                     "200  200   200   200  200     200 200"),
        "verify_post": Route("POST", "/verify",                               "200  200   200   200  200     200 200"),
        "root_certificate": Route("GET", "/reports/root.pem",                 "200  200   200   200  200     200 200"),
    }


def test_every_report_route_for_every_role(app, site):
    walk(app, "reports", table(site), web_callers(app))
