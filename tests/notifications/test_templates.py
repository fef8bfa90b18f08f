"""The words of every notification are editable in /admin/, within the placeholders each one may use."""

from __future__ import annotations

import pytest
from django.test import Client

from simadu.cases import services
from simadu.outbox.models import MessageTemplate, OutboxMessage
from simadu.outbox.services import _payload
from simadu.outbox.templates import template_render, templates_ensure_defaults
from simadu.outbox.templates_default import DEFAULTS
from tests.factories import login_staff, submit

ADD = "/admin/outbox/messagetemplate/add/"
EMAIL = "buruh.bekasi@contoh.id"


def _admin(staff) -> Client:  # type: ignore[no-untyped-def]
    return login_staff(Client(), staff["admin"])


def _fresh(key: str) -> None:
    MessageTemplate.objects.filter(key=key).delete()  # a data migration may have seeded it


@pytest.mark.django_db
def test_an_administrator_edits_a_template_and_the_next_message_uses_it(
    staff, django_capture_on_commit_callbacks
):
    """A saved Indonesian template for 'reply' replaces the built-in words in the next reply notice."""
    _fresh("reply")
    response = _admin(staff).post(
        ADD,
        {
            "key": "reply",
            "language": "id",
            "subject": "Ada pesan untuk laporan {tracking_id}",
            "body": "Halo,\n\nAda pesan baru untuk {tracking_id}. Buka {url}.\n\nItjen Kemnaker",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    with django_capture_on_commit_callbacks(execute=True):
        case, _ = submit(email=EMAIL)
        services.case_add_note(case=case, actor=staff["verifier"], text="Mohon foto slip.", public=True)
    data = _payload(OutboxMessage.objects.get(case=case, topic="case.reply"))
    assert data["subject"] == f"Ada pesan untuk laporan {case.tracking_id}"
    assert data["body"].startswith(f"Halo,\n\nAda pesan baru untuk {case.tracking_id}. Buka http")
    assert "/lacak" in data["body"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "says"),
    [
        ("Laporan {tracking_id}: {text}", "{text}"),
        ("Yth. {name}, laporan {tracking_id}", "{name}"),
        ("Kode rahasia Anda {secret}", "{secret}"),
        ("Laporan {tracking_id", "kurung kurawal tidak lengkap"),
        ("Laporan tracking_id}", "kurung kurawal tidak lengkap"),
        ("Laporan {tracking_id.upper}", "tidak dikenal"),
    ],
    ids=["content", "name", "secret-outside-the-e-mail-receipt", "open-brace", "close-brace", "attribute"],
)
def test_a_template_with_an_unknown_placeholder_or_a_broken_brace_is_refused(staff, body, says):
    """The report's text, the reporter's name or the secret cannot be put in a message by a template; nor
    is a template with a broken brace saved. The refusal says why and which placeholders are allowed."""
    _fresh("respond")
    response = _admin(staff).post(ADD, {"key": "respond", "language": "id", "subject": "S", "body": body})
    page = response.content.decode()
    assert response.status_code == 200
    assert says in page
    assert not MessageTemplate.objects.filter(key="respond").exists()


@pytest.mark.django_db
def test_the_change_page_lists_the_placeholders_the_template_may_use(staff):
    _fresh("forward")
    templates_ensure_defaults()
    row = MessageTemplate.objects.get(key="forward", language="id")
    page = _admin(staff).get(f"/admin/outbox/messagetemplate/{row.pk}/change/").content.decode()
    for name in ("{tracking_id}", "{agency}", "{agency_contact}", "{url}"):
        assert name in page
    assert "nama instansi tujuan pengalihan" in page


@pytest.mark.django_db
def test_ensuring_defaults_creates_what_is_missing_and_never_overwrites_an_edit():
    MessageTemplate.objects.all().delete()
    assert templates_ensure_defaults() == len(DEFAULTS)
    row = MessageTemplate.objects.get(key="close", language="id")
    row.body = "Sudah selesai: {tracking_id}."
    row.save()
    MessageTemplate.objects.filter(key="merged").delete()
    assert templates_ensure_defaults() == 1
    assert MessageTemplate.objects.get(key="close", language="id").body == "Sudah selesai: {tracking_id}."
    assert template_render("close", {"tracking_id": "SMD-AAAA-BBBB"})[1] == "Sudah selesai: SMD-AAAA-BBBB."


@pytest.mark.django_db
def test_rendering_falls_back_to_the_built_in_words_and_drops_values_the_key_does_not_offer():
    MessageTemplate.objects.all().delete()
    subject, body = template_render(
        "close",
        {"tracking_id": "SMD-AAAA-BBBB", "stage": "Selesai.", "url": "https://x/lacak", "text": "ISI"},
    )
    assert "SMD-AAAA-BBBB" in subject
    assert "Selesai." in body
    assert "ISI" not in body
    # English: a row for "en" is used when there is one, else the built-in words (translated when available).
    MessageTemplate.objects.create(
        key="close", language="en", subject="Report {tracking_id} closed", body="Done."
    )
    assert template_render("close", {"tracking_id": "SMD-AAAA-BBBB"}, language="en") == (
        "Report SMD-AAAA-BBBB closed",
        "Done.",
    )


def test_every_built_in_template_uses_only_its_own_placeholders():
    from simadu.outbox.templates import default_text, template_check

    for key in DEFAULTS:
        for text in default_text(key):
            template_check(key, text)
    reporter = {k for k, d in DEFAULTS.items() if d.audience == "reporter"}
    assert {k for k in reporter if "secret" in DEFAULTS[k].placeholders} == {"received_by_email"}
    for default in DEFAULTS.values():
        assert not {"text", "title", "name", "email", "phone", "reported_party"} & default.placeholders
