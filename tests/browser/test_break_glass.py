"""Break-glass in a real browser: a verifier opens an anonymous reporter's identity only by writing why.

The identity shows on that one response; reloading the case page shows the form again,
and the timeline tells colleagues who opened it and why. Screenshots land in
tests/browser/screenshots/.
"""

from __future__ import annotations

import pytest

from simadu.audit.models import AuditEntry
from simadu.outbox.models import OutboxMessage
from tests.browser.test_journey import DESK, _log_in
from tests.factories import make_staff, submit

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NAME, PHONE = "Siti Rahayu", "081234567890"
REASON = "Perlu menghubungi pelapor untuk klarifikasi bukti transfer gaji."


def test_a_verifier_opens_an_anonymous_identity_only_with_a_reason(live_server, browser, shot):
    make_staff("verif", role="verifier", unit="itjen")
    make_staff("irjen", role="leadership", unit="itjen", email="irjen@kemnaker.go.id")
    case, _ = submit(
        "Sudah tiga bulan gaji saya di PT Contoh Makmur Bekasi belum dibayar.",
        anonymous=True,
        name=NAME,
        phone=PHONE,
    )
    page = browser.new_page(viewport=DESK)  # type: ignore[attr-defined]
    _log_in(page, live_server.url, "verif")
    page.goto(f"{live_server.url}/staf/kasus/{case.tracking_id}")

    assert NAME not in page.content()
    page.get_by_label("Alasan membuka identitas").fill("cek")
    page.get_by_role("button", name="Buka identitas").click()
    assert "terlalu singkat" in page.content()
    assert NAME not in page.content()
    shot(page, "30-break-glass-short-reason")

    page.get_by_label("Alasan membuka identitas").fill(REASON)
    page.get_by_role("button", name="Buka identitas").click()
    assert NAME in page.content()
    shot(page, "31-break-glass-opened")

    page.goto(f"{live_server.url}/staf/kasus/{case.tracking_id}")
    assert NAME not in page.content(), "the identity is shown for that one response only"
    assert REASON in page.content(), "the timeline tells colleagues who opened it and why"
    entry = AuditEntry.objects.get(action="case.break_glass", object_id=case.tracking_id)
    assert entry.data["reason"] == REASON
    assert OutboxMessage.objects.filter(kind="email").count() == 1, "the Inspector General is told"
    page.close()
