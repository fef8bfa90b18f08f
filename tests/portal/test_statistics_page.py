"""/statistik: counts drawn as bars and as a table, and never a word of any report."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from simadu.cases.models import Case
from tests.factories import advance, submit

PLANTED = "Zirkonmarmelade"


def _count_of(page: str, label: str) -> int:
    """The number the bar chart prints as text beside one label."""
    match = re.search(
        rf'<span class="bars__label">{re.escape(label)}</span>.*?<span class="bars__count">(\d+)</span>',
        page,
        re.DOTALL,
    )
    assert match, f"no bar for {label}"
    return int(match.group(1))


@pytest.mark.django_db
def test_statistics_show_the_counts_by_channel_status_and_category(client, staff):
    """Each bar carries its number as text, and the same numbers are in a table."""
    submit()
    submit("Saya tidak bisa login ke SIAPkerja, kode OTP tidak pernah masuk ke ponsel saya.")
    assigned, _ = submit("THR saya tahun ini tidak dibayar oleh perusahaan tempat saya bekerja.")
    advance(assigned, "assigned", verifier=staff["verifier"])

    page = client.get("/statistik").content.decode()

    assert re.search(r'class="total__number">3<', page)
    assert _count_of(page, "Helpdesk") == 1
    assert _count_of(page, "SPAN-LAPOR!") == 2
    assert _count_of(page, "WBS Online") == 0
    assert _count_of(page, "Diterima") == 2
    assert _count_of(page, "Diteruskan ke unit") == 1
    for name, n in Counter(case.category.name for case in Case.objects.select_related("category")).items():
        assert _count_of(page, name) == n
    assert "akses_layanan_digital" not in page, "categories show by name, not slug"
    assert "<table>" in page
    assert "Lihat sebagai tabel" in page
    assert 'style="' not in page


@pytest.mark.django_db
def test_statistics_never_show_report_text_of_a_wbs_or_an_ordinary_report(client):
    """A word planted in a WBS report and in an ordinary one appears nowhere on the page."""
    submit(
        f"Pegawai dinas meminta uang pelicin {PLANTED} untuk mempercepat izin saya.",
        title=f"Pungli {PLANTED}",
        channel="wbs",
        name="Budi Pelapor",
    )
    submit(
        f"Gaji saya belum dibayar, perusahaan {PLANTED} di Bekasi.",
        title=f"Upah {PLANTED}",
        location_detail=PLANTED,
        reported_party=PLANTED,
    )

    page = client.get("/statistik").content.decode()

    assert re.search(r'class="total__number">2<', page)
    assert _count_of(page, "WBS Online") == 1
    assert PLANTED not in page
    assert "Budi Pelapor" not in page


@pytest.mark.django_db
def test_a_confidential_report_counts_in_the_total_but_in_no_breakdown(client):
    """Rahasia: the report is counted once in the total and its channel, never by category or stage."""

    submit(text="Gaji saya di PT Rahasia Jaya belum dibayar tiga bulan.", confidential=True, channel="lapor")
    stats = client.get("/api/v1/statistics").json()
    assert stats["total"] == 1
    assert stats["by_channel"]["lapor"] == 1
    assert stats["by_category"] == {}
    assert stats["by_status"] == {}
