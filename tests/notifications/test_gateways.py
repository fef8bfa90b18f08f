"""Text messages to reporters who left a phone number, through a real local HTTP gateway."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from simadu.cases import services
from simadu.core.clock import WIB
from simadu.outbox.models import OutboxMessage
from simadu.outbox.services import outbox_deliver, outbox_deliver_due
from tests.factories import submit
from tests.notifications.conftest import Gateway

PHONE = "081277001234"
STORY = "Sudah tiga bulan gaji saya di PT Contoh Makmur Bekasi belum dibayar, PENANDA-ISI-5150."
NOON = dt.datetime(2026, 3, 2, 12, 0, tzinfo=WIB)


@pytest.fixture
def sms(gateway: Gateway, settings) -> Gateway:  # type: ignore[no-untyped-def]
    settings.SIMADU_SMS_GATEWAY_URL = gateway.url + "/sms"
    settings.SIMADU_WHATSAPP_GATEWAY_URL = ""
    settings.SIMADU_GATEWAY_TOKEN = "token-uji-123"
    return gateway


@pytest.mark.django_db
def test_a_reporter_with_a_phone_gets_a_short_text_through_the_gateway(
    sms: Gateway, staff, django_capture_on_commit_callbacks
):
    """Given an SMS gateway, a reporter who left only a phone gets a short text per notice: the tracking id,
    the stage and where to look, posted as JSON with the bearer token; never the report or their name."""
    with django_capture_on_commit_callbacks(execute=True):
        case, _ = submit(STORY, name="Siti-Pelapor-4471", phone=PHONE)
    with django_capture_on_commit_callbacks(execute=True):
        services.case_add_note(case=case, actor=staff["verifier"], text="Balasan PENANDA-7070.", public=True)

    received, reply = sms.requests
    assert received["path"] == "/sms"
    assert received["headers"]["Authorization"] == "Bearer token-uji-123"
    assert received["json"]["to"] == PHONE
    assert received["json"]["channel"] == "sms"
    for request in (received, reply):
        text = request["json"]["text"]
        assert case.tracking_id in text
        assert "/lacak" in text
        assert len(text) <= 320
        for secret in ("PENANDA-ISI-5150", "PENANDA-7070", "Siti-Pelapor-4471", "Contoh Makmur"):
            assert secret not in text
    messages = OutboxMessage.objects.filter(case=case).order_by("pk")
    assert [(m.kind, m.topic, m.state) for m in messages] == [
        ("sms", "case.received", "sent"),
        ("sms", "case.reply", "sent"),
    ]


@pytest.mark.django_db
def test_a_gateway_error_is_retried_with_its_status_and_reason_and_sent_later(
    sms: Gateway, django_capture_on_commit_callbacks
):
    """Given the gateway answers 500 (quoting the number), the message waits with the status and the reason,
    without the number; the next sweep after the wait sends it."""
    sms.answers = [(500, {"error": f"provider down for {PHONE}"})]
    with time_machine.travel(NOON, tick=False) as traveller:
        with django_capture_on_commit_callbacks(execute=True):
            case, _ = submit(STORY, phone=PHONE)
        message = OutboxMessage.objects.get(case=case)
        assert (message.kind, message.state, message.attempts) == ("sms", "pending", 1)
        assert "500" in message.last_error
        assert "provider down" in message.last_error
        assert PHONE not in message.last_error
        assert message.next_attempt_at == NOON + dt.timedelta(minutes=2)
        traveller.move_to(message.next_attempt_at)
        assert outbox_deliver_due() == 1
    message.refresh_from_db()
    assert (message.state, message.attempts, message.last_error) == ("sent", 2, "")
    assert len(sms.requests) == 2


@pytest.mark.django_db
def test_whatsapp_is_used_when_its_gateway_is_configured(
    gateway: Gateway, settings, django_capture_on_commit_callbacks
):
    settings.SIMADU_SMS_GATEWAY_URL = gateway.url + "/sms"
    settings.SIMADU_WHATSAPP_GATEWAY_URL = gateway.url + "/wa"
    with django_capture_on_commit_callbacks(execute=True):
        case, _ = submit(STORY, phone=PHONE)
    (request,) = gateway.requests
    assert (request["path"], request["json"]["channel"]) == ("/wa", "whatsapp")
    assert OutboxMessage.objects.get(case=case).kind == "whatsapp"


@pytest.mark.django_db
def test_without_a_gateway_a_queued_text_is_held_with_the_reason(
    sms: Gateway, settings, django_capture_on_commit_callbacks
):
    """A text queued while a gateway was configured, then delivered when it no longer is, is held (not
    attempted, not failed) with the setting to fix, like mail without a server."""
    with django_capture_on_commit_callbacks(execute=False):
        case, _ = submit(STORY, phone=PHONE)
    settings.SIMADU_SMS_GATEWAY_URL = ""
    message = OutboxMessage.objects.get(case=case)
    outbox_deliver(message_id=message.pk)
    message.refresh_from_db()
    assert (message.state, message.attempts) == ("held", 0)
    assert "SIMADU_SMS_GATEWAY_URL" in message.last_error
    assert sms.requests == []


@pytest.mark.django_db
def test_with_no_gateway_configured_a_phone_only_reporter_gets_nothing_queued(
    settings, django_capture_on_commit_callbacks
):
    settings.SIMADU_SMS_GATEWAY_URL = settings.SIMADU_WHATSAPP_GATEWAY_URL = ""
    with django_capture_on_commit_callbacks(execute=True):
        case, _ = submit(STORY, phone=PHONE)
    assert not OutboxMessage.objects.filter(case=case).exists()
