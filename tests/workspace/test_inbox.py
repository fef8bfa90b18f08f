"""The inbox: what each row shows, the filters, and a query budget that does not grow with the rows."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import advance, submit

WAGE = "Sudah tiga bulan gaji saya di PT Contoh Makmur Bekasi belum dibayar."
LOGIN = "Tidak bisa login ke aplikasi SIAPkerja, kode OTP tidak pernah masuk."


def _rows(html: str) -> list[str]:
    return re.findall(r'href="/staf/kasus/(SMD-[0-9A-Z]{4}-[0-9A-Z]{4})"', html)


@pytest.mark.django_db
def test_a_row_shows_the_tracking_id_channel_title_category_unit_stage_and_time_left(as_user):
    """Each row carries what a verifier sorts by, with the working days left in the current stage."""
    case, _ = submit(WAGE, title="Gaji tiga bulan belum dibayar")
    html = as_user("verifier").get("/staf/").text
    assert f'href="/staf/kasus/{case.tracking_id}"' in html
    assert "SPAN-LAPOR!" in html
    assert "Gaji tiga bulan belum dibayar" in html
    assert "Upah" in html
    assert "Diterima" in html
    assert re.search(r"\d+ hari kerja lagi", html)


@pytest.mark.django_db
def test_a_case_past_its_stage_deadline_reads_late_in_working_days(as_user):
    """A case nobody verified for weeks says, in red, by how many working days it is late."""
    case, _ = submit(WAGE)
    with time_machine.travel(case.received_at + dt.timedelta(days=30)):
        html = as_user("verifier").get("/staf/").text
        overdue_only = as_user("verifier").get("/staf/?f=1&open=on&overdue=on").text
    assert re.search(r'class="ws-late">terlambat \d+ hari kerja', html)
    assert case.tracking_id in overdue_only
    fresh = as_user("verifier").get("/staf/?f=1&open=on&overdue=on").text
    assert case.tracking_id not in fresh


@pytest.mark.django_db
def test_a_wbs_title_never_appears_in_the_inbox_even_for_the_wbs_team(as_user):
    """The list never decrypts: a WBS row says the content is sealed."""
    case, _ = submit(
        "Kepala seksi meminta uang pelicin untuk pengesahan dokumen.",
        title="Pejabat Budi Santoso menerima suap",
        channel="wbs",
    )
    html = as_user("verifier_wbs").get("/staf/").text
    assert case.tracking_id in html
    assert "Laporan WBS — isi tersegel" in html
    assert "Budi Santoso" not in html
    assert "uang pelicin" not in html


@pytest.mark.django_db
def test_the_inbox_filters_by_channel_and_finds_a_case_by_tracking_id_or_title(as_user):
    """Channel filter, search by a tracking id typed loosely, and search by words of the title."""
    wage, _ = submit(WAGE, title="Gaji tiga bulan belum dibayar")
    login, _ = submit(LOGIN, title="OTP tidak masuk")
    verifier = as_user("verifier")

    assert _rows(verifier.get("/staf/?f=1&open=on&channel=helpdesk").text) == [login.tracking_id]
    assert _rows(verifier.get("/staf/?f=1&open=on&channel=lapor").text) == [wage.tracking_id]
    typed = wage.tracking_id.lower().replace("-", " ")
    assert _rows(verifier.get("/staf/", {"f": "1", "open": "on", "q": typed}).text) == [wage.tracking_id]
    assert _rows(verifier.get("/staf/", {"f": "1", "open": "on", "q": "otp tidak"}).text) == [
        login.tracking_id
    ]


@pytest.mark.django_db
def test_closed_cases_are_hidden_by_default_and_shown_when_open_only_is_unticked(staff, as_user):
    """The inbox opens on work still to do; unticking "Hanya yang belum selesai" shows finished cases too."""
    done, _ = submit(WAGE)
    advance(done, "closed", verifier=staff["verifier"], officer=staff["officer_phi"])
    waiting, _ = submit(LOGIN)
    verifier = as_user("verifier")

    assert _rows(verifier.get("/staf/").text) == [waiting.tracking_id]
    assert set(_rows(verifier.get("/staf/?f=1").text)) == {done.tracking_id, waiting.tracking_id}
    assert _rows(verifier.get("/staf/?f=1&status=closed").text) == [done.tracking_id]


@pytest.mark.django_db
def test_status_chips_count_the_cases_in_each_stage(staff, as_user):
    """Above the table, one chip per stage with its number of cases, each a link that filters."""
    for _ in range(2):
        submit(WAGE)
    advance(submit(WAGE)[0], "verifying", verifier=staff["verifier"])
    html = as_user("verifier").get("/staf/").text
    assert re.search(r'status=received[^"]*"[^>]*>Diterima <span class="ws-chip-count">2</span>', html)
    assert re.search(r'status=verifying[^"]*"[^>]*>Diverifikasi <span class="ws-chip-count">1</span>', html)


@pytest.mark.django_db
def test_the_inbox_runs_the_same_number_of_queries_for_10_and_for_40_cases(staff, as_user):
    """The query budget is a constant: rows never trigger a query each (category, unit, deadline)."""
    verifier = as_user("verifier_wbs")

    def make(n: int) -> None:
        for i in range(n):
            case, _ = submit(
                WAGE if i % 3 else LOGIN, title=f"Laporan {i}", channel="wbs" if i % 5 == 0 else None
            )
            if i % 4 == 0 and case.channel != "wbs":
                advance(case, "assigned", verifier=staff["verifier"])

    make(10)
    with CaptureQueriesContext(connection) as ten:
        first = verifier.get("/staf/")
    assert len(_rows(first.text)) == 10
    make(30)
    with CaptureQueriesContext(connection) as forty:
        second = verifier.get("/staf/")
    assert len(_rows(second.text)) == 40
    assert len(forty) == len(ten), [q["sql"] for q in forty.captured_queries]
    assert len(ten) <= 10


@pytest.mark.django_db
def test_the_inbox_shows_fifty_cases_a_page_and_keeps_the_filters_on_the_next_page(as_user):
    """51 open cases: 50 on the first page, one on the second, reached by a link that keeps the filters."""
    for i in range(51):
        submit(WAGE, title=f"Laporan {i}")
    verifier = as_user("verifier")
    first = verifier.get("/staf/?f=1&open=on&channel=lapor").text
    assert len(_rows(first)) == 50
    assert "Halaman 1 dari 2" in first
    assert 'href="?f=1&amp;open=on&amp;channel=lapor&amp;page=2"' in first
    second = verifier.get("/staf/?f=1&open=on&channel=lapor&page=2").text
    assert len(_rows(second)) == 1
    assert not set(_rows(first)) & set(_rows(second))
