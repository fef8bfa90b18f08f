"""The core journey in a real browser, as the people who use SIMADU would click it.

A citizen reports unpaid wages from a phone-sized screen and keeps the receipt; a
verifier at a desk signs in (password, then enrolling the authenticator app on first
sign-in), verifies and assigns the case; the unit's officer starts and
answers; the citizen opens /lacak, reads the answer and rates it. Screenshots of each
step land in tests/browser/screenshots/.
"""

from __future__ import annotations

import base64

import pyotp
import pytest

from simadu.cases.models import Case
from tests.factories import PASSWORD, make_staff

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 360, "height": 740}
DESK = {"width": 1280, "height": 900}
# A real 1×1 PNG, so the evidence passes the content check like a phone photo would.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
STORY = (
    "Sudah tiga bulan gaji saya di PT Sinar Abadi Textile, Cikarang, belum dibayar. "
    "Kami 40 orang di bagian jahit, mandor bilang tunggu saja. Tolong dibantu."
)
ANSWER = "Pengawas ketenagakerjaan sudah memeriksa PT Sinar Abadi Textile; upah Anda dibayar paling lambat 10 Desember."


def _log_in(page, base: str, username: str, shot=None) -> None:
    """Password, then the first sign-in's enrolment: the key read off the page goes into the authenticator
    (here pyotp), whose code is typed in."""
    page.goto(f"{base}/staf/masuk")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    assert page.url.endswith("/staf/masuk/pasang-kode"), "first sign-in: enrol the authenticator app"
    if shot is not None:
        shot(page, "04a-two-factor-enrol")
    key = page.locator("#totp-key").inner_text().replace(" ", "")
    page.fill("input[name=code]", pyotp.TOTP(key).now())
    page.get_by_role("button", name="Aktifkan dan masuk").click()
    assert page.url.endswith("/staf/"), "the code opens the inbox"


def _log_out(page) -> None:
    page.locator("form[action$='/staf/keluar'] button, form[action$='/staf/keluar/'] button").first.click()


def test_a_citizen_reports_from_a_phone_staff_handle_it_and_the_citizen_reads_and_rates_the_answer(
    live_server, browser, shot, tmp_path, settings
):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }
    make_staff("verifikator", role="verifier", unit="itjen")
    make_staff("petugas.phi", role="unit_officer", unit="ditjen_phi_jamsos")
    evidence = tmp_path / "slip-gaji.png"
    evidence.write_bytes(PNG)
    base = live_server.url

    # The citizen, on a cheap phone: from the portal to the form, and a receipt to keep.
    phone = browser.new_context(viewport=PHONE, locale="id-ID").new_page()
    phone.goto(base + "/")
    shot(phone, "01-portal-phone")
    phone.get_by_role("link", name="Buat laporan").first.click()
    phone.fill("input[name=title]", "Gaji tiga bulan belum dibayar")
    phone.fill("textarea[name=text]", STORY)
    phone.set_input_files("input[name=files]", str(evidence))
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], (
        "the form is wider than the phone"
    )
    shot(phone, "02-form-phone")
    phone.get_by_role("button", name="Kirim laporan").click()
    tracking_id = phone.locator("#tracking-id").inner_text().strip()
    secret = phone.locator("#secret").inner_text().strip()
    shot(phone, "03-receipt-phone")
    case = Case.objects.get(tracking_id=tracking_id)
    assert case.status == "received"
    assert case.attachments.count() == 1

    # The verifier, at a desk: the case is in the inbox; verify, then assign to the unit triage suggested.
    desk = browser.new_context(viewport=DESK, locale="id-ID").new_page()
    _log_in(desk, base, "verifikator", shot)
    assert tracking_id in desk.content()
    shot(desk, "04-inbox-verifier")
    desk.get_by_role("link", name=tracking_id).click()
    desk.get_by_role("button", name="Mulai verifikasi").click()
    desk.locator("summary", has_text="Teruskan ke unit").click()
    assert desk.locator("select[name=unit]").input_value() == "ditjen_phi_jamsos"
    shot(desk, "05-case-verifier-assign")
    desk.locator("form[action$='/aksi/assign']").get_by_role("button", name="Teruskan ke unit").click()
    case.refresh_from_db()
    assert (case.status, case.unit_id) == ("assigned", "ditjen_phi_jamsos")
    _log_out(desk)

    # The unit's officer: start, then answer the reporter in public.
    _log_in(desk, base, "petugas.phi")
    desk.get_by_role("link", name=tracking_id).click()
    desk.get_by_role("button", name="Mulai tindak lanjut").click()
    desk.locator("summary", has_text="Kirim jawaban").click()
    desk.locator("form[action$='/aksi/respond'] textarea").fill(ANSWER)
    desk.locator("form[action$='/aksi/respond']").get_by_role("button", name="Kirim jawaban").click()
    shot(desk, "06-case-officer-responded")
    case.refresh_from_db()
    assert case.status == "responded"

    # The citizen, back on the phone: track with the receipt, read the answer, rate it.
    phone.goto(base + "/lacak")
    phone.fill("input[name=tracking_id]", tracking_id.lower())  # people type ids in lower case
    phone.fill("input[name=secret]", secret)
    phone.get_by_role("button", name="Lihat laporan").click()
    assert ANSWER in phone.content()
    shot(phone, "07-tracking-answer-phone")
    phone.locator("button[name=rating][value='5']").click()
    shot(phone, "08-tracking-rated-phone")
    case.refresh_from_db()
    assert case.rating == 5
    timeline = [(e.kind, e.to_status) for e in case.events.order_by("at", "pk")]
    assert ("transition", "assigned") in timeline
    assert ("transition", "responded") in timeline
