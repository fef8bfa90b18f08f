"""Break-glass: a protected identity, or an evidence file's untouched original, opens only for the right
role AND with a written reason; the opening is audited, shown on the timeline and told to the Inspector
General, and it lasts for that one response."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from PIL import Image

from simadu.accounts.models import User
from simadu.accounts.services import api_token_create
from simadu.audit.models import AuditEntry
from simadu.audit.services import audit_verify
from simadu.cases.models import Case, CaseEvent
from simadu.cases.services import Submission
from simadu.confidentiality.attachments import check_file
from simadu.intake.services import report_submit
from simadu.outbox.models import OutboxMessage
from simadu.outbox.services import outbox_deliver
from tests import factories
from tests.factories import advance, submit

WAGE = "Sudah tiga bulan gaji saya di PT Contoh Makmur Bekasi belum dibayar."
BRIBE = "Kepala seksi meminta uang pelicin untuk pengesahan dokumen."
REASON = "Perlu menghubungi pelapor untuk klarifikasi bukti transfer gaji."
NAME, EMAIL, PHONE = "Siti Rahayu", "siti.rahayu@example.com", "081234567890"
IG_EMAIL = "irjen@kemnaker.go.id"


def _client(user: User) -> Client:
    """A signed-in staff client, past both sign-in steps."""
    return factories.login_staff(Client(), user)


def _bearer(user: User) -> dict[str, str]:
    _, key = api_token_create(user=user, name="uji")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def _case(mode: str) -> Case:
    """A report whose reporter left a name, e-mail and phone, in one confidentiality mode."""
    fields: dict[str, Any] = {"name": NAME, "email": EMAIL, "phone": PHONE, "title": "Laporan"}
    if mode == "wbs":
        case, _ = submit(BRIBE, channel="wbs", **fields)
    else:
        case, _ = submit(WAGE, anonymous=mode == "anonim", confidential=mode == "rahasia", **fields)
    return case


def _who_may_open(mode: str) -> str:
    return "verifier_wbs" if mode == "wbs" else "verifier"


def _url(case: Case) -> str:
    return f"/staf/kasus/{case.tracking_id}/identitas"


def _nothing_revealed(text: str) -> None:
    for secret in (NAME, EMAIL, PHONE):
        assert secret not in text


def _nothing_recorded() -> None:
    assert not AuditEntry.objects.filter(action="case.break_glass").exists()
    assert not CaseEvent.objects.filter(action="break_glass").exists()
    assert not OutboxMessage.objects.filter(topic="case.break_glass").exists()


@pytest.fixture
def inspector_general(staff: dict[str, User]) -> User:
    """Itjen's head, with the address the notice goes to."""
    leader = staff["leader_itjen"]
    leader.email = IG_EMAIL
    leader.save(update_fields=["email"])
    return leader


# ---- refused: no reason, a short reason, a role that may not open it ---------------------------


@pytest.mark.django_db
def test_without_a_reason_the_identity_stays_closed_and_the_officer_is_told_why(staff, inspector_general):
    """Given an anonymous report, when the verifier presses "Buka identitas" with an empty reason, the page
    answers 422 with a plain message, shows no identity, and nothing is recorded or sent."""
    case = _case("anonim")
    response = _client(staff["verifier"]).post(_url(case), {"reason": "   "})
    assert response.status_code == 422
    assert "Tulis alasan Anda membuka data ini" in response.text
    _nothing_revealed(response.text)
    _nothing_recorded()


@pytest.mark.django_db
def test_a_reason_shorter_than_twenty_letters_is_refused(staff, inspector_general):
    """ "cek data" is not a reason: refused with the minimum in the message, the typed text kept."""
    case = _case("wbs")
    response = _client(staff["verifier_wbs"]).post(_url(case), {"reason": "cek data"})
    assert response.status_code == 422
    assert "Alasan terlalu singkat. Tulis paling sedikit 20 huruf" in response.text
    assert ">cek data</textarea>" in response.text
    _nothing_revealed(response.text)
    _nothing_recorded()


@pytest.mark.parametrize(
    ("who", "mode"),
    [
        ("leader_itjen", "anonim"),  # sees the case, but anonim identities are Itjen intake's only
        ("auditor", "wbs"),  # not in the WBS team: does not even see the case
        ("officer_phi", "anonim"),  # the unit handles the case without knowing who reported it
        ("officer_phi", "rahasia"),  # not assigned yet: does not see the case
    ],
)
@pytest.mark.django_db
def test_someone_who_may_not_open_the_identity_gets_the_answer_of_a_missing_case(
    staff, inspector_general, who, mode
):
    """Even with a good reason, a role the policy does not allow gets the same 404 as a made-up tracking id,
    and the attempt opens nothing."""
    case = _case(mode)
    if who == "officer_phi" and mode == "anonim":
        advance(case, "assigned", verifier=staff["verifier"])
    client = _client(staff[who])
    forced = client.post(_url(case), {"reason": REASON})
    missing = client.post("/staf/kasus/SMD-0000-0000/identitas", {"reason": REASON})
    assert forced.status_code == missing.status_code == 404
    _nothing_revealed(forced.text)
    _nothing_recorded()
    assert "Buka identitas" not in client.get(f"/staf/kasus/{case.tracking_id}").text


@pytest.mark.django_db
def test_a_get_never_reveals_the_identity(staff, inspector_general):
    """The reveal is a POST with a CSRF token: a link, a prefetch or a GET with a reason opens nothing."""
    case = _case("anonim")
    verifier = _client(staff["verifier"])
    assert verifier.get(_url(case), {"reason": REASON}).status_code == 405
    page = verifier.get(f"/staf/kasus/{case.tracking_id}", {"reason": REASON})
    assert "Buka identitas" in page.text
    _nothing_revealed(page.text)
    _nothing_recorded()

    guarded = Client(enforce_csrf_checks=True)
    guarded.force_login(staff["verifier"])
    assert guarded.post(_url(case), {"reason": REASON}).status_code == 403
    _nothing_recorded()


# ---- a proper break-glass ------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["anonim", "rahasia", "wbs"])
@pytest.mark.django_db
def test_a_break_glass_shows_the_identity_once_and_leaves_a_record_colleagues_and_the_ig_see(
    staff, inspector_general, settings, mode
):
    """With a reason, the identity is shown in that response (never cached); the audit chain has the reason;
    the timeline says who opened it and why; the Inspector General gets exactly one e-mail naming the staff
    member, the case, the time and the reason but not the identity; the next page view shows it closed."""
    case = _case(mode)
    opener = staff[_who_may_open(mode)]
    client = _client(opener)

    response = client.post(_url(case), {"reason": REASON})
    assert response.status_code == 200
    for secret in (NAME, EMAIL, PHONE):
        assert secret in response.text
    assert "no-store" in response["Cache-Control"]
    assert "Inspektur Jenderal diberi tahu" in response.text

    entry = AuditEntry.objects.get(action="case.break_glass")
    assert entry.actor == f"user:{opener.pk}"
    assert (entry.object_type, entry.object_id) == ("case", case.tracking_id)
    assert entry.data["target"] == "identity"
    assert entry.data["reason"] == REASON
    assert entry.data["notified"] == [inspector_general.pk]
    assert not AuditEntry.objects.filter(action="case.identity_read").exists()  # one entry, the right one

    # The grant was that one response: the page is closed again, and a colleague sees who opened it and why.
    again = client.get(f"/staf/kasus/{case.tracking_id}").text
    _nothing_revealed(again)
    assert "Buka identitas" in again
    colleague = "verifier_wbs" if mode == "wbs" else "leader_itjen"
    timeline = _client(staff[colleague]).get(f"/staf/kasus/{case.tracking_id}").text
    assert f"Identitas pelapor dibuka oleh {opener.display_name}. Alasan: {REASON}" in timeline
    assert "Data rahasia dibuka" in timeline
    _nothing_revealed(timeline)
    event = CaseEvent.objects.get(case=case, action="break_glass")
    assert event.visibility == CaseEvent.Visibility.INTERNAL
    if mode == "wbs":
        assert event.body == ""
        assert event.sealed_body

    # Exactly one notice, to the Inspector General, through the outbox; nothing in it names the reporter.
    message = OutboxMessage.objects.get(topic="case.break_glass")
    for secret in (NAME, EMAIL, PHONE):
        assert secret.encode() not in bytes(message.payload)
    settings.SIMADU_MAIL_CONFIGURED = True
    outbox_deliver(message_id=message.pk)
    (sent,) = mail.outbox
    assert sent.to == [IG_EMAIL]
    assert case.tracking_id in sent.subject
    assert opener.display_name in sent.body
    assert opener.username in sent.body
    assert case.tracking_id in sent.body
    assert REASON in sent.body
    assert timezone.localtime(entry.at).strftime("%d-%m-%Y %H.%M WIB") in sent.body
    for secret in (NAME, EMAIL, PHONE):
        assert secret not in sent.body
        assert secret not in sent.subject

    call_command("audit", "verify")
    assert audit_verify().intact


@pytest.mark.django_db
def test_when_no_one_leads_itjen_the_break_glass_is_recorded_as_notifying_nobody(staff):
    """No active Itjen leadership with an e-mail: the identity still opens for the verifier who gave a reason,
    and the audit entry says that nobody could be told."""
    case = _case("anonim")
    response = _client(staff["verifier"]).post(_url(case), {"reason": REASON})
    assert response.status_code == 200
    assert NAME in response.text
    assert AuditEntry.objects.get(action="case.break_glass").data["notified"] == []
    assert not OutboxMessage.objects.filter(topic="case.break_glass").exists()


@pytest.mark.django_db
def test_a_named_reporter_is_shown_to_the_handling_staff_with_an_audited_click_and_no_reason(
    staff, inspector_general
):
    """Biasa: identity visible to the handling staff (product.md). The click is audited; no reason asked,
    no break-glass record, no e-mail to the Inspector General."""
    case = _case("biasa")
    client = _client(staff["verifier"])
    assert "Tampilkan identitas pelapor" in client.get(f"/staf/kasus/{case.tracking_id}").text
    response = client.post(_url(case))
    assert response.status_code == 200
    assert NAME in response.text
    assert AuditEntry.objects.filter(action="case.identity_read", object_id=case.tracking_id).count() == 1
    _nothing_recorded()


# ---- the untouched original of an attachment ---------------------------------------------------------


def _photo_with_author() -> bytes:
    """A phone photo whose EXIF names the reporter: what the sanitised copy must not carry."""
    exif = Image.Exif()
    exif[0x013B] = NAME  # Artist
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), "red").save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


@pytest.mark.django_db
def test_the_untouched_original_of_an_attachment_opens_only_by_break_glass(staff, inspector_general):
    """Staff download the cleaned copy; the original (with the name in its EXIF) comes back byte for byte
    only as a POST with a reason, as an attachment with the same safe headers, and is recorded."""
    original = _photo_with_author()
    case, _ = report_submit(
        submission=Submission(text=WAGE, title="Gaji"),
        files=[check_file("foto.jpg", io.BytesIO(original))],
    )
    attachment = case.attachments.get()
    assert attachment.original_storage_name  # something was stripped, so there is an original to open
    url = f"/staf/kasus/{case.tracking_id}/lampiran/{attachment.pk}"
    verifier = _client(staff["verifier"])

    page = verifier.get(f"/staf/kasus/{case.tracking_id}").text
    assert f'action="{url}/asli"' in page
    cleaned = verifier.get(url)
    assert cleaned.status_code == 200
    assert NAME.encode() not in cleaned.content

    assert verifier.get(f"{url}/asli").status_code == 405
    refused = verifier.post(f"{url}/asli", {"reason": "lihat"})
    assert refused.status_code == 422
    assert "Alasan terlalu singkat" in refused.text
    assert not refused.has_header("Content-Disposition")
    _nothing_recorded()

    response = verifier.post(f"{url}/asli", {"reason": REASON})
    assert response.status_code == 200
    assert response.content == original
    assert response["Content-Disposition"].startswith("attachment;")
    assert "foto.jpg" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "no-store" in response["Cache-Control"]
    entry = AuditEntry.objects.get(action="case.break_glass")
    assert entry.data == {
        "target": "original_attachment",
        "reason": REASON,
        "notified": [inspector_general.pk],
        "attachment": attachment.pk,
    }
    assert OutboxMessage.objects.filter(topic="case.break_glass").count() == 1
    assert CaseEvent.objects.filter(case=case, action="break_glass").count() == 1

    # The unit officer handling an anonymous report may download the cleaned copy, never the original.
    anonymous, _ = report_submit(
        submission=Submission(text=WAGE, title="Gaji", anonymous=True, name=NAME),
        files=[check_file("foto.jpg", io.BytesIO(original))],
    )
    advance(anonymous, "assigned", verifier=staff["verifier"])
    hidden = anonymous.attachments.get()
    officer = _client(staff["officer_phi"])
    hidden_url = f"/staf/kasus/{anonymous.tracking_id}/lampiran/{hidden.pk}"
    assert officer.get(hidden_url).status_code == 200
    assert f'action="{hidden_url}/asli"' not in officer.get(f"/staf/kasus/{anonymous.tracking_id}").text
    assert officer.post(f"{hidden_url}/asli", {"reason": REASON}).status_code == 404
    assert AuditEntry.objects.filter(action="case.break_glass").count() == 1


# ---- the staff API -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_staff_api_opens_a_protected_identity_only_with_a_reason_in_the_body(staff, inspector_general):
    """GET ?include_identity=true never breaks the glass; POST .../identity with a reason does, with the same
    record as the page; without a reason it is 422, and a role that may not open it gets 404."""
    case = _case("anonim")
    base = f"/api/v1/staff/cases/{case.tracking_id}"
    api = Client()
    verifier = _bearer(staff["verifier"])

    got = api.get(base, {"include_identity": "true"}, **verifier)
    assert got.status_code == 200
    assert got.json()["identity"] is None
    _nothing_revealed(got.content.decode())

    refused = api.post(f"{base}/identity", {}, content_type="application/json", **verifier)
    assert refused.status_code == 422
    assert refused.json()["code"] == "reason_required"
    assert refused.json()["field"] == "reason"

    leader = api.post(
        f"{base}/identity",
        {"reason": REASON},
        content_type="application/json",
        **_bearer(staff["leader_itjen"]),
    )
    assert leader.status_code == 404
    _nothing_recorded()

    opened = api.post(f"{base}/identity", {"reason": REASON}, content_type="application/json", **verifier)
    assert opened.status_code == 200
    assert opened.json() == {"name": NAME, "email": EMAIL, "phone": PHONE}
    assert "no-store" in opened["Cache-Control"]
    assert AuditEntry.objects.get(action="case.break_glass").data["reason"] == REASON
    assert OutboxMessage.objects.filter(topic="case.break_glass").count() == 1
    assert CaseEvent.objects.filter(case=case, action="break_glass").count() == 1
