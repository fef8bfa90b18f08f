"""The English translation: complete, faithful to its placeholders, compiled, and what a visitor who chose English reads.

Message ids are the Indonesian text (docs/decisions/0002-indonesian-msgids.md); a
missing English string silently falls back to Indonesian, so these tests are the
only thing that notices one.
"""

from __future__ import annotations

import gettext
import html
import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from simadu.cases.models import Case
from tests.factories import advance, login_staff, submit
from tests.i18n.pofile import Entry, parse, placeholders, tags
from tests.portal.pages import form_data, open_case, receipt_codes

LC_MESSAGES = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES"
PO = LC_MESSAGES / "django.po"
MO = LC_MESSAGES / "django.mo"

ENTRIES = parse(PO)
MESSAGES = [e for e in ENTRIES if e.msgid and not e.obsolete]


def _english() -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _sources(entry: Entry) -> list[str]:
    """The message each msgstr translates: msgid for the singular, msgid_plural for the other forms."""
    if not entry.plural:
        return [entry.msgid]
    return [entry.msgid] + [entry.msgid_plural] * (len(entry.msgstr) - 1)


def test_the_catalogue_has_the_messages_the_code_uses():
    """The po file was made by makemessages over the whole project, not left as a stub."""
    assert len(MESSAGES) > 400
    assert any(e.plural for e in MESSAGES)
    header = ENTRIES[0]
    assert header.msgid == ""
    assert "Language: en\n" in header.msgstr[0]
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in header.msgstr[0]


def test_every_message_has_an_english_translation_and_none_is_fuzzy():
    """A fuzzy or empty entry would show Indonesian to a reader who chose English."""
    fuzzy = [e.msgid for e in ENTRIES if e.fuzzy]
    untranslated = [e.msgid for e in MESSAGES if not e.msgstr or not all(s.strip() for s in e.msgstr)]

    assert fuzzy == []
    assert untranslated == []
    assert all(len(e.msgstr) == 2 for e in MESSAGES if e.plural), "English has two plural forms"


def test_translations_keep_every_placeholder_and_html_tag_of_their_message():
    """A lost %(n)s raises at runtime; an extra one shows a blank; a lost <strong> changes the page."""
    broken = []
    for entry in MESSAGES:
        for source, translation in zip(_sources(entry), entry.msgstr, strict=True):
            if placeholders(source) != placeholders(translation) or tags(source) != tags(translation):
                broken.append((source, translation))

    assert broken == []


def test_translations_keep_the_names_of_channels_and_services():
    """Proper names stay as the ministry writes them, in English too."""
    names = ("SIAPkerja", "SPAN-LAPOR!", "WBS", "THR", "PHK", "Kemnaker", "Itjen", "SIMADU", "Pusdatin")
    lost = [
        (name, e.msgid)
        for e in MESSAGES
        for name in names
        if name in e.msgid and not all(name in s for s in e.msgstr)
    ]

    assert lost == []


def test_the_committed_mo_file_holds_exactly_the_translations_of_the_po_file():
    """CI does not compile messages: a .po edited without `compilemessages` would not reach any page."""
    with MO.open("rb") as handle:
        catalog = dict(gettext.GNUTranslations(handle)._catalog)  # type: ignore[attr-defined]
    catalog.pop("", None)  # the header

    expected: dict[object, str] = {}
    for entry in MESSAGES:
        key = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        if entry.plural:
            expected.update({(key, n): text for n, text in enumerate(entry.msgstr)})
        else:
            expected[key] = entry.msgstr[0]

    stale = {k: (catalog.get(k), v) for k, v in expected.items() if catalog.get(k) != v}
    assert stale == {}, "run: cd src/simadu && django-admin compilemessages (see the po file's header)"
    assert set(catalog) == set(expected), "the .mo holds messages the .po no longer has"


# Each public page and the staff login, with a phrase of the English page and the Indonesian one it replaces.
PAGES = [
    ("/", "Three channels, one door", "Tiga jalur, satu pintu"),
    ("/lapor", "Tell us what happened", "Ceritakan kejadiannya"),
    ("/lacak", "Enter the report number and secret code from your receipt.", "Masukkan nomor laporan"),
    ("/statistik", "Report statistics", "Statistik laporan"),
    ("/staf/masuk", "Log in to the workspace", "Masuk ke ruang kerja"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "english", "indonesian"), PAGES)
def test_a_visitor_who_chose_english_reads_the_page_in_english(path, english, indonesian):
    """With the language cookie set to en, the page declares English and its text is the translation."""
    response = _english().get(path)
    page = html.unescape(response.content.decode())

    assert response.status_code == 200
    assert '<html lang="en">' in page
    assert english in page
    assert indonesian not in page


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "english", "indonesian"), PAGES)
def test_without_a_choice_the_same_page_stays_indonesian(path, english, indonesian):
    """Indonesian first: the English phrase appears only for those who chose English."""
    page = html.unescape(Client().get(path, HTTP_ACCEPT_LANGUAGE="en").content.decode())

    assert '<html lang="id">' in page
    assert indonesian in page
    assert english not in page


@pytest.mark.django_db
@pytest.mark.parametrize("path", [p for p, _, _ in PAGES])
def test_no_indonesian_sentence_of_the_catalogue_is_left_on_an_english_page(path):
    """Every catalogue message of several words that the English page renders is in English."""
    page = html.unescape(_english().get(path).content.decode())
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    sentences = {e.msgid for e in MESSAGES if len(e.msgid.split()) >= 3 and e.msgid not in e.msgstr}

    left = sorted(s for s in sentences if re.sub(r"<[^>]+>", " ", s) in text)

    assert left == []


@pytest.mark.django_db
def test_the_language_switch_turns_the_portal_english():
    """Choosing English on the page (no cookie set by hand) gives the English portal."""
    client = Client()
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    page = client.get("/").content.decode()

    assert '<html lang="en">' in page
    assert "Make a report" in page
    assert "Buat laporan" not in page


def _submit(client: Client, body: dict[str, object]) -> dict[str, str]:
    response = client.post("/api/v1/reports", data=json.dumps(body), content_type="application/json")
    assert response.status_code == 422
    return response.json()  # type: ignore[no-any-return]


@pytest.mark.django_db
def test_the_api_explains_an_empty_report_in_english_when_the_client_chose_english():
    """Error details follow the language cookie; codes stay the same for programs."""
    english = _submit(_english(), {"text": ""})
    indonesian = _submit(Client(), {"text": ""})

    assert english["code"] == indonesian["code"] == "text_too_short"
    assert english["detail"] == "Tell us what happened, in at least 10 characters."
    assert indonesian["detail"] == "Ceritakan kejadiannya, paling sedikit 10 huruf."


@pytest.mark.django_db
def test_the_api_explains_a_missing_field_in_english_and_in_indonesian_by_default():
    """Schema errors are translated too, in the detail and in each field's message."""
    english = _submit(_english(), {})
    indonesian = _submit(Client(HTTP_ACCEPT_LANGUAGE="en"), {})

    assert english["detail"] == "Check the field text: required."
    assert english["errors"] == [{"field": "text", "message": "required"}]  # type: ignore[comparison-overlap]
    assert indonesian["detail"] == "Periksa isian text: wajib diisi."


def _indonesian_left(page: str) -> list[str]:
    """Catalogue messages of two words or more that a page still shows in Indonesian."""
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.unescape(page)))
    sentences = {e.msgid for e in MESSAGES if len(e.msgid.split()) >= 2 and e.msgid not in e.msgstr}
    return sorted(s for s in sentences if re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", s)) in text)


@pytest.mark.django_db
def test_a_reporter_who_chose_english_reports_tracks_and_reads_the_answer_in_english(staff):
    """Receipt, tracking page, progress line, answer, rating and objection forms: all in English."""
    client = _english()
    receipt = client.post("/lapor", form_data(), follow=True).content.decode()
    assert "We have received your report" in receipt
    assert _indonesian_left(receipt) == []

    tracking_id, secret = receipt_codes(receipt)
    case = Case.objects.select_related("category").get(tracking_id=tracking_id)
    advance(case, "responded", verifier=staff["verifier"], officer=staff["officer_phi"])
    page = open_case(client, tracking_id, secret).content.decode()

    assert '<html lang="en">' in page
    assert "Your report has been answered. Please read the answer and rate it." in page
    assert "Object to the answer" in page
    assert html.escape(case.category.name_en) in page, "the category shows its English name"
    assert _indonesian_left(page) == []


@pytest.mark.django_db
def test_staff_who_chose_english_work_in_an_english_inbox_and_case_page(staff):
    """The workspace follows the same language cookie: inbox, filters, case page, actions."""
    case, _secret = submit()
    client = _english()
    login_staff(client, staff["verifier"])

    inbox = client.get("/staf/").content.decode()
    detail = client.get(f"/staf/kasus/{case.tracking_id}").content.decode()

    assert '<html lang="en">' in inbox
    assert "Inbox" in inbox
    assert "Start verification" in detail
    assert _indonesian_left(inbox) == []
    assert _indonesian_left(detail) == []
