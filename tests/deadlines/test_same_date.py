"""The reporter and the staff see the same deadline: the API, the tracking page, the case page and the inbox."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.test import Client

from simadu.cases import services
from simadu.deadlines.clocks import expected_response_by, working_days_left
from tests.deadlines.helpers import papua_officer, papua_unit, wib, wit
from tests.factories import login_staff, submit

pytestmark = pytest.mark.django_db


def _staff_page_due(html: str) -> tuple[dt.datetime, str]:
    """The stage deadline the case page shows: its machine-readable instant and the words."""
    section = html[html.index('id="tenggat"') :]
    match = re.search(r'<time datetime="([^"]+)" class="ws-due">([^<]+)</time>', section)
    assert match, section[:1500]
    return dt.datetime.fromisoformat(match.group(1)), match.group(2)


def test_the_reporter_and_the_staff_of_a_unit_in_papua_see_the_same_deadline(staff):
    """A case assigned at 23:30 WIB on Thursday 5 March 2026 to a unit in WIT (already Friday 01:30 there):
    the reporter's API says the first follow-up is due at the end of Friday 13 March in WIT; the tracking
    page, the staff case page ("Jumat, 13 Maret 2026 23.59 WIT") and the inbox say the same date and the
    same working days left."""
    with time_machine.travel(wib(2026, 3, 5, 23, 30), tick=False):
        case, secret = submit()
        case = services.case_assign(case=case, actor=staff["verifier"], unit=papua_unit())
    officer = login_staff(Client(), papua_officer())
    reporter = Client()

    with time_machine.travel(wib(2026, 3, 9, 10), tick=False):
        api = reporter.get(f"/api/v1/reports/{case.tracking_id}", HTTP_X_REPORT_SECRET=secret).json()
        staff_page = officer.get(f"/staf/kasus/{case.tracking_id}").content.decode()
        inbox = officer.get("/staf/").content.decode()
        reporter.post("/lacak", {"tracking_id": case.tracking_id, "secret": secret})
        tracking_page = reporter.get(f"/lacak/{case.tracking_id}").content.decode()
        left = working_days_left(case)

    due = wit(2026, 3, 13, 23, 59, 59)
    assert expected_response_by(case) == due
    assert api["expected_response_by"] == "2026-03-13T23:59:59+09:00"
    assert api["working_days_left"] == left == 4  # 10, 11, 12, 13
    shown_at, shown_words = _staff_page_due(staff_page)
    assert shown_at == dt.datetime.fromisoformat(api["expected_response_by"])
    assert shown_words == "Jumat, 13 Maret 2026 23.59 WIT"
    assert "4 hari kerja lagi" in staff_page
    row = inbox[inbox.index(case.tracking_id) :]
    assert "4 hari kerja lagi" in row[: row.index("</tr>")]
    assert "Jumat, 13 Maret 2026" in tracking_page
    assert "4 hari kerja lagi" in tracking_page


def test_late_evening_in_jakarta_the_papua_unit_already_counts_one_day_less(staff):
    """At 23:00 WIB on Wednesday 11 March it is Thursday 01:00 in Jayapura: both the reporter and the staff
    read 1 working day left (the 13th), the count of the unit's own date."""
    with time_machine.travel(wib(2026, 3, 5, 23, 30), tick=False):
        case, secret = submit()
        case = services.case_assign(case=case, actor=staff["verifier"], unit=papua_unit())

    with time_machine.travel(wib(2026, 3, 11, 23, 0), tick=False):
        api = Client().get(f"/api/v1/reports/{case.tracking_id}", HTTP_X_REPORT_SECRET=secret).json()
        inbox = login_staff(Client(), papua_officer()).get("/staf/").content.decode()

    assert api["working_days_left"] == 1
    row = inbox[inbox.index(case.tracking_id) :]
    assert "1 hari kerja lagi" in row[: row.index("</tr>")]
