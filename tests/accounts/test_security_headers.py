"""Every page is sent with a strict Content-Security-Policy and the other protective headers; staff
sessions are short and their cookies out of reach of scripts; production adds secure cookies and HSTS."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from tests.accounts.signin_steps import password_step
from tests.factories import login_staff, submit

ROOT = Path(__file__).resolve().parents[2]
STRICT = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


def _policy(header: str) -> dict[str, str]:
    directives = (part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    return dict(directives)


def _assert_protected(response) -> None:
    assert _policy(response["Content-Security-Policy"]) == STRICT
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in permissions


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/lapor", "/lacak", "/statistik", "/staf/masuk"])
def test_public_pages_carry_the_strict_policy_and_headers(path):
    response = Client().get(path)
    assert response.status_code == 200, path
    _assert_protected(response)


@pytest.mark.django_db
def test_staff_pages_and_the_admin_carry_the_same_policy(staff):
    case, _ = submit()
    verifier = login_staff(Client(), staff["verifier"])
    admin = login_staff(Client(), staff["admin"])
    for client, path in [
        (verifier, "/staf/"),
        (verifier, f"/staf/kasus/{case.tracking_id}"),
        (admin, "/admin/"),
        (admin, "/admin/accounts/user/"),
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        _assert_protected(response)


@pytest.mark.django_db
def test_no_template_holds_an_inline_script_style_or_event_handler(staff):
    """What the policy would block is not there to begin with: the pages a person sees, as sent."""
    case, _ = submit()
    verifier = login_staff(Client(), staff["verifier"])
    enrolling = Client()
    password_step(enrolling, "auditor")
    pages = [
        Client().get(path).content.decode() for path in ("/", "/lapor", "/lacak", "/statistik", "/staf/masuk")
    ]
    pages += [verifier.get("/staf/").content.decode(), verifier.get(f"/staf/kasus/{case.tracking_id}").text]
    pages += [enrolling.get("/staf/masuk/pasang-kode").content.decode()]
    for html in pages:
        assert "<style" not in html
        assert " style=" not in html
        assert "<script>" not in html
        assert "javascript:" not in html
        assert not any(f" on{event}=" in html for event in ("click", "submit", "change", "load", "input"))


@pytest.mark.django_db
def test_the_staff_session_cookie_is_http_only_lax_and_ends_with_the_browser(staff):
    client = Client()
    password_step(client, "verifier")
    cookie = client.cookies["sessionid"]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert not cookie["max-age"]
    assert not cookie["expires"], "a browser-session cookie: gone when the browser closes"
    assert client.session.get_expiry_age() == 8 * 3600


def _settings_under(env: dict[str, str], tmp_path: Path) -> dict[str, object]:
    """config.settings as a fresh process imports it with `env`: settings are read once, at start."""
    names = [
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SECURE_HSTS_SECONDS",
        "SESSION_COOKIE_HTTPONLY",
        "SESSION_EXPIRE_AT_BROWSER_CLOSE",
        "SIMADU_REQUIRE_2FA",
    ]
    code = f"import json, config.settings as s; print(json.dumps({{n: getattr(s, n) for n in {names!r}}}))"
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SIMADU_", "DATABASE_URL"))}
    result = subprocess.run(  # noqa: S603 (our own interpreter, a fixed snippet)
        [sys.executable, "-c", code],
        env={**clean, "SIMADU_VAR_DIR": str(tmp_path), **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.slow
def test_production_sends_cookies_over_https_only_and_asks_browsers_for_https_alone(tmp_path):
    production = _settings_under(
        {"SIMADU_ENV": "production", "SIMADU_SECRET_KEY": "x" * 50, "SIMADU_MASTER_KEY": "A" * 44}, tmp_path
    )
    assert production["SESSION_COOKIE_SECURE"] is True
    assert production["CSRF_COOKIE_SECURE"] is True
    assert production["SECURE_HSTS_SECONDS"] == 31536000
    assert production["SIMADU_REQUIRE_2FA"] is True
    assert production["SESSION_EXPIRE_AT_BROWSER_CLOSE"] is True

    shorter = _settings_under(
        {"SIMADU_ENV": "production", "SIMADU_SECRET_KEY": "x" * 50, "SIMADU_HSTS_SECONDS": "600"}, tmp_path
    )
    assert shorter["SECURE_HSTS_SECONDS"] == 600

    embedded = _settings_under({}, tmp_path)
    assert embedded["SESSION_COOKIE_SECURE"] is False, "the embedded default is served over plain http"
    assert embedded["SECURE_HSTS_SECONDS"] == 0
    assert embedded["SIMADU_REQUIRE_2FA"] is True


@pytest.mark.django_db
def test_every_admin_list_and_form_is_free_of_inline_style_and_script(staff):
    """Django's admin keeps to the same strict policy as long as its pages hold nothing inline (a list with
    neither top nor bottom actions would get a <style>): every registered model's list and form, as sent."""
    from django.contrib import admin as django_admin

    client = login_staff(Client(), staff["admin"])
    for model, model_admin in django_admin.site._registry.items():
        assert model_admin.actions_on_top or model_admin.actions_on_bottom, model
        base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        for path in (base, base + "add/"):
            response = client.get(path)
            if response.status_code == 403:  # no adding here (tokens, audit entries…)
                continue
            assert response.status_code == 200, path
            html = response.content.decode()
            assert "<style" not in html, path
            assert " style=" not in html, path
            assert "<script>" not in html, path
