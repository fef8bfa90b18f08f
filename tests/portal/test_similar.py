"""Laporan serupa: while a reporter types, similar open reports are offered, showing nothing of anyone's
report; following one files the report already merged, with its own tracking id and secret; afterwards the
reporter follows the kept case on /lacak and the API, and their messages reach its handlers."""

from __future__ import annotations

import json
import re

import pytest
from django.core import signing

from simadu.cases import services
from simadu.cases.duplicates import FOLLOW_SALT
from simadu.cases.merge import case_merge
from simadu.cases.models import Case
from simadu.core import ids
from simadu.portal import views as portal_views
from tests.factories import advance, decision, submit
from tests.portal.pages import form_data, receipt_codes

THR = (
    "THR saya dan 70 teman di PT Sumber Plastik Jaya, Sidoarjo belum dibayar sampai hari ini (H+14). "
    "Kami sudah tanya ke HRD tapi jawabannya tunggu keuangan. Mohon pengawas turun ke pabrik."
)
TYPED = (
    "THR kami 70 orang lebih di PT Sumber Plastik Jaya Sidoarjo sampai dua minggu setelah Lebaran belum "
    "dibayar juga. HRD cuma bilang tunggu keuangan. Mohon pengawas segera turun."
)
# What the earlier reporter wrote and who they are: none of it may reach anyone else.
PLANTED = {
    "name": "Siti-Rahmawati-Penanda",
    "email": "siti.penanda@contoh.id",
    "phone": "081234509876",
    "title": "JUDUL-PENANDA-4411",
    "reported_party": "TERLAPOR-PENANDA-5522",
    "location_detail": "LOKASI-PENANDA-6633",
}
STORY_MARK = "Sumber Plastik Jaya, Sidoarjo belum dibayar sampai hari ini"
REPLY = "Pengawas sudah menjadwalkan pemeriksaan ke pabrik BALASAN-PENANDA-7744."
KEPT_MESSAGE = "Slip gaji saya terlampir PESAN-PELAPOR-PERTAMA-8855."


# Other reports, so that words are weighed as over a real inbox (a word every report has says little).
BACKGROUND = (
    (
        "Aplikasi SIAPkerja selalu force close setiap buka menu Profil sejak pembaruan kemarin.",
        "akses_layanan_digital",
    ),
    ("Gaji kami di toko bangunan di Ambon belum dibayar tiga bulan, pemilik bilang sabar terus.", "upah"),
    (
        "Perusahaan tempat saya bekerja tidak mendaftarkan karyawan ke BPJS Ketenagakerjaan di Sumedang.",
        "jaminan_sosial",
    ),
    ("Petugas loket AK1 di Disnaker Kota Denpasar membentak pemohon lansia di depan antrean.", "kode_etik"),
    ("Kami dipaksa lembur 14 jam tanpa bayaran di pabrik sarung tangan di Deli Serdang.", "norma_kerja"),
    (
        "Pelatihan menjahit di BBPVP Semarang hanya punya delapan mesin untuk dua puluh peserta.",
        "pelatihan_vokasi",
    ),
)


@pytest.fixture(autouse=True)
def _background(db: object, settings: object, tmp_path: object) -> None:
    """Every test starts with a few unrelated open reports, and stores evidence files in its own folder."""
    settings.STORAGES = {  # type: ignore[attr-defined]
        **settings.STORAGES,  # type: ignore[attr-defined]
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media"},  # type: ignore[operator]
        },
    }
    for text, category in BACKGROUND:
        submit(text, triage=decision(category))


def _earlier(**fields: object) -> Case:
    case, _ = submit(THR, triage=decision("thr"), province_code="35", **{**PLANTED, **fields})  # type: ignore[arg-type]
    return case


def _box(client, text: str = TYPED, **extra: str) -> str:
    response = client.post("/lapor/serupa", {"text": text, "title": "", "channel": "", "follow": "", **extra})
    assert response.status_code == 200
    return response.content.decode()


def _references(html: str) -> list[str]:
    return [r for r in re.findall(r'name="follow" value="([^"]*)"', html) if r]


@pytest.mark.django_db
def test_the_report_form_asks_for_similar_reports_while_the_story_is_typed_without_inline_script(client):
    """The chronology box asks /lapor/serupa after a pause in typing (htmx, 800 ms), sends only the story, the
    title, the channel and the choice, and the page carries no inline script (strict CSP)."""
    page = client.get("/lapor").content.decode()

    textarea = re.search(r"<textarea[^>]*name=\"text\"[^>]*>", page).group(0)  # type: ignore[union-attr]
    assert 'hx-post="/lapor/serupa"' in textarea
    assert 'hx-trigger="keyup changed delay:800ms"' in textarea
    assert 'hx-params="csrfmiddlewaretoken,text,title,channel,follow"' in textarea
    assert 'id="laporan-serupa"' in page
    assert 'aria-live="polite"' in page
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), "an inline script"


@pytest.mark.django_db
def test_a_similar_open_report_is_offered_with_nothing_of_its_report_or_reporter(client, staff):
    """Given an ordinary report of the same incident, the box offers it by category, unit, stage, month and
    province; not its title, story, reported party, place, nor its reporter's name, e-mail or phone; and the
    reference to follow it is not its tracking id."""
    earlier = _earlier()
    advance(earlier, "assigned", verifier=staff["verifier"])

    html = _box(client)

    assert "Laporan serupa yang sedang ditangani" in html
    assert "Ikuti laporan ini" in html
    assert "Tunjangan Hari Raya" in html or "THR" in html  # the category
    assert "Sudah diteruskan ke unit yang berwenang" in html
    assert "Jawa Timur" in html
    for planted in (*PLANTED.values(), STORY_MARK, "70 teman", earlier.tracking_id):
        assert planted not in html, planted
    (reference,) = _references(html)
    assert signing.loads(reference, salt=FOLLOW_SALT) == earlier.pk


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fields",
    [{"confidential": True}, {"anonymous": True}, {"channel": "wbs"}],
    ids=["rahasia", "anonim", "wbs"],
)
def test_rahasia_anonymous_and_wbs_reports_are_never_offered(client, fields):
    """A report of the same incident that is rahasia, anonim or WBS is never offered: the box stays empty and
    holds none of its words."""
    _earlier(**fields)

    html = _box(client)

    assert "Ikuti laporan ini" not in html
    for planted in (*PLANTED.values(), STORY_MARK):
        assert planted not in html


@pytest.mark.django_db
def test_a_supervisory_complaint_is_never_offered(client):
    """A complaint about an official's conduct (berkadar pengawasan) telling the same story is not offered:
    the box must not tell anyone, the official included, that such a complaint is open."""
    case, _ = submit(THR, triage=decision("pungli"), province_code="35", **PLANTED)  # type: ignore[arg-type]
    assert case.supervisory

    assert "Ikuti laporan ini" not in _box(client)


@pytest.mark.django_db
def test_nothing_is_offered_for_a_wbs_report_or_an_unrelated_story(client):
    _earlier()

    assert "Ikuti laporan ini" not in _box(client, channel="wbs")
    assert "Ikuti laporan ini" not in _box(
        client,
        text="Tagihan listrik PLN saya bulan ini naik tiga kali lipat padahal pemakaiannya sama seperti biasa.",
    )


@pytest.mark.django_db
def test_suggestions_are_limited_per_client(client, monkeypatch, settings):
    """Like the other public doors, one client may ask only so often; past that the answer is 429 and htmx
    keeps the box as it was."""
    settings.SIMADU_RATE_LIMITS = True
    monkeypatch.setattr(portal_views, "SIMILAR_LIMIT", 2)

    statuses = [client.post("/lapor/serupa", {"text": TYPED}).status_code for _ in range(3)]

    assert statuses == [200, 200, 429]


@pytest.mark.django_db
def test_following_a_suggestion_files_the_report_merged_with_its_own_tracking_id_and_secret(client):
    """The reporter chooses "Ikuti laporan ini" and sends the form: they get their own tracking id and
    secret, and their report is filed already merged into the one they chose, so it is handled once."""
    earlier = _earlier()
    (reference,) = _references(_box(client))

    response = client.post("/lapor", form_data(text=TYPED, email="pelapor.kedua@contoh.id", follow=reference))

    assert response.status_code == 200
    page = response.content.decode()
    tracking_id, secret = receipt_codes(page)
    mine = Case.objects.get(tracking_id=tracking_id)
    assert tracking_id != earlier.tracking_id
    assert ids.secret_matches(secret, mine.secret_hash)
    assert (mine.status, mine.archive_reason, mine.merged_into_id) == ("archived", "duplicate", earlier.pk)
    assert "Anda memilih mengikuti laporan serupa" in page
    assert earlier.tracking_id not in page
    assert mine.events.get(kind="merge").visibility == "public"
    assert earlier.events.get(kind="merge").data == {"merged": tracking_id, "chosen_by": "reporter"}


@pytest.mark.django_db
def test_a_forged_or_stale_reference_files_the_report_on_its_own(client, staff):
    """A reference that was not signed here, or names a report that has since been closed, is ignored: the
    report is filed as a new one."""
    earlier = _earlier()
    (reference,) = _references(_box(client))
    forged = signing.dumps(earlier.pk, salt="another.salt")
    client.post("/lapor", form_data(text=TYPED, follow=forged))
    advance(
        Case.objects.get(pk=earlier.pk), "closed", verifier=staff["verifier"], officer=staff["officer_phi"]
    )
    client.post("/lapor", form_data(text=TYPED + " Tambahan.", follow=reference))

    assert not Case.objects.filter(merged_into__isnull=False).exists()
    assert Case.objects.filter(status="received").count() == 2 + len(BACKGROUND)


def _merged_pair(staff) -> tuple[Case, Case, str]:
    """An earlier report (with its reporter's message and file and a staff reply) and a later one merged into
    it by a verifier; returns both and the later reporter's secret."""
    from simadu.confidentiality.attachments import CheckedFile
    from tests.portal.pages import png

    earlier = _earlier()
    services.case_reporter_message(
        case=earlier,
        text=KEPT_MESSAGE,
        files=[CheckedFile("slip-PERTAMA-9966.png", "image/png", png().read())],
    )
    later, secret = submit(TYPED, triage=decision("thr"), email="pelapor.kedua@contoh.id")
    services.case_add_note(
        case=Case.objects.get(pk=earlier.pk), actor=staff["verifier"], text=REPLY, public=True
    )
    case_merge(
        case=Case.objects.get(pk=later.pk), into=Case.objects.get(pk=earlier.pk), actor=staff["verifier"]
    )
    return earlier, later, secret


@pytest.mark.django_db
def test_the_merged_reporter_follows_the_kept_case_on_lacak_without_the_other_reporters_words(client, staff):
    """On /lacak, the merged case's reporter reads "Laporan yang digabung dengan laporan Anda", the kept
    case's stage and their own merge notice; never the other reporter's message, file, name or story, nor
    what staff wrote to that reporter (a follower may be anyone who told a similar story); a reply staff
    write on the merged case reaches them; what they send reaches the kept case's handlers, not its
    reporter."""
    earlier, later, secret = _merged_pair(staff)
    advance(Case.objects.get(pk=earlier.pk), "assigned", verifier=staff["verifier"])

    assert client.post("/lacak", {"tracking_id": later.tracking_id, "secret": secret}).status_code == 302
    page = client.get(f"/lacak/{later.tracking_id}").content.decode()

    assert "Laporan yang digabung dengan laporan Anda" in page
    assert "Laporan Anda sudah diteruskan ke unit yang berwenang menanganinya." in page
    assert "sudah ditangani, jadi kami gabungkan" in page
    hidden_words = ("PESAN-PELAPOR-PERTAMA-8855", "slip-PERTAMA-9966", "BALASAN-PENANDA-7744", STORY_MARK)
    for hidden in (*hidden_words, *PLANTED.values()):
        assert hidden not in page, hidden
    assert "diarsipkan" not in page.lower()

    sent = client.post(f"/lacak/{later.tracking_id}/pesan", {"text": "Saya bagian gudang PESAN-KEDUA-1212."})
    assert sent.status_code == 302
    note = Case.objects.get(pk=earlier.pk).events.get(data__from_merged=later.tracking_id)
    assert (note.kind, note.visibility) == ("reporter_message", "internal")
    assert "PESAN-KEDUA-1212" in client.get(f"/lacak/{later.tracking_id}").content.decode()

    services.case_add_note(
        case=Case.objects.get(pk=later.pk),
        actor=staff["verifier"],
        text="JAWABAN-UNTUK-KEDUA-3131",
        public=True,
    )
    assert "JAWABAN-UNTUK-KEDUA-3131" in client.get(f"/lacak/{later.tracking_id}").content.decode()


@pytest.mark.django_db
def test_the_kept_cases_reporter_never_gets_the_merged_reporters_file_in_their_data_export(staff):
    """The merged reporter's evidence lands on the kept case for staff; the kept case's reporter downloading
    "Unduh data saya" gets their own files only, never the other reporter's (its name can identify them)."""
    from simadu.confidentiality.attachments import CheckedFile
    from simadu.tracking.services import reporter_data_export
    from tests.portal.pages import png

    earlier, later, _ = _merged_pair(staff)
    services.case_reporter_message(
        case=Case.objects.get(pk=later.pk),
        text="Ini slip gaji saya.",
        files=[CheckedFile("KTP-Siti-Aminah-4545.png", "image/png", png().read())],
    )
    assert Case.objects.get(pk=earlier.pk).attachments.count() == 2  # staff have both files

    export = json.dumps(reporter_data_export(case=Case.objects.get(pk=earlier.pk), via="web"), default=str)

    assert "slip-PERTAMA-9966" in export
    assert "KTP-Siti-Aminah-4545" not in export


@pytest.mark.django_db
def test_the_kept_cases_reporter_never_reads_the_merged_reporters_message(client, staff):
    earlier, later, _ = _merged_pair(staff)
    services.case_reporter_message(case=Case.objects.get(pk=later.pk), text="PESAN-KEDUA-3434 dari gudang.")
    from simadu.tracking.services import reporter_view

    view = reporter_view(Case.objects.get(pk=earlier.pk))

    assert not any("PESAN-KEDUA-3434" in item.text for item in view.timeline)
    assert any("PESAN-PELAPOR-PERTAMA-8855" in item.text for item in view.timeline)
    assert view.merged is False


@pytest.mark.django_db
def test_the_api_shows_the_merged_reporter_the_kept_case_and_takes_their_message(client, staff):
    """GET /api/v1/reports/{id} of a merged case answers the kept case's status and deadline with
    `merged: true`, and never the other reporter's message or staff's reply to them; POST .../messages lands
    on the kept case."""
    earlier, later, secret = _merged_pair(staff)
    advance(Case.objects.get(pk=earlier.pk), "assigned", verifier=staff["verifier"])
    kept = Case.objects.get(pk=earlier.pk)

    body = client.get(f"/api/v1/reports/{later.tracking_id}", HTTP_X_REPORT_SECRET=secret).json()

    assert (body["tracking_id"], body["status"], body["merged"]) == (later.tracking_id, "assigned", True)
    assert body["expected_response_by"] is not None
    texts = json.dumps(body["timeline"])
    assert "BALASAN-PENANDA-7744" not in texts
    assert "PESAN-PELAPOR-PERTAMA-8855" not in texts
    assert "slip-PERTAMA-9966" not in texts
    assert (body["can_reply"], body["can_rate"], body["can_object"]) == (True, False, False)

    posted = client.post(
        f"/api/v1/reports/{later.tracking_id}/messages",
        json.dumps({"text": "Tambahan dari API PESAN-API-5656."}),
        content_type="application/json",
        HTTP_X_REPORT_SECRET=secret,
    )
    assert posted.status_code == 201
    assert posted.json()["status"] == "assigned"
    assert kept.events.filter(data__from_merged=later.tracking_id, body__contains="PESAN-API-5656").exists()
