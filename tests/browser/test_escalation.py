"""Escalation steps on the case timeline, in a real browser.

A wage complaint is assigned to Ditjen PHI-Jamsos on Monday 2 March 2026; nobody follows it up. The
deadlines sweep runs as time passes half, then 80% of the 5 working days, then the deadline and 2 more
working days. The unit's officer signs in (password, then the authenticator app) and reads the four
steps on the case's timeline, each marked internal. Screenshot: tests/browser/screenshots/40-*.png.
"""

from __future__ import annotations

import pytest

from simadu.deadlines.models import CaseClock
from tests.browser.test_journey import DESK, _log_in
from tests.deadlines.sweeping import assign, file_case, make_people, sweep, wib

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TITLES = [
    "Pengingat tenggat 50%",
    "Pengingat tenggat 80%",
    "Tenggat terlewati",
    "Eskalasi ke Inspektorat Jenderal",
]
LINES = [
    "Pengingat: 50% waktu tindak lanjut pertama sudah terpakai. Tenggat: Senin, 9 Maret 2026 23.59 WIB.",
    "Pengingat: 80% waktu tindak lanjut pertama sudah terpakai. Tenggat: Senin, 9 Maret 2026 23.59 WIB.",
    "Tenggat tindak lanjut pertama terlewati (Senin, 9 Maret 2026 23.59 WIB). Pimpinan unit diberi tahu.",
    "Tenggat tindak lanjut pertama terlewati 2 hari kerja (Senin, 9 Maret 2026 23.59 WIB). "
    "Inspektorat Jenderal diberi tahu.",
]


def test_the_unit_officer_reads_each_escalation_step_on_the_case_timeline(live_server, browser, shot):
    people = make_people()
    case = assign(wib(2026, 3, 2, 10), file_case(wib(2026, 3, 2, 9)), people)
    for moment in (wib(2026, 3, 5, 10), wib(2026, 3, 9, 10), wib(2026, 3, 10, 10), wib(2026, 3, 11, 10)):
        assert sweep(moment).escalations == 1
    assert CaseClock.objects.get(case=case, stage="first_follow_up").escalation_level == 4

    page = browser.new_page(viewport=DESK)  # type: ignore[attr-defined]
    _log_in(page, live_server.url, "officer_phi")
    page.goto(f"{live_server.url}/staf/kasus/{case.tracking_id}#riwayat")

    timeline = page.locator("#riwayat")
    steps = timeline.locator("li.ws-event", has_text="Sistem")
    assert steps.count() == 4
    for n, (title, line) in enumerate(zip(TITLES, LINES, strict=True)):
        step = steps.nth(n)
        assert step.locator(".ws-event-head strong").inner_text() == title
        assert line in step.inner_text()
        assert "Internal — tidak terlihat pelapor" in step.inner_text(), "the reporter never reads these"
    shot(page, "40-escalation-timeline-officer")
    timeline.screenshot(path=_timeline_path())  # the timeline alone, to read the lines
    page.close()


def _timeline_path() -> str:
    from tests.browser.conftest import SCREENSHOTS

    return str(SCREENSHOTS / "41-escalation-timeline-close-up.png")
