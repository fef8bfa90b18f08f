"""In a real browser on a phone: typing the story brings up "Laporan serupa", and following one files the report
already merged, with its own receipt; nothing breaks the strict Content-Security-Policy."""

from __future__ import annotations

import pytest

from simadu.cases.models import Case
from tests.factories import decision, submit

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 360, "height": 740}
EARLIER = (
    "THR saya dan 70 teman di PT Sumber Plastik Jaya, Sidoarjo belum dibayar sampai hari ini (H+14). "
    "Kami sudah tanya ke HRD tapi jawabannya tunggu keuangan. Mohon pengawas turun ke pabrik."
)
TYPED = (
    "THR kami 70 orang lebih di PT Sumber Plastik Jaya Sidoarjo sampai dua minggu setelah Lebaran belum "
    "dibayar juga. HRD cuma bilang tunggu keuangan. Mohon pengawas segera turun."
)
OTHERS = (
    (
        "Aplikasi SIAPkerja selalu force close setiap buka menu Profil sejak pembaruan kemarin.",
        "akses_layanan_digital",
    ),
    ("Gaji kami di toko bangunan di Ambon belum dibayar tiga bulan, pemilik bilang sabar terus.", "upah"),
    ("Petugas loket AK1 di Disnaker Kota Denpasar membentak pemohon lansia di depan antrean.", "kode_etik"),
)


def test_typing_the_story_offers_the_similar_report_and_following_it_files_a_merged_report(
    live_server, browser, shot
):
    earlier, _ = submit(EARLIER, triage=decision("thr"), title="JUDUL-ORANG-LAIN", name="Nama-Orang-Lain")
    for text, category in OTHERS:
        submit(text, triage=decision(category))
    page = browser.new_context(viewport=PHONE, locale="id-ID").new_page()
    seen: list[str] = []
    page.on("console", lambda m: seen.append(m.text))

    page.goto(f"{live_server.url}/lapor")
    page.locator("textarea[name=text]").press_sequentially(TYPED, delay=2)
    box = page.locator("#laporan-serupa fieldset.similar")
    box.wait_for(timeout=10_000)
    shot(page, "laporan-serupa-phone")

    assert "Laporan serupa yang sedang ditangani" in box.inner_text()
    assert "JUDUL-ORANG-LAIN" not in page.content()
    assert "Nama-Orang-Lain" not in page.content()
    page.get_by_label("Ikuti laporan ini").first.check()
    page.fill("input[name=email]", "pelapor.kedua@contoh.id")
    page.get_by_role("button", name="Kirim laporan").click()
    page.get_by_text("Anda memilih mengikuti laporan serupa").wait_for(timeout=10_000)

    tracking_id = page.locator("#tracking-id").inner_text().strip()
    assert Case.objects.get(tracking_id=tracking_id).merged_into_id == earlier.pk
    assert not [m for m in seen if "Content Security Policy" in m]
