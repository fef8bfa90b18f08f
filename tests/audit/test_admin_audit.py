"""Every change an administrator makes in /admin/ lands on the hash-chained audit log, whichever admin page
made it; and so does every export of case data, through `audit_export`."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.test import Client, RequestFactory

from simadu.accounts.models import User
from simadu.audit import admin_changes
from simadu.audit.models import AuditEntry
from simadu.audit.services import audit_export, audit_verify
from simadu.outbox.services import outbox_enqueue
from simadu.triage.models import TriagePhrase, Unit
from tests import factories

NEW_PASSWORD = "Sandi-Baru-2026!x"


def _admin_client(user: User) -> Client:
    """A signed-in staff client, past both sign-in steps."""
    return factories.login_staff(Client(), user)


def _entries(action: str) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action=action).order_by("seq"))


@pytest.mark.django_db
def test_adding_and_changing_a_unit_in_the_admin_is_on_the_audit_chain(staff):
    """An administrator adds a unit, then renames it: two entries in their name, naming the object and the
    changed field, and the chain still verifies."""
    client = _admin_client(staff["admin"])
    fields = {"internal": "on", "time_zone": "WIB", "active": "on"}

    added = client.post("/admin/triage/unit/add/", {"slug": "uji_unit", "name": "Unit Uji", **fields})
    assert added.status_code == 302
    changed = client.post("/admin/triage/unit/uji_unit/change/", {"name": "Unit Uji Baru", **fields})
    assert changed.status_code == 302
    assert Unit.objects.get(pk="uji_unit").name == "Unit Uji Baru"

    (add,) = _entries("admin.add")
    assert (add.actor, add.object_type, add.object_id) == (
        f"user:{staff['admin'].pk}",
        "triage.unit",
        "uji_unit",
    )
    (change,) = _entries("admin.change")
    assert (change.object_type, change.object_id) == ("triage.unit", "uji_unit")
    assert change.data["repr"] == "Unit Uji Baru"
    assert change.data["change"] == [{"changed": {"fields": ["Nama"]}}]

    call_command("audit", "verify")


@pytest.mark.django_db
def test_an_administrator_resetting_a_staff_password_is_recorded_without_the_password(staff):
    """The reset is an admin change of that user; the entry names the user, never the new password."""
    target = staff["verifier"]
    response = _admin_client(staff["admin"]).post(
        f"/admin/accounts/user/{target.pk}/password/",
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"},
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.check_password(NEW_PASSWORD)

    (entry,) = _entries("admin.change")
    assert (entry.object_type, entry.object_id) == ("accounts.user", str(target.pk))
    assert NEW_PASSWORD not in str(entry.data)


@pytest.mark.django_db
def test_deleting_an_outbox_message_in_the_admin_is_recorded(staff):
    """Removing a queued message (a side effect that will now never happen) is an admin.delete entry."""
    message = outbox_enqueue(
        kind="email", topic="case.reply", payload={"to": "a@example.com", "subject": "s"}
    )
    client = _admin_client(staff["admin"])
    response = client.post(f"/admin/outbox/outboxmessage/{message.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    (entry,) = _entries("admin.delete")
    assert (entry.object_type, entry.object_id) == ("outbox.outboxmessage", str(message.pk))


@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.django_db
def test_deleting_selected_rows_in_the_admin_records_each_row_once(staff, count):
    """Django writes the log of a multi-row delete in bulk, without a save signal; SIMADU's "delete selected"
    records every deleted row itself, exactly once, whether one row was selected or several."""
    phrases = [
        TriagePhrase.objects.create(category_id="upah", phrase=f"gaji telat {n}") for n in range(count)
    ]
    response = _admin_client(staff["admin"]).post(
        "/admin/triage/triagephrase/",
        {"action": "delete_selected", "_selected_action": [p.pk for p in phrases], "post": "yes"},
    )
    assert response.status_code == 302
    assert not TriagePhrase.objects.exists()
    entries = _entries("admin.delete")
    assert sorted(e.object_id for e in entries) == sorted(str(p.pk) for p in phrases)
    assert {e.object_type for e in entries} == {"triage.triagephrase"}
    assert audit_verify().intact


@pytest.mark.django_db
def test_the_confirmation_page_of_a_delete_records_nothing(staff):
    """Asking "delete these?" changes nothing, so it writes nothing."""
    phrase = TriagePhrase.objects.create(category_id="upah", phrase="gaji telat")
    response = _admin_client(staff["admin"]).post(
        "/admin/triage/triagephrase/", {"action": "delete_selected", "_selected_action": [phrase.pk]}
    )
    assert response.status_code == 200
    assert TriagePhrase.objects.filter(pk=phrase.pk).exists()
    assert not _entries("admin.delete")


@pytest.mark.django_db
def test_the_audit_log_itself_cannot_be_changed_or_deleted_in_the_admin(staff):
    """The log's own admin page is read-only: a forced delete is refused and the chain stays whole."""
    entry = audit_export(actor=staff["verifier"], what="uji", count=1)
    client = _admin_client(staff["admin"])
    assert client.post(f"/admin/audit/auditentry/{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    assert client.post(
        "/admin/audit/auditentry/",
        {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"},
    ).status_code in (200, 302)
    assert AuditEntry.objects.filter(pk=entry.pk).exists()
    assert audit_verify().intact


@pytest.mark.django_db
def test_every_admin_page_that_can_delete_rows_uses_the_audited_delete(staff):
    """No admin class (ours in accounts, triage, outbox, audit, or Django's own) bypasses the record: where
    "delete selected" is offered at all, it is the audited one."""
    request = RequestFactory().get("/admin/")
    request.user = staff["admin"]
    offered = 0
    for model_admin in admin.site._registry.values():
        actions = model_admin.get_actions(request)
        if "delete_selected" in actions:
            offered += 1
            assert actions["delete_selected"][0] is admin_changes.delete_selected, model_admin
    assert offered


@pytest.mark.django_db
def test_an_export_is_recorded_with_what_and_how_many_never_the_rows(staff):
    """`audit_export` is the one call every export makes: who, what, how many, and the filters."""
    entry = audit_export(
        actor=staff["leader_itjen"], what="recap.monthly.xlsx", count=42, data={"month": "2026-03"}
    )
    assert (entry.action, entry.object_type, entry.object_id) == (
        "data.export",
        "export",
        "recap.monthly.xlsx",
    )
    assert entry.actor == f"user:{staff['leader_itjen'].pk}"
    assert entry.data == {"count": 42, "month": "2026-03"}
    assert audit_verify().intact
