"""E-mail to reporters through a real SMTP server: its own Message-ID, threaded per case, no report content;
a server that is down keeps the message waiting with a visible reason, and it leaves when the server is back;
one that stays down makes it fail, visibly on the case page, where staff can send it again."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client

from simadu.cases import services
from simadu.cases.models import Case
from simadu.core.clock import WIB
from simadu.outbox.models import OutboxMessage
from simadu.outbox.services import MAX_ATTEMPTS, outbox_deliver_due
from tests.factories import login_staff, submit
from tests.notifications.conftest import SmtpServer

EMAIL = "buruh.bekasi@contoh.id"
NAME = "Siti-Pelapor-4471"
PHONE = "081277001234"
STORY = "Sudah tiga bulan gaji saya di PT Contoh Makmur Bekasi belum dibayar, PENANDA-ISI-5150."
REPLY = "Mohon kirim foto slip gaji terakhir Anda, PENANDA-BALASAN-7070."
NOON = dt.datetime(2026, 3, 2, 12, 0, tzinfo=WIB)


def _reported(on_commit, **fields) -> Case:  # type: ignore[no-untyped-def]
    with on_commit(execute=True):
        case, _ = submit(STORY, title="Gaji JUDUL-8181", name=NAME, email=EMAIL, **fields)
    return case


def _page(case: Case, user) -> str:  # type: ignore[no-untyped-def]
    response = login_staff(Client(), user).get(f"/staf/kasus/{case.tracking_id}")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_each_e_mail_has_its_own_message_id_and_the_next_one_threads_onto_the_first(
    smtp: SmtpServer, staff, settings, django_capture_on_commit_callbacks
):
    """Given a running mail server, the receipt and a later reply notice reach it: each with the Message-ID
    SIMADU stored, the second In-Reply-To the first, Reply-To the mail gate; neither names the report."""
    settings.SIMADU_MAIL_REPLY_TO = "balasan@pengaduan.contoh.go.id"
    settings.SIMADU_MAIL_DOMAIN = "pengaduan.contoh.go.id"
    smtp.start()
    case = _reported(django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.case_add_note(case=case, actor=staff["verifier"], text=REPLY, public=True)

    receipt, notice = smtp.messages
    sent = OutboxMessage.objects.filter(case=case).order_by("pk")
    assert [(m.topic, m.state) for m in sent] == [("case.received", "sent"), ("case.reply", "sent")]
    assert receipt["Message-ID"] == sent[0].message_id
    assert notice["Message-ID"] == sent[1].message_id
    assert sent[0].message_id.endswith("@pengaduan.contoh.go.id>")
    assert sent[0].message_id != sent[1].message_id
    assert receipt["In-Reply-To"] is None
    assert notice["In-Reply-To"] == receipt["Message-ID"]
    assert notice["References"] == receipt["Message-ID"]
    assert notice["Reply-To"] == "balasan@pengaduan.contoh.go.id"
    assert notice["To"] == EMAIL
    for message in (receipt, notice):
        text = f"{message['Subject']}\n{message.get_content()}"
        assert case.tracking_id in text
        assert "/lacak" in text
        for secret in ("PENANDA-ISI-5150", "PENANDA-BALASAN-7070", "JUDUL-8181", "Contoh Makmur", NAME):
            assert secret not in text


@pytest.mark.django_db
def test_a_server_that_is_down_keeps_the_message_waiting_then_it_leaves_when_the_server_is_back(
    smtp: SmtpServer, staff, django_capture_on_commit_callbacks
):
    """Given the mail server is down, the receipt waits: one attempt, the reason on the case page (not the
    address), the next attempt later. When the server is back and the sweep comes, it is delivered."""
    with time_machine.travel(NOON, tick=False) as traveller:
        case = _reported(django_capture_on_commit_callbacks)
        message = OutboxMessage.objects.get(case=case, topic="case.received")
        assert (message.state, message.attempts) == ("pending", 1)
        assert "ConnectionRefused" in message.last_error
        assert message.next_attempt_at == NOON + dt.timedelta(minutes=2)
        assert smtp.messages == []

        page = _page(case, staff["verifier"])
        assert "Menunggu dikirim" in page
        assert "ConnectionRefused" in page
        assert "Tanda terima laporan, ke pelapor" in page
        assert EMAIL not in page

        smtp.start()
        assert outbox_deliver_due() == 0  # not due yet: the wait is respected
        traveller.move_to(message.next_attempt_at)
        assert outbox_deliver_due() == 1

    message.refresh_from_db()
    assert (message.state, message.attempts, message.last_error) == ("sent", 2, "")
    (arrived,) = smtp.messages
    assert arrived["Message-ID"] == message.message_id
    assert case.tracking_id in arrived["Subject"]


@pytest.mark.django_db
def test_a_message_that_keeps_failing_is_shown_failed_on_the_case_page_and_staff_can_send_it_again(
    smtp: SmtpServer, staff, django_capture_on_commit_callbacks
):
    """Given the server stays down through MAX_ATTEMPTS, the message is failed and the case page says so with
    the reason and "Kirim ulang sekarang"; once the server is up, that button delivers it (and is audited)."""
    verifier = staff["verifier"]
    with time_machine.travel(NOON, tick=False) as traveller:
        case = _reported(django_capture_on_commit_callbacks)
        message = OutboxMessage.objects.get(case=case, topic="case.received")
        while message.state == "pending":
            traveller.move_to(message.next_attempt_at)
            outbox_deliver_due()
            message.refresh_from_db()
    assert (message.state, message.attempts) == ("failed", MAX_ATTEMPTS)

    page = _page(case, verifier)
    assert "Gagal" in page
    assert "ConnectionRefused" in page
    assert "Kirim ulang sekarang" in page
    assert f"/staf/kasus/{case.tracking_id}/pemberitahuan/{message.pk}/kirim-ulang" in page
    assert EMAIL not in page

    smtp.start()
    client = login_staff(Client(), verifier)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/staf/kasus/{case.tracking_id}/pemberitahuan/{message.pk}/kirim-ulang")
    assert response.status_code == 302
    assert response["Location"].endswith("#pemberitahuan")
    message.refresh_from_db()
    assert (message.state, message.attempts) == ("sent", MAX_ATTEMPTS + 1)
    assert len(smtp.messages) == 1
    from simadu.audit.models import AuditEntry

    entry = AuditEntry.objects.get(action="case.notification_resend")
    assert (entry.object_id, entry.actor) == (case.tracking_id, f"user:{verifier.pk}")
    page = client.get(f"/staf/kasus/{case.tracking_id}").content.decode()
    assert "Pesan masuk antrean untuk dikirim ulang." in page  # delivered after the request's commit
    assert "Terkirim" in page
    assert "Kirim ulang sekarang" not in page


@pytest.mark.django_db
def test_staff_who_may_not_see_the_case_cannot_resend_its_messages(
    smtp: SmtpServer, staff, django_capture_on_commit_callbacks
):
    """An officer of a unit the case is not at gets the same 404 as for a missing case, and nothing is tried."""
    case = _reported(django_capture_on_commit_callbacks)
    message = OutboxMessage.objects.get(case=case, topic="case.received")
    client = login_staff(Client(), staff["officer_pusdatin"])
    response = client.post(f"/staf/kasus/{case.tracking_id}/pemberitahuan/{message.pk}/kirim-ulang")
    assert response.status_code == 404
    message.refresh_from_db()
    assert message.attempts == 1


@pytest.mark.django_db
def test_staff_mail_names_the_case_and_links_to_it_but_carries_no_content(
    smtp: SmtpServer, staff, settings, django_capture_on_commit_callbacks
):
    """notify_staff: one e-mail per colleague with an address, with the tracking id, the stage, the due date
    and a link to the case page; never the report; replies go to the sender, not to the reporters' mail gate."""
    from simadu.cases.notifications import notify_staff

    settings.SIMADU_MAIL_REPLY_TO = "balasan@pengaduan.contoh.go.id"
    smtp.start()
    case = _reported(django_capture_on_commit_callbacks)
    leader = staff["leader_itjen"]
    leader.email = "pimpinan@itjen.contoh.go.id"
    leader.save()
    with django_capture_on_commit_callbacks(execute=True):
        notify_staff(
            users=[leader, staff["verifier"]], key="escalation_reminder", context={"percent": 80}, case=case
        )
    (sent,) = [m for m in smtp.messages if m["To"] == leader.email]  # the verifier has no address
    body = sent.get_content()
    assert case.tracking_id in sent["Subject"]
    assert f"/staf/kasus/{case.tracking_id}" in body
    assert "80%" in body
    for secret in ("PENANDA-ISI-5150", "JUDUL-8181", NAME, EMAIL):
        assert secret not in body
    assert sent["Reply-To"] is None


@pytest.mark.django_db
def test_a_wbs_staff_notice_carries_only_the_tracking_id_stage_and_dates(
    smtp: SmtpServer, staff, django_capture_on_commit_callbacks
):
    from simadu.cases.notifications import notify_staff

    smtp.start()
    with django_capture_on_commit_callbacks(execute=True):
        case, _ = submit(STORY, channel="wbs", email=EMAIL)
    member = staff["verifier_wbs"]
    member.email = "tim.wbs@itjen.contoh.go.id"
    member.save()
    with django_capture_on_commit_callbacks(execute=True):
        notify_staff(
            users=[member],
            key="forward_follow_up_reminder",
            context={"agency": "INSTANSI-RAHASIA-77"},
            case=case,
        )
    (sent,) = [m for m in smtp.messages if m["To"] == member.email]
    assert case.tracking_id in sent["Subject"]
    assert "INSTANSI-RAHASIA-77" not in f"{sent['Subject']}\n{sent.get_content()}"
