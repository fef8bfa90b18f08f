"""/lacak: the reporter finds the report with tracking id + secret, reads it, answers, rates and objects."""

from __future__ import annotations

import re

import pytest
from django.http import HttpRequest

from simadu.cases import services
from simadu.cases.models import Case
from simadu.tracking.views import GRANT_COOKIE, GRANT_SALT
from tests.factories import advance, submit
from tests.portal.pages import open_case, png

NOT_MATCHED = "Nomor laporan atau kode rahasia tidak cocok."


def _answer_without_token(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


@pytest.mark.django_db
def test_a_reporter_with_the_secret_reaches_the_case_page_through_a_short_lived_signed_cookie(client):
    """The lookup sets an HttpOnly, SameSite=Lax cookie that holds only the tracking id, for 30 minutes."""
    case, secret = submit()

    response = client.post("/lacak", {"tracking_id": case.tracking_id, "secret": secret})

    assert response.status_code == 302
    assert response["Location"] == f"/lacak/{case.tracking_id}"
    cookie = response.cookies[GRANT_COOKIE]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert cookie["max-age"] == 1800
    assert secret not in cookie.value
    reading = HttpRequest()
    reading.COOKIES[GRANT_COOKIE] = cookie.value
    assert reading.get_signed_cookie(GRANT_COOKIE, salt=GRANT_SALT, max_age=1800) == case.tracking_id
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert "Laporan Anda sudah kami terima dan menunggu diperiksa petugas." in page.content.decode()


@pytest.mark.django_db
def test_a_tracking_id_typed_loosely_still_finds_the_report(client):
    """Lower case and no dashes, as people type on a phone, still work."""
    case, secret = submit()

    response = client.post(
        "/lacak", {"tracking_id": case.tracking_id.lower().replace("-", " "), "secret": secret}
    )

    assert response.status_code == 302


@pytest.mark.django_db
def test_a_wrong_secret_and_an_unknown_tracking_id_get_the_same_answer(client):
    """Nobody can learn from the answer whether a tracking id exists."""
    case, _ = submit()
    unknown = "SMD-0000-0000"
    assert not Case.objects.filter(tracking_id=unknown).exists()

    wrong_secret = client.post(
        "/lacak", {"tracking_id": case.tracking_id, "secret": "AAAAA-BBBBB-CCCCC-DDDDD"}
    )
    unknown_id = client.post("/lacak", {"tracking_id": unknown, "secret": "AAAAA-BBBBB-CCCCC-DDDDD"})

    assert wrong_secret.status_code == unknown_id.status_code == 200
    assert NOT_MATCHED in wrong_secret.content.decode()
    assert NOT_MATCHED in unknown_id.content.decode()
    assert GRANT_COOKIE not in wrong_secret.cookies
    assert GRANT_COOKIE not in unknown_id.cookies
    assert _answer_without_token(wrong_secret.content.decode()).replace(case.tracking_id, "ID") == (
        _answer_without_token(unknown_id.content.decode()).replace(unknown, "ID")
    )


@pytest.mark.django_db
def test_many_wrong_secrets_from_one_client_are_answered_429(client):
    case, secret = submit()
    for _ in range(20):
        client.post("/lacak", {"tracking_id": case.tracking_id, "secret": "AAAAA-BBBBB-CCCCC-DDDDD"})

    response = client.post("/lacak", {"tracking_id": case.tracking_id, "secret": secret})

    assert response.status_code == 429
    assert "Terlalu banyak percobaan." in response.content.decode()


@pytest.mark.django_db
def test_the_case_page_without_a_grant_sends_the_reporter_back_to_the_lookup(client):
    """No cookie, a cookie for another report, or a forged cookie: back to /lacak with a message."""
    case, _ = submit()
    other, other_secret = submit()

    without = client.get(f"/lacak/{case.tracking_id}")
    client.cookies[GRANT_COOKIE] = case.tracking_id  # unsigned: forged
    forged = client.get(f"/lacak/{case.tracking_id}")
    open_case(client, other.tracking_id, other_secret)
    elsewhere = client.get(f"/lacak/{case.tracking_id}", follow=True)

    assert without.status_code == forged.status_code == 302
    assert without["Location"] == forged["Location"] == "/lacak"
    assert elsewhere.redirect_chain[-1][0] == "/lacak"
    assert "Masukkan nomor laporan dan kode rahasia Anda." in elsewhere.content.decode()


@pytest.mark.django_db
def test_a_reporter_can_leave_the_case_page_on_a_shared_phone(client):
    case, secret = submit()
    open_case(client, case.tracking_id, secret)

    client.post("/lacak/keluar")

    assert client.get(f"/lacak/{case.tracking_id}").status_code == 302


@pytest.mark.django_db
def test_a_reporter_answers_the_staff_question_and_the_case_goes_back_to_verification(client, staff):
    """The question stands out on the page; the answer, with a file, resumes verification."""
    case, secret = submit()
    services.case_verify(case=case, actor=staff["verifier"])
    services.case_request_info(case=case, actor=staff["verifier"], question="Di kota mana pabriknya?")

    page = open_case(client, case.tracking_id, secret).content.decode()
    assert "Pertanyaan petugas untuk Anda" in page
    assert "Di kota mana pabriknya?" in page
    assert "Mohon jawab paling lambat" in page

    answered = client.post(
        f"/lacak/{case.tracking_id}/pesan",
        {"text": "Pabriknya di Cikarang, Kabupaten Bekasi.", "files": [png("foto-pabrik.png")]},
        follow=True,
    )

    case.refresh_from_db()
    assert case.status == "verifying"
    body = answered.content.decode()
    assert "Pesan Anda sudah kami terima." in body
    assert "Pabriknya di Cikarang, Kabupaten Bekasi." in body
    assert "foto-pabrik.png" in body
    assert "Pertanyaan petugas untuk Anda" not in body


@pytest.mark.django_db
def test_an_empty_message_is_refused_next_to_the_message_field(client):
    case, secret = submit()
    open_case(client, case.tracking_id, secret)

    response = client.post(f"/lacak/{case.tracking_id}/pesan", {"text": "  "})

    assert response.status_code == 422
    assert "Tulis pesan atau lampirkan berkas." in response.content.decode()
    assert case.events.filter(kind="reporter_message").count() == 0


@pytest.mark.django_db
def test_the_case_page_shows_the_stage_its_deadline_and_working_days_left(client, staff):
    case, secret = submit()
    advance(case, "assigned", verifier=staff["verifier"])

    page = open_case(client, case.tracking_id, secret).content.decode()

    assert 'aria-current="step"' in page
    assert re.search(
        r'progress__step--current"\s*aria-current="step">\s*<span class="progress__label">Diteruskan ke unit',
        page,
    )
    assert "hari kerja lagi" in page
    assert "Tahap ini paling lambat selesai" in page


@pytest.mark.django_db
def test_after_a_response_the_reporter_rates_it_once(client, staff):
    """Five big buttons; the first rating counts, a second is refused."""
    case, secret = submit()
    advance(case, "responded", verifier=staff["verifier"], officer=staff["officer_phi"])
    page = open_case(client, case.tracking_id, secret).content.decode()
    assert page.count('name="rating"') == 5

    rated = client.post(
        f"/lacak/{case.tracking_id}/nilai", {"rating": "4", "comment": "Cepat ditangani."}, follow=True
    )
    again = client.post(f"/lacak/{case.tracking_id}/nilai", {"rating": "1"})

    case.refresh_from_db()
    assert (case.rating, case.rating_comment) == (4, "Cepat ditangani.")
    assert "Terima kasih atas penilaian Anda." in rated.content.decode()
    assert 'name="rating"' not in rated.content.decode()
    assert again.status_code == 409
    assert "Anda sudah memberi penilaian untuk laporan ini." in again.content.decode()


@pytest.mark.django_db
def test_an_objection_reopens_the_case_once(client, staff):
    case, secret = submit()
    advance(case, "responded", verifier=staff["verifier"], officer=staff["officer_phi"])
    open_case(client, case.tracking_id, secret)

    empty = client.post(f"/lacak/{case.tracking_id}/keberatan", {"reason": ""})
    objected = client.post(
        f"/lacak/{case.tracking_id}/keberatan", {"reason": "Gaji baru dibayar separuh."}, follow=True
    )
    again = client.post(f"/lacak/{case.tracking_id}/keberatan", {"reason": "Masih belum dibayar."})

    case.refresh_from_db()
    assert empty.status_code == 422
    assert "Tulis alasan keberatan Anda." in empty.content.decode()
    assert case.status == "reopened"
    assert "Keberatan Anda sudah kami terima." in objected.content.decode()
    assert "Ajukan keberatan" not in objected.content.decode()
    assert again.status_code == 409
    assert "Keberatan hanya dapat diajukan satu kali." in again.content.decode()


@pytest.mark.django_db
def test_the_objection_form_is_no_longer_offered_after_the_ten_working_days(client, staff):
    """The page offers only what the reporter can still do: after the window, no objection button."""
    import datetime as dt

    import time_machine

    from simadu.core.clock import WIB

    with time_machine.travel(dt.datetime(2026, 11, 2, 9, 0, tzinfo=WIB), tick=False):
        case, secret = submit()
        advance(case, "responded", verifier=staff["verifier"], officer=staff["officer_phi"])
        within = client.get(f"/api/v1/reports/{case.tracking_id}", HTTP_X_REPORT_SECRET=secret).json()
    with time_machine.travel(dt.datetime(2026, 11, 17, 9, 0, tzinfo=WIB), tick=False):  # 11 working days on
        after = client.get(f"/api/v1/reports/{case.tracking_id}", HTTP_X_REPORT_SECRET=secret).json()

    assert within["can_object"] is True
    assert after["can_object"] is False
