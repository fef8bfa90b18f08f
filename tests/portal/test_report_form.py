"""The one report form, sent as a phone without JavaScript sends it, and its receipt."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from simadu.cases.models import Attachment, Case
from simadu.core import ids
from tests.portal.pages import CHRONOLOGY, field_error, form_data, png, receipt_codes

WIB = dt.timezone(dt.timedelta(hours=7))


@pytest.mark.django_db
def test_a_report_sent_without_javascript_is_filed_and_the_receipt_shows_its_tracking_id_and_secret(client):
    """A plain multipart POST files the case and answers the receipt itself, never cached, never redirected."""
    response = client.post("/lapor", form_data(title="Gaji belum dibayar", email="pekerja@example.id"))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    tracking_id, secret = receipt_codes(page)
    case = Case.objects.get()
    assert tracking_id == case.tracking_id
    assert ids.secret_matches(secret, case.secret_hash)
    assert "Kode rahasia hanya ditampilkan sekali dan tidak dapat dipulihkan." in page
    assert 'action="/tanda-terima"' in page
    assert 'href="/lacak"' in page
    assert 'action="/i18n/setlang/"' not in page, "switching language there would lose the receipt"
    assert case.source == "web"


@pytest.mark.django_db
def test_the_receipt_gives_the_date_of_the_first_answer_in_indonesian_in_wib(client):
    """Filed on Monday 2 March 2026, the first answer is due three working days later, on Thursday."""
    with time_machine.travel(dt.datetime(2026, 3, 2, 10, 0, tzinfo=WIB), tick=False):
        page = client.post("/lapor", form_data()).content.decode()

    assert "Kamis, 5 Maret 2026" in page
    assert "Senin, 2 Maret 2026, 10.00 WIB" in page


@pytest.mark.django_db
def test_every_field_of_the_form_reaches_the_case(client):
    """Channel, place, date, reported party and the confidentiality boxes are filed as the reporter chose."""
    client.post(
        "/lapor",
        form_data(
            channel="lapor",
            title="THR tidak dibayar",
            incident_date="2026-03-01",
            province_code="32",
            regency_code="32.16",
            location_detail="Jl. Industri 5, Cikarang",
            reported_party="PT Contoh Makmur",
            reporter_type="public",
            name="Siti",
            phone="081234567890",
            anonymous="on",
            confidential="on",
        ),
    )

    case = Case.objects.get()
    assert (case.channel, case.channel_chosen) == ("lapor", True)
    assert (case.province_code, case.regency_code) == ("32", "32.16")
    assert case.incident_date == dt.date(2026, 3, 1)
    assert case.reported_party == "PT Contoh Makmur"
    assert case.anonymous
    assert case.confidential
    assert case.sealed_identity


@pytest.mark.django_db
def test_a_report_on_wbs_chosen_on_the_form_is_sealed(client):
    """Choosing WBS Online files a sealed, anonymous, confidential report."""
    response = client.post("/lapor", form_data(channel="wbs", title="Pungli di loket"))

    assert response.status_code == 200
    case = Case.objects.get()
    assert case.channel == "wbs"
    assert case.anonymous
    assert case.confidential
    assert case.text == ""
    assert case.title == ""


@pytest.mark.django_db
def test_evidence_files_are_filed_with_the_report(client):
    """Up to five files travel with the form; each is kept with the case."""
    client.post("/lapor", {**form_data(), "files": [png("slip-gaji.png"), png("kontrak.png")]})

    case = Case.objects.get()
    assert Attachment.objects.filter(case=case, from_reporter=True).count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"text": ""}, "text", "Ceritakan kejadiannya, paling sedikit 10 huruf."),
        ({"regency_code": "99.99"}, "regency_code", "Kode kabupaten/kota tidak dikenal."),
        (
            {"province_code": "31", "regency_code": "32.16"},
            "regency_code",
            "Kabupaten/kota tidak berada di provinsi yang dipilih.",
        ),
        ({"email": "bukan-email"}, "email", "Alamat e-mail tidak valid."),
        ({"incident_date": "2099-01-01"}, "incident_date", "Tanggal kejadian tidak boleh di masa depan."),
        ({"channel": "lainnya"}, "channel", "Kanal tidak dikenal."),
    ],
)
def test_a_mistake_is_explained_in_indonesian_next_to_its_field_and_files_nothing(
    client, overrides, field, message
):
    """validate_submission's message shows at the field it names; no case is filed."""
    response = client.post("/lapor", form_data(**overrides))

    assert response.status_code == 422
    assert message in field_error(response.content.decode(), field)
    assert Case.objects.count() == 0


@pytest.mark.django_db
def test_a_disguised_file_is_refused_at_the_files_field_and_files_nothing(client):
    """An HTML page named bukti.jpg is not a photo: the form says so next to the evidence field."""
    disguised = SimpleUploadedFile("bukti.jpg", b"<html><script>alert(1)</script></html>", "image/jpeg")

    response = client.post("/lapor", {**form_data(), "files": [disguised]})

    assert response.status_code == 422
    assert "Berkas bukti.jpg tidak dapat diterima." in field_error(response.content.decode(), "files")
    assert Case.objects.count() == 0
    assert Attachment.objects.count() == 0


@pytest.mark.django_db
def test_more_than_five_files_are_refused_at_the_files_field(client):
    response = client.post("/lapor", {**form_data(), "files": [png(f"bukti{i}.png") for i in range(6)]})

    assert response.status_code == 422
    assert "Paling banyak 5 berkas." in field_error(response.content.decode(), "files")
    assert Case.objects.count() == 0


@pytest.mark.django_db
def test_after_a_mistake_the_form_keeps_what_the_reporter_typed(client):
    """Nothing typed is lost: the chronology and place come back in the form, and lost files are named."""
    page = client.post(
        "/lapor",
        {**form_data(email="salah", location_detail="Pabrik sepatu Tangerang"), "files": [png()]},
    ).content.decode()

    assert CHRONOLOGY in page
    assert 'value="Pabrik sepatu Tangerang"' in page
    assert "Silakan pilih lagi." in page


@pytest.mark.django_db
def test_without_javascript_the_regency_list_is_grouped_by_province(client):
    """Every regency is offered, grouped under its province, so the form works without htmx."""
    page = client.get("/lapor").content.decode()

    assert '<optgroup label="Jawa Barat">' in page
    assert '<option value="32.16">Kabupaten Bekasi</option>' in page
    assert 'hx-get="/wilayah/kabupaten"' in page, "with htmx, choosing a province narrows the list"


@pytest.mark.django_db
def test_the_regency_endpoint_answers_the_options_of_one_province(client):
    """htmx asks /wilayah/kabupaten?province=.. when a province is chosen."""
    options = client.get("/wilayah/kabupaten", {"province": "32"}).content.decode()

    assert '<option value="32.16">Kabupaten Bekasi</option>' in options
    assert "31.71" not in options
    assert "<optgroup" not in options
    assert "<html" not in options


@pytest.mark.django_db
def test_the_receipt_download_needs_the_right_secret(client):
    """With the secret the receipt comes as a UTF-8 text file; with a wrong one, nothing but the lookup message."""
    tracking_id, secret = receipt_codes(client.post("/lapor", form_data()).content.decode())

    download = client.post("/tanda-terima", {"tracking_id": tracking_id, "secret": secret})
    refused = client.post("/tanda-terima", {"tracking_id": tracking_id, "secret": "AAAAA-BBBBB-CCCCC-DDDDD"})

    assert download.status_code == 200
    assert download["Content-Type"] == "text/plain; charset=utf-8"
    assert download["Content-Disposition"] == f'attachment; filename="tanda-terima-{tracking_id}.txt"'
    assert "no-store" in download["Cache-Control"]
    text = download.content.decode("utf-8")
    assert tracking_id in text
    assert secret in text
    assert "/lacak" in text
    assert f"{Case.objects.get().get_channel_display()}\n" in text
    assert refused.status_code == 404
    assert "attachment" not in refused.get("Content-Disposition", "")
    assert secret not in refused.content.decode()
    assert "Nomor laporan atau kode rahasia tidak cocok." in refused.content.decode()


@pytest.mark.django_db
def test_the_receipt_download_cannot_be_fetched_with_a_get(client):
    assert client.get("/tanda-terima").status_code == 405


@pytest.mark.django_db
def test_a_double_tap_on_send_files_one_report_and_shows_the_same_receipt_twice(client):
    """A slow phone without JavaScript sends the same form twice: one case, and both answers carry its codes."""
    key = re.search(r'name="submission_key" value="([^"]+)"', client.get("/lapor").content.decode()).group(1)

    first = client.post("/lapor", form_data(submission_key=key, files=png()))
    again = client.post("/lapor", form_data(submission_key=key, files=png()))

    assert Case.objects.count() == 1
    assert Attachment.objects.count() == 1
    assert receipt_codes(again.content.decode()) == receipt_codes(first.content.decode())


@pytest.mark.django_db
def test_the_same_page_sent_again_with_another_story_is_a_new_report(client):
    """Back button, a different story, send: that is a second report, not a replay of the first."""
    key = re.search(r'name="submission_key" value="([^"]+)"', client.get("/lapor").content.decode()).group(1)

    client.post("/lapor", form_data(submission_key=key))
    client.post(
        "/lapor",
        form_data(submission_key=key, text="THR saya dari PT Lain Sentosa belum dibayar sampai sekarang."),
    )

    assert Case.objects.count() == 2
