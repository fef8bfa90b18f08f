"""The Pusat Bantuan page, the chrome every public page shares, and the language switch."""

from __future__ import annotations

import re

import pytest


@pytest.mark.django_db
def test_the_portal_explains_the_three_channels_and_links_to_the_form_tracking_and_statistics(client):
    """A visitor learns which channel is for what and finds the one form, tracking and statistics."""
    page = client.get("/").content.decode()

    for channel in ("Helpdesk", "SPAN-LAPOR!", "WBS"):
        assert channel in page
    assert "SIAPkerja" in page
    assert "OTP" in page
    assert "THR" in page
    assert "upah minimum" in page
    assert "pegawai Kemnaker" in page
    assert 'href="/lapor"' in page
    assert 'href="/lacak"' in page
    assert 'href="/statistik"' in page


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/lapor", "/lacak", "/statistik"])
def test_every_public_page_is_indonesian_by_default_with_a_skip_link_and_no_inline_script(client, path):
    """Pages speak Indonesian first, can be skipped to the content, and keep scripts in files (for a strict CSP)."""
    response = client.get(path)
    page = response.content.decode()

    assert response.status_code == 200
    assert '<html lang="id">' in page
    assert 'href="#isi"' in page
    assert 'id="isi"' in page
    assert "SIMADU — Pusat Bantuan Itjen Kemnaker" in page
    scripts = re.findall(r"<script\b[^>]*>", page)
    assert scripts, "htmx is loaded"
    assert all("src=" in tag and "defer" in tag for tag in scripts)
    assert re.search(r"<script\b[^>]*>(?!</script>)", page) is None
    assert re.search(r"\son[a-z]+=", page) is None
    assert "/static/simadu/vendor/htmx-2.0.11.min.js" in page


@pytest.mark.django_db
def test_the_language_switch_works_without_javascript_and_keeps_the_page(client):
    """Choosing English posts to set_language and comes back to the same page in English."""
    form = client.get("/statistik").content.decode()
    assert 'action="/i18n/setlang/"' in form

    switched = client.post("/i18n/setlang/", {"language": "en", "next": "/statistik"})

    assert switched.status_code == 302
    assert switched["Location"] == "/statistik"
    assert '<html lang="en">' in client.get("/statistik").content.decode()


@pytest.mark.django_db
def test_the_report_form_can_start_with_a_channel_chosen_from_the_portal(client):
    """The portal's "Lapor lewat WBS" link opens the form with WBS already chosen."""
    page = client.get("/lapor?kanal=wbs").content.decode()

    assert re.search(r'<input[^>]*value="wbs"[^>]*checked', page)
    assert not re.search(r'<input[^>]*value=""[^>]*checked', page)


@pytest.mark.django_db
def test_a_phone_set_to_english_still_gets_indonesian_until_the_reporter_chooses_english(client):
    """Indonesian first: the browser's Accept-Language does not switch the page; only the site's own switch does."""
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert page.status_code == 200
    assert '<html lang="id">' in page.content.decode()

    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert '<html lang="en">' in client.get("/", HTTP_ACCEPT_LANGUAGE="id").content.decode()
