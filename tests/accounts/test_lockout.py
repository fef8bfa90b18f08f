"""Five failed sign-ins lock an account for 15 minutes; the answer never tells whether an account exists."""

from __future__ import annotations

import datetime as dt
import json
import re
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client

from simadu.accounts import signin
from simadu.accounts.models import User
from simadu.audit.models import AuditEntry
from simadu.core import clock
from tests.accounts.signin_steps import CODE, ENROL, code_for, enrol, key_on_page, password_step
from tests.factories import PASSWORD, login_staff

WRONG = "tebak-tebakan-saja"


def _error_of(response) -> str:
    """The message the login page shows, as the person reads it."""
    found = re.search(r'<div class="ws-error" role="alert">(.*?)</div>', response.content.decode(), re.S)
    assert found, "no error shown"
    return " ".join(found.group(1).split())


@pytest.fixture(autouse=True)
def _account_lock_alone(settings):
    """The per-client 429 (tests/workspace/test_access.py) would step in first: here the account lock is tested."""
    settings.SIMADU_RATE_LIMITS = False


@pytest.mark.django_db
def test_five_wrong_passwords_lock_the_account_for_fifteen_minutes_even_against_the_right_one(staff):
    client = Client()
    for _ in range(5):
        assert password_step(client, "verifier", WRONG).status_code == 200

    locked = password_step(client, "verifier", PASSWORD)

    assert locked.status_code == 200
    assert "_auth_user_id" not in client.session
    user = User.objects.get(username="verifier")
    assert user.locked_until is not None
    assert dt.timedelta(minutes=14) < user.locked_until - clock.now() <= dt.timedelta(minutes=15)

    with time_machine.travel(clock.now() + dt.timedelta(minutes=15, seconds=1), tick=False):
        assert password_step(client, "verifier", PASSWORD)["Location"] == ENROL


@pytest.mark.django_db
def test_the_message_is_the_same_for_a_wrong_password_an_unknown_name_and_a_locked_account(staff):
    """Nobody learns from the login page which accounts exist, nor which one they just locked."""
    client = Client()
    first_wrong = password_step(client, "verifier", WRONG)
    unknown = password_step(client, "tidak-ada-orangnya", WRONG)
    for _ in range(4):
        password_step(client, "verifier", WRONG)
    locked_right = password_step(client, "verifier", PASSWORD)
    unknown_after = [password_step(client, "tidak-ada-orangnya", WRONG) for _ in range(6)][-1]

    messages = {_error_of(r) for r in (first_wrong, unknown, locked_right, unknown_after)}
    assert len(messages) == 1
    assert "salah, atau akun sedang dikunci" in messages.pop()
    statuses = {r.status_code for r in (first_wrong, unknown, locked_right, unknown_after)}
    assert statuses == {200}


@pytest.mark.django_db
def test_failures_older_than_fifteen_minutes_do_not_count(staff):
    client = Client()
    for _ in range(4):
        password_step(client, "verifier", WRONG)
    with time_machine.travel(clock.now() + dt.timedelta(minutes=16), tick=False):
        password_step(client, "verifier", WRONG)
        assert User.objects.get(username="verifier").locked_until is None
        assert password_step(client, "verifier", PASSWORD)["Location"] == ENROL


@pytest.mark.django_db
def test_wrong_codes_count_toward_the_lock_and_end_the_half_open_session(staff):
    """An intruder with the password but not the phone gets five tries, then the account is locked."""
    key, _ = enrol(Client(), "officer_phi")
    wrong = "000000" if code_for(key) != "000000" else "111111"
    client = Client()
    password_step(client, "officer_phi")
    for _ in range(4):
        assert client.post(CODE, {"code": wrong}).status_code == 422

    fifth = client.post(CODE, {"code": wrong}, follow=True)

    assert fifth.redirect_chain[-1][0] == "/staf/masuk"
    assert "Akun dikunci selama 15 menit" in fifth.text
    assert "_auth_user_id" not in client.session
    assert User.objects.get(username="officer_phi").locked_until is not None
    assert password_step(client, "officer_phi", PASSWORD).status_code == 200  # still locked


@pytest.mark.django_db
def test_an_administrator_unlocks_an_account_at_once(staff):
    client = Client()
    for _ in range(5):
        password_step(client, "verifier", WRONG)
    assert password_step(client, "verifier", PASSWORD).status_code == 200
    admin = login_staff(Client(), staff["admin"])
    listing = admin.get("/admin/accounts/user/")
    assert "Buka kunci akun terpilih" in listing.text

    admin.post("/admin/accounts/user/", {"action": "unlock", "_selected_action": [staff["verifier"].pk]})

    user = User.objects.get(username="verifier")
    assert (user.locked_until, user.failed_logins) == (None, 0)
    assert password_step(client, "verifier", PASSWORD)["Location"] == ENROL
    entry = AuditEntry.objects.get(action="account.unlock")
    assert entry.actor == f"user:{staff['admin'].pk}"


@pytest.mark.django_db
def test_every_sign_in_event_is_audited_without_a_password_or_a_code(staff):
    """Failure, lock, enrolment, success, sign-out: each on the audit chain; neither the password, a
    code, the key nor an unknown name typed into the login form is written there."""
    client = Client()
    for _ in range(5):
        password_step(client, "verifier", WRONG)
    password_step(client, "Rahasia-Salah-Ketik", WRONG)  # a password typed into the name field
    signin.account_unlock(user=staff["verifier"], actor="system")
    password_step(client, "verifier")
    key = key_on_page(client.get(ENROL))
    code = code_for(key)
    client.post(ENROL, {"code": "999999" if code != "999999" else "888888"})
    client.post(ENROL, {"code": code})
    client.post("/staf/keluar")

    entries = list(AuditEntry.objects.order_by("seq"))
    actions = [e.action for e in entries]
    verifier = str(staff["verifier"].pk)
    assert actions.count("account.login_failed") == 7  # 5 passwords, 1 unknown name, 1 code
    assert actions.count("account.lock") == 1
    assert actions.count("account.unlock") == 1
    assert [a for a in actions if a in {"account.2fa_enrol", "account.login", "account.logout"}] == [
        "account.2fa_enrol",
        "account.login",
        "account.logout",
    ]
    assert {e.object_id for e in entries if e.action != "account.login_failed"} == {verifier}
    unknown = [e for e in entries if e.object_id == ""]
    assert len(unknown) == 1
    assert unknown[0].data == {"step": "password", "reason": "unknown_account"}
    written = json.dumps([[e.actor, e.action, e.object_id, e.data] for e in entries])
    for secret in (WRONG, PASSWORD, code, key, "Rahasia-Salah-Ketik"):
        assert secret not in written


@pytest.mark.django_db
def test_the_command_line_lets_a_locked_out_administrator_back_in_and_re_enrol(staff):
    """When the only administrator is locked out or lost the phone, `simadu unlock_staff --reset-2fa` helps."""
    enrol(Client(), "admin")
    client = Client()
    for _ in range(5):
        password_step(client, "admin", WRONG)
    out = StringIO()

    call_command("unlock_staff", "admin", "--reset-2fa", stdout=out)

    assert "admin" in out.getvalue()
    assert password_step(client, "admin", PASSWORD)["Location"] == ENROL
    assert list(
        AuditEntry.objects.filter(action__in=["account.unlock", "account.2fa_reset"]).values_list(
            "action", "actor"
        )
    ) == [("account.unlock", "system"), ("account.2fa_reset", "system")]
