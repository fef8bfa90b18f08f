"""The strict Content-Security-Policy holds in a real browser: no page logs a violation.

Chromium reports every blocked inline script, style attribute, <style> element and event
handler on the console; this walks the pages people use — portal, report form, tracking,
the staff sign-in with its enrolment page, inbox, case page and the Django admin — and
collects those messages. Screenshots of the enrolment page (desk and phone) land in
tests/browser/screenshots/.
"""

from __future__ import annotations

import pytest

from simadu.accounts.models import User
from tests.accounts.signin_steps import code_for
from tests.factories import PASSWORD, make_staff, submit

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 360, "height": 740}
DESK = {"width": 1280, "height": 900}


def _watch(page) -> list[str]:
    """Console messages and page errors that speak of the security policy."""
    seen: list[str] = []
    page.on("console", lambda m: seen.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: seen.append(f"pageerror: {e}"))
    return seen


def _violations(seen: list[str]) -> list[str]:
    return [m for m in seen if "Content Security Policy" in m or "Content-Security-Policy" in m]


def _sign_in(page, base: str, username: str) -> str:
    """Password, then the enrolment page: the key read off the page, its code typed in. Returns the key."""
    page.goto(f"{base}/staf/masuk")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    key = page.locator("#totp-key").inner_text().replace(" ", "")
    page.fill("input[name=code]", code_for(key))
    page.click("form.ws-form button[type=submit]")
    return key


def test_no_page_breaks_the_content_security_policy(live_server, browser, shot):
    make_staff("verifikator", role="verifier", unit="itjen")
    make_staff("admin", role="admin", is_staff=True, is_superuser=True)
    case, secret = submit(title="Gaji belum dibayar")
    base = live_server.url
    visited: dict[str, list[str]] = {}

    phone = browser.new_context(viewport=PHONE, locale="id-ID").new_page()
    seen = _watch(phone)
    for path in ("/", "/lapor", "/statistik", "/lacak"):
        phone.goto(base + path)
        visited[path] = _violations(seen)
        seen.clear()
    phone.fill("input[name=tracking_id]", case.tracking_id)
    phone.fill("input[name=secret]", secret)
    phone.get_by_role("button", name="Lihat laporan").click()
    assert case.tracking_id in phone.content()
    visited["/lacak/<case>"] = _violations(seen)
    seen.clear()

    # The enrolment page, as an officer sees it on a phone and at a desk.
    phone.goto(f"{base}/staf/masuk")
    phone.fill("input[name=username]", "verifikator")
    phone.fill("input[name=password]", PASSWORD)
    phone.click("button[type=submit]")
    assert phone.url.endswith("/staf/masuk/pasang-kode")
    assert phone.locator("svg.ws-qr-code").is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "wider than the phone"
    shot(phone, "20-two-factor-enrol-phone")
    visited["/staf/masuk/pasang-kode (phone)"] = _violations(seen)

    desk = browser.new_context(viewport=DESK, locale="id-ID").new_page()
    seen = _watch(desk)
    desk.goto(f"{base}/staf/masuk")
    desk.fill("input[name=username]", "verifikator")
    desk.fill("input[name=password]", PASSWORD)
    desk.click("button[type=submit]")
    shot(desk, "21-two-factor-enrol-desk")
    key = desk.locator("#totp-key").inner_text().replace(" ", "")
    desk.fill("input[name=code]", code_for(key))
    desk.click("form.ws-form button[type=submit]")
    assert desk.url.endswith("/staf/")
    visited["/staf/masuk/pasang-kode (desk)"] = _violations(seen)
    seen.clear()
    desk.get_by_role("link", name=case.tracking_id).click()
    desk.locator("summary").first.click()
    visited["/staf/kasus/<case>"] = _violations(seen)
    seen.clear()

    admin = browser.new_context(viewport=DESK, locale="id-ID").new_page()
    seen = _watch(admin)
    admin.goto(f"{base}/admin/")
    assert admin.url.startswith(f"{base}/staf/masuk?next=/admin/")
    _sign_in(admin, base, "admin")
    assert admin.url == f"{base}/admin/"
    pages = [
        "/admin/",
        "/admin/accounts/user/",
        f"/admin/accounts/user/{User.objects.get(username='verifikator').pk}/change/",
        "/admin/audit/auditentry/",  # a list without actions: Django adds a <style> there
        "/admin/triage/unit/add/",
        "/admin/triage/triagerulephrase/",
    ]
    for path in pages:
        admin.goto(base + path)
        assert admin.locator("#content").count() == 1, path
        visited[path] = _violations(seen)
        seen.clear()
    shot(admin, "22-admin-under-csp")

    broken = {path: found for path, found in visited.items() if found}
    assert broken == {}
