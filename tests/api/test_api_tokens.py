"""Staff API tokens: made by a command and shown once, stored as a hash, revocable, listed in the admin."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re

import pytest
import time_machine
from django.core.management import CommandError, call_command

from simadu.accounts.models import ApiToken
from simadu.accounts.services import api_token_create, api_token_revoke
from simadu.audit.models import AuditEntry
from tests.factories import login_staff

CASES = "/api/v1/staff/cases"
TOKEN = re.compile(r"^smd_[A-Za-z0-9_-]{40}$")


@pytest.mark.django_db
def test_the_command_prints_a_new_token_once_and_stores_only_its_hash(api, staff):
    """`simadu create_api_token USERNAME` prints the key alone on stdout; the database keeps its SHA-256."""
    out, err = io.StringIO(), io.StringIO()
    call_command("create_api_token", "verifier", "--name", "aplikasi seluler", stdout=out, stderr=err)
    key = out.getvalue().strip()

    assert TOKEN.match(key)
    token = ApiToken.objects.get(user=staff["verifier"])
    assert token.name == "aplikasi seluler"
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert token.prefix == key[:8]
    assert key not in [getattr(token, f.attname) for f in ApiToken._meta.concrete_fields]
    assert "tidak dapat ditampilkan lagi" in err.getvalue()
    assert api.get(CASES, HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200


@pytest.mark.django_db
def test_the_command_names_an_unknown_user(staff):
    """A typo in the username fails with a message, and makes nothing."""
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("create_api_token", "tidak-ada", stdout=io.StringIO(), stderr=io.StringIO())
    assert not ApiToken.objects.exists()


@pytest.mark.django_db
def test_two_tokens_are_never_alike(staff):
    """Each token is fresh randomness, not derived from the user or the time."""
    keys = {api_token_create(user=staff["verifier"], name="uji")[1] for _ in range(5)}
    assert len(keys) == 5


@pytest.mark.django_db
def test_a_revoked_token_opens_nothing_and_the_revocation_is_audited(api, staff):
    """After revocation the same header gets 401; the token row stays as a record."""
    token, key = api_token_create(user=staff["verifier"], name="uji")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    assert api.get(CASES, **headers).status_code == 200

    api_token_revoke(token=token, actor=staff["admin"])

    response = api.get(CASES, **headers)
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None
    assert AuditEntry.objects.filter(action="api_token.revoke").count() == 1


@pytest.mark.django_db
def test_the_token_of_a_deactivated_account_opens_nothing(api, staff):
    """Someone who left the ministry loses API access with their account, without touching the tokens."""
    _, key = api_token_create(user=staff["verifier"], name="uji")
    staff["verifier"].is_active = False
    staff["verifier"].save(update_fields=["is_active"])
    assert api.get(CASES, HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401


@pytest.mark.django_db
def test_a_token_records_when_it_was_last_used_without_writing_on_every_request(api, staff):
    """last_used_at is set on use, and refreshed only when it is minutes old."""
    token, key = api_token_create(user=staff["verifier"], name="uji")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    start = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        api.get(CASES, **headers)
    with time_machine.travel(start + dt.timedelta(minutes=1), tick=False):
        api.get(CASES, **headers)
    token.refresh_from_db()
    assert token.last_used_at == start
    with time_machine.travel(start + dt.timedelta(hours=1), tick=False):
        api.get(CASES, **headers)
    token.refresh_from_db()
    assert token.last_used_at == start + dt.timedelta(hours=1)


@pytest.mark.django_db
def test_the_admin_lists_tokens_read_only_and_revokes_them(client, staff):
    """An administrator sees prefix and name, cannot add a token there (no key to show), and can revoke."""
    token, key = api_token_create(user=staff["officer_phi"], name="integrasi unit")
    login_staff(client, staff["admin"])

    listing = client.get("/admin/accounts/apitoken/")
    assert listing.status_code == 200
    assert token.prefix in listing.content.decode()
    assert key not in listing.content.decode()
    assert client.get("/admin/accounts/apitoken/add/").status_code == 403
    detail = client.get(f"/admin/accounts/apitoken/{token.pk}/change/").content.decode()
    assert token.key_hash in detail
    assert 'name="key_hash"' not in detail

    client.post("/admin/accounts/apitoken/", {"action": "revoke", "_selected_action": [token.pk]})
    token.refresh_from_db()
    assert token.revoked_at is not None
