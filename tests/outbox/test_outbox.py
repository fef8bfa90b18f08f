"""Messages to reporters leave only through the outbox: written with the change, sent after commit, naming
the tracking id and never the report; retried with backoff when the server fails; held when there is none."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.db import transaction
from django.test import override_settings

from simadu.cases import services
from simadu.cases.models import Case
from simadu.core.clock import WIB
from simadu.outbox.models import OutboxMessage
from simadu.outbox.services import MAX_ATTEMPTS, outbox_deliver, outbox_deliver_due
from simadu.triage.models import Unit
from tests.factories import submit
from tests.outbox.backends import RefusingBackend

LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
REFUSING = "tests.outbox.backends.RefusingBackend"
EMAIL = "buruh.bekasi@contoh.id"
WAGE = "Sudah tiga bulan gaji saya di PT Contoh Makmur Bekasi belum dibayar, PENANDA-ISI-5150."
REPLY = "Mohon kirim foto slip gaji terakhir Anda, PENANDA-BALASAN-7070."
WBS = {
    "title": "Amplop di ruang rapat JUDUL-WBS-3131",
    "text": "Pejabat eselon menerima gratifikasi dari penyalur, KRONOLOGI-WBS-2424, di ruang rapat.",
    "reported_party": "Pejabat-Terlapor-8686",
}
NOON = dt.datetime(2026, 3, 2, 12, 0, tzinfo=WIB)


def _text_of(message: mail.EmailMessage) -> str:
    return f"{message.subject}\n{message.body}\n{message.extra_headers}"


def _reported(**fields: object) -> Case:
    case, _ = submit(WAGE, **fields)
    return case


@pytest.mark.django_db
@override_settings(EMAIL_BACKEND=LOCMEM, SIMADU_MAIL_CONFIGURED=True)
def test_a_reply_to_a_reporter_is_queued_with_the_change_and_sent_only_after_commit(
    staff, django_capture_on_commit_callbacks
):
    """Given a reporter who left an e-mail, when a verifier sends them a reply, one message is queued in
    the same transaction, nothing is sent before the commit, and the commit sends it."""
    case = _reported(email=EMAIL)
    queued_before = set(OutboxMessage.objects.values_list("pk", flat=True))

    with django_capture_on_commit_callbacks(execute=False) as on_commit:
        services.case_add_note(case=case, actor=staff["verifier"], text=REPLY, public=True)

    queued = OutboxMessage.objects.exclude(pk__in=queued_before)
    assert [(m.topic, m.state, m.attempts) for m in queued] == [("case.reply", "pending", 0)]
    assert mail.outbox == []
    assert len(on_commit) == 1

    on_commit[0]()

    assert len(mail.outbox) == 1
    message = OutboxMessage.objects.get(topic="case.reply")
    assert (message.state, message.attempts, message.last_error) == ("sent", 1, "")
    assert message.sent_at is not None


@pytest.mark.django_db
@override_settings(EMAIL_BACKEND=LOCMEM, SIMADU_MAIL_CONFIGURED=True)
def test_the_reply_e_mail_names_the_tracking_id_and_none_of_the_report(
    staff, django_capture_on_commit_callbacks
):
    """Given a reporter who left an e-mail, when a verifier replies, the e-mail they get names their
    tracking id and where to read the reply — but neither the report's text nor the reply itself."""
    case = _reported(email=EMAIL)

    with django_capture_on_commit_callbacks(execute=True):
        services.case_add_note(case=case, actor=staff["verifier"], text=REPLY, public=True)

    assert [m.to for m in mail.outbox] == [[EMAIL]]
    sent = mail.outbox[0]
    assert case.tracking_id in sent.subject
    assert case.tracking_id in sent.body
    assert "/lacak" in sent.body
    assert "PENANDA-ISI-5150" not in _text_of(sent)
    assert "PENANDA-BALASAN-7070" not in _text_of(sent)
    assert "Contoh Makmur" not in _text_of(sent)


@pytest.mark.django_db
@override_settings(EMAIL_BACKEND=LOCMEM, SIMADU_MAIL_CONFIGURED=True)
def test_a_reply_that_is_rolled_back_sends_nothing(staff, django_capture_on_commit_callbacks):
    """Given a reply whose transaction fails after it was written, no message stays queued and none is sent."""
    case = _reported(email=EMAIL)
    queued_before = OutboxMessage.objects.count()

    def reply_then_fail() -> None:
        with transaction.atomic():
            services.case_add_note(case=case, actor=staff["verifier"], text=REPLY, public=True)
            raise RuntimeError("the request failed after the reply was written")

    with django_capture_on_commit_callbacks(execute=True) as on_commit, pytest.raises(RuntimeError):
        reply_then_fail()

    assert on_commit == []
    assert OutboxMessage.objects.count() == queued_before
    assert mail.outbox == []


@pytest.mark.django_db
@override_settings(EMAIL_BACKEND=LOCMEM, SIMADU_MAIL_CONFIGURED=True)
def test_an_internal_note_tells_the_reporter_nothing(staff, django_capture_on_commit_callbacks):
    """Given a reporter who left an e-mail, an internal note between staff queues no message."""
    case = _reported(email=EMAIL)
    queued_before = OutboxMessage.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        services.case_add_note(case=case, actor=staff["verifier"], text="Cek dulu ke pengawas.", public=False)

    assert OutboxMessage.objects.count() == queued_before
    assert mail.outbox == []


@pytest.mark.django_db
@override_settings(EMAIL_BACKEND=LOCMEM, SIMADU_MAIL_CONFIGURED=True)
def test_no_e_mail_about_a_wbs_report_carries_anything_it_says(staff, django_capture_on_commit_callbacks):
    """Given a WBS report whose reporter left an e-mail, every message of its life (receipt, question,
    reply, forwarding to the team's unit) names only the tracking id: never the title, chronology, reported
    official, the staff's words, or even that it is about gratification."""
    member = staff["verifier_wbs"]
    with django_capture_on_commit_callbacks(execute=True):
        case, _ = submit(channel="wbs", email=EMAIL, **WBS)
    with django_capture_on_commit_callbacks(execute=True):
        services.case_request_info(case=case, actor=member, question="Kapan kejadian PERTANYAAN-WBS-9393?")
    with django_capture_on_commit_callbacks(execute=True):
        services.case_add_note(case=case, actor=member, text="Terima kasih, BALASAN-WBS-1212.", public=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.case_reporter_message(case=case, text="Tanggal 3 Maret.")
        services.case_assign(case=case, actor=member, unit=Unit.objects.get(pk="itjen"))

    assert len(mail.outbox) == 3  # receipt, question, reply (assignment is not announced)
    for sent in mail.outbox:
        text = _text_of(sent).lower()
        assert sent.to == [EMAIL]
        assert case.tracking_id.lower() in text
        for secret in (
            "judul-wbs-3131",
            "kronologi-wbs-2424",
            "pejabat-terlapor-8686",
            "pertanyaan-wbs-9393",
        ):
            assert secret not in text
        assert "balasan-wbs-1212" not in text
        assert "gratifikasi" not in text
        assert "wbs" not in text.replace(case.tracking_id.lower(), "")


@pytest.mark.django_db
@override_settings(EMAIL_BACKEND=REFUSING, SIMADU_MAIL_CONFIGURED=True)
def test_a_failing_mail_server_is_retried_with_growing_waits_until_the_message_fails(staff):
    """Given a queued message and a mail server that refuses it, each attempt is counted with its reason
    (without the reporter's address) and the next one waits twice as long; the sweep leaves it alone until
    then; after MAX_ATTEMPTS it is FAILED and never tried again."""
    RefusingBackend.calls = 0
    with time_machine.travel(NOON, tick=False) as traveller:
        _reported(email=EMAIL)
        message = OutboxMessage.objects.get(topic="case.received")

        outbox_deliver(message_id=message.pk)
        message.refresh_from_db()
        assert (message.state, message.attempts) == ("pending", 1)
        assert message.last_error.startswith("SMTPRecipientsRefused")
        assert EMAIL not in message.last_error.lower()
        assert "550" in message.last_error  # the server's reason stays readable for the administrator
        assert message.next_attempt_at == NOON + dt.timedelta(minutes=2)
        assert outbox_deliver_due() == 0  # not due yet

        waits = []
        while message.state == "pending":
            traveller.move_to(message.next_attempt_at)
            assert outbox_deliver_due() == 1
            message.refresh_from_db()
            waits.append(message.next_attempt_at - dt.datetime.now(tz=WIB))

    assert message.state == "failed"
    assert message.attempts == RefusingBackend.calls == MAX_ATTEMPTS
    assert waits == [dt.timedelta(minutes=2**n) for n in range(2, MAX_ATTEMPTS + 1)]
    assert message.sent_at is None
    assert outbox_deliver(message_id=message.pk) is not None
    message.refresh_from_db()
    assert message.attempts == MAX_ATTEMPTS == RefusingBackend.calls
    assert mail.outbox == []


@pytest.mark.django_db
@override_settings(EMAIL_BACKEND=LOCMEM, SIMADU_MAIL_CONFIGURED=False)
def test_without_a_mail_server_messages_are_held_not_lost(staff, django_capture_on_commit_callbacks):
    """Given no mail server configured, a reply to a reporter is queued and held (not attempted, not
    failed), with the reason an administrator needs, and no mail leaves."""
    case = _reported(email=EMAIL)

    with django_capture_on_commit_callbacks(execute=True):
        services.case_add_note(case=case, actor=staff["verifier"], text=REPLY, public=True)

    message = OutboxMessage.objects.get(topic="case.reply")
    assert (message.state, message.attempts, message.sent_at) == ("held", 0, None)
    assert "SIMADU_SMTP_HOST" in message.last_error
    assert mail.outbox == []
    outbox_deliver_due()  # still no server: the sweep leaves it held, untried
    message.refresh_from_db()
    assert (message.state, message.attempts) == ("held", 0)

    with override_settings(SIMADU_MAIL_CONFIGURED=True):  # the ministry sets SIMADU_SMTP_HOST later
        outbox_deliver_due()
    message.refresh_from_db()
    assert (message.state, message.attempts) == ("sent", 1)
    assert EMAIL in [m.to[0] for m in mail.outbox]


@pytest.mark.django_db
@override_settings(EMAIL_BACKEND=LOCMEM, SIMADU_MAIL_CONFIGURED=True)
@pytest.mark.parametrize(
    "reporter",
    [
        {"anonymous": True},
        {"anonymous": True, "phone": "081234567890"},
        {"name": "Budi", "phone": "081234567890"},
    ],
    ids=["anonymous", "anonymous-with-phone", "named-without-e-mail"],
)
def test_a_reporter_without_an_email_address_gets_nothing_queued(
    reporter, staff, django_capture_on_commit_callbacks
):
    """Given a reporter who left no e-mail address, nothing is queued for them through the whole life of
    the case: receipt, question, reply, answer, closing."""
    verifier, officer = staff["verifier"], staff["officer_phi"]

    with django_capture_on_commit_callbacks(execute=True):
        case = _reported(**reporter)
        services.case_request_info(case=case, actor=verifier, question="Di kota mana?")
        services.case_reporter_message(case=case, text="Bekasi.")
        services.case_add_note(case=case, actor=verifier, text=REPLY, public=True)
        services.case_assign(case=case, actor=verifier, unit=Unit.objects.get(pk="ditjen_phi_jamsos"))
        services.case_start(case=case, actor=officer)
        services.case_respond(case=case, actor=officer, text="Perusahaan sudah membayar.")
        services.case_close(case=case, actor=officer)

    assert Case.objects.get(pk=case.pk).status == "closed"
    assert OutboxMessage.objects.count() == 0
    assert mail.outbox == []
