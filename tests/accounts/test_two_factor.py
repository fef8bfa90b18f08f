"""Staff sign in with a password and then a code from an authenticator app; every role, the admin included."""

from __future__ import annotations

import base64
import datetime as dt
import re

import pytest
import time_machine
from django.test import Client
from django.urls import URLPattern, get_resolver

from simadu.accounts import twofactor
from simadu.accounts.models import User
from simadu.audit.models import AuditEntry
from simadu.core import clock, crypto
from tests.accounts.signin_steps import CODE, ENROL, code_for, enrol, key_on_page, password_step
from tests.factories import login_staff

OPEN_STEPS = {"login", "two_factor_enrol", "two_factor_verify", "logout"}
SAMPLE_ARGS = {"tracking_id": "SMD-0000-0000", "action": "verify", "pk": "1"}
ADMIN_PAGES = ["/admin/", "/admin/accounts/user/", "/admin/audit/auditentry/", "/admin/triage/unit/"]


def _workspace_pages() -> list[str]:
    """Every page under /staf/ except the sign-in steps themselves, with sample arguments."""
    resolver = get_resolver()
    pages = []
    for pattern in get_resolver("simadu.workspace.urls").url_patterns:
        assert isinstance(pattern, URLPattern)
        if pattern.name in OPEN_STEPS:
            continue
        path = "/staf/" + str(pattern.pattern)
        for name, value in SAMPLE_ARGS.items():
            path = re.sub(rf"<(?:\w+:)?{name}>", value, path)
        assert "<" not in path, path
        assert resolver.resolve(path).url_name == pattern.name
        pages.append(path)
    return pages


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["verifier", "officer_phi", "leader_itjen", "auditor", "admin"])
def test_a_session_with_only_the_password_opens_no_staff_page_and_no_admin_page(staff, role):
    """Given a correct password but no code yet, every workspace page (GET and POST) and the admin send
    the person to the second step; nothing of a case or of the admin is shown."""
    client = Client()
    assert password_step(client, role).status_code == 302
    assert "_auth_user_id" in client.session  # Django calls this session signed in…

    for path in _workspace_pages():
        for response in (client.get(path), client.post(path)):
            assert response.status_code == 302, path
            assert response["Location"].startswith(ENROL), path
    for path in ADMIN_PAGES:
        response = client.get(path, follow=True)
        assert response.redirect_chain[-1][0].startswith(ENROL), path
        assert response.status_code == 200
        assert "Aktifkan verifikasi dua langkah" in response.text


@pytest.mark.django_db
def test_the_admin_has_no_password_form_of_its_own_and_sends_people_through_the_staff_sign_in(staff):
    """/admin/login/ leads to /staf/masuk; after password and code the administrator lands on the page asked for."""
    client = Client()
    to_login = client.get("/admin/login/?next=/admin/accounts/user/")
    assert to_login.status_code == 302
    assert to_login["Location"] == "/staf/masuk?next=/admin/accounts/user/"
    key, _ = enrol(Client(), "admin")
    first = password_step(client, "admin", next_url="/admin/accounts/user/")
    assert first["Location"] == CODE + "?next=%2Fadmin%2Faccounts%2Fuser%2F"
    with time_machine.travel(clock.now() + dt.timedelta(seconds=30), tick=False):
        done = client.post(CODE, {"code": code_for(key), "next": "/admin/accounts/user/"})
        assert done["Location"] == "/admin/accounts/user/"
        assert client.get("/admin/accounts/user/").status_code == 200


@pytest.mark.django_db
def test_a_verified_officer_who_is_not_an_administrator_is_told_no_by_the_admin(staff):
    """No endless round between /admin/ and the login page: a plain 403."""
    response = login_staff(Client(), staff["verifier"]).get("/admin/", follow=True)
    assert response.status_code == 403


@pytest.mark.django_db
def test_first_sign_in_shows_a_qr_code_drawn_on_the_page_and_the_key_in_groups(staff):
    """The enrolment page carries the QR code as inline SVG (no script, no image from elsewhere) and the key
    in groups of four for typing; the secret is stored only wrapped by the master key."""
    client = Client()
    assert password_step(client, "verifier")["Location"] == ENROL
    page = client.get(ENROL)
    html = page.content.decode()

    assert page.status_code == 200
    assert re.search(r'<svg [^>]*class="ws-qr-code"><title>Kode QR', html)
    assert "<script>" not in html
    assert "<img" not in html
    assert re.search(r'<code id="totp-key">([A-Z2-7]{4} ){7}[A-Z2-7]{4}</code>', html)
    key = key_on_page(page)
    stored = bytes(User.objects.get(username="verifier").totp_secret)
    raw = base64.b32decode(key)
    assert raw not in stored
    assert key.encode() not in stored
    assert crypto.unwrap(stored) == raw
    assert key_on_page(client.get(ENROL)) == key, "a reload shows the same key"
    assert client.get("/staf/")["Location"].startswith(ENROL)


@pytest.mark.django_db
def test_the_first_code_finishes_enrolment_and_opens_the_inbox(staff):
    """Given the key from the page, when its current code is sent, then the inbox opens on a new session key."""
    client = Client()
    assert password_step(client, "verifier")["Location"] == ENROL
    key = key_on_page(client.get(ENROL))
    half_open = client.session.session_key

    done = client.post(ENROL, {"code": code_for(key)})

    assert done.status_code == 302
    assert done["Location"] == "/staf/"
    assert client.session.session_key != half_open, "the session key changes after the code"
    assert client.get("/staf/").status_code == 200
    user = User.objects.get(username="verifier")
    assert user.totp_confirmed_at is not None
    actions = list(AuditEntry.objects.filter(object_id=str(user.pk)).values_list("action", flat=True))
    assert actions == ["account.2fa_enrol", "account.login"]


@pytest.mark.django_db
def test_later_sign_ins_ask_only_for_the_code(staff):
    """After enrolment, the password leads to the code step, and the code to the inbox."""
    key, _ = enrol(Client(), "officer_phi")
    client = Client()
    assert password_step(client, "officer_phi")["Location"] == CODE
    assert client.get(CODE).status_code == 200
    assert client.get(ENROL)["Location"] == CODE, "no second enrolment"
    done = client.post(CODE, {"code": code_for(key, steps_later=1)})
    assert done["Location"] == "/staf/"
    assert client.get("/staf/").status_code == 200


@pytest.mark.django_db
def test_a_wrong_code_is_refused_with_a_plain_message_and_opens_nothing(staff):
    client = Client()
    assert password_step(client, "verifier")["Location"] == ENROL
    key = key_on_page(client.get(ENROL))
    wrong = "000000" if code_for(key) != "000000" else "111111"

    refused = client.post(ENROL, {"code": wrong})

    assert refused.status_code == 422
    assert "Kode salah atau sudah dipakai" in refused.text
    assert key_on_page(refused) == key
    assert client.get("/staf/")["Location"].startswith(ENROL)
    assert User.objects.get(username="verifier").failed_logins == 1


@pytest.mark.django_db
def test_a_code_is_accepted_once_even_within_its_thirty_seconds(staff):
    """Someone who saw a code over a shoulder cannot sign in with it after its owner did."""
    key, _ = enrol(Client(), "verifier")
    with time_machine.travel(clock.now() + dt.timedelta(seconds=30), tick=False):
        code = code_for(key)
        owner, onlooker = Client(), Client()
        password_step(owner, "verifier")
        assert owner.post(CODE, {"code": code})["Location"] == "/staf/"

        password_step(onlooker, "verifier")
        replay = onlooker.post(CODE, {"code": code})

        assert replay.status_code == 422
        assert onlooker.get("/staf/")["Location"].startswith(CODE)


@pytest.mark.django_db
def test_a_code_from_a_phone_clock_one_step_off_is_accepted_two_steps_off_is_not(staff):
    key, _ = enrol(Client(), "verifier")
    later = clock.now() + dt.timedelta(minutes=5)
    with time_machine.travel(later, tick=False):
        client = Client()
        password_step(client, "verifier")
        assert client.post(CODE, {"code": code_for(key, steps_later=2)}).status_code == 422
        assert client.post(CODE, {"code": code_for(key, steps_later=1)})["Location"] == "/staf/"


@pytest.mark.django_db
def test_an_administrator_resets_a_lost_phone_and_the_next_sign_in_enrols_again(staff):
    """The admin action clears the enrolment; a session verified with the old phone is verified no more."""
    key, _ = enrol(old_phone := Client(), "officer_phi")
    assert old_phone.get("/staf/").status_code == 200

    admin = login_staff(Client(), staff["admin"])
    officer = User.objects.get(username="officer_phi")
    done = admin.post(
        "/admin/accounts/user/", {"action": "reset_two_factor", "_selected_action": [officer.pk]}
    )

    assert done.status_code == 302
    assert old_phone.get("/staf/")["Location"].startswith(ENROL)
    fresh = Client()
    assert password_step(fresh, "officer_phi")["Location"] == ENROL
    assert key_on_page(fresh.get(ENROL)) != key
    entry = AuditEntry.objects.get(action="account.2fa_reset")
    assert (entry.actor, entry.object_id) == (f"user:{staff['admin'].pk}", str(officer.pk))


@pytest.mark.django_db
def test_without_the_setting_the_password_alone_signs_in(staff, settings):
    """SIMADU_REQUIRE_2FA=off (a developer's machine): the old one-step sign-in, still audited."""
    settings.SIMADU_REQUIRE_2FA = False
    client = Client()
    assert password_step(client, "verifier")["Location"] == "/staf/"
    assert client.get("/staf/").status_code == 200
    assert AuditEntry.objects.filter(action="account.login", data__two_factor=False).count() == 1


@pytest.mark.django_db
def test_login_staff_marks_the_session_as_the_code_step_would(staff):
    """The helper the other tests use signs in past both steps, through a real enrolment."""
    client = login_staff(Client(), staff["verifier"])
    assert client.get("/staf/").status_code == 200
    assert twofactor.is_enrolled(User.objects.get(username="verifier"))


@pytest.mark.django_db
def test_signing_in_again_as_someone_else_starts_from_the_password(staff):
    """A half-open session (password, no code) is not a way round the login page: it leads to its own code step."""
    client = Client()
    password_step(client, "verifier")
    assert client.get("/staf/masuk")["Location"] == ENROL
    assert client.post("/staf/keluar").status_code == 302
    assert client.get("/staf/masuk").status_code == 200
