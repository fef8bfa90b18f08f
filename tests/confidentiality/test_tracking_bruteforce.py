"""Guessing at the tracking lookup: every door that takes a tracking id and a secret, attacked from one client.

The doors are the lookup form (/lacak), the receipt download (/tanda-terima) and the reporting API (read,
messages, evidence, data export). They share one failure counter per client, so rotating doors buys an
attacker nothing; the counter is per client, never per report, so an attacker cannot lock the reporter out
of their own report; an unknown tracking id and a wrong secret are answered alike and cost the server the
same work (counted in calls, not in milliseconds, so the test cannot flake).
"""

from __future__ import annotations

import hmac
import io
import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from PIL import Image

from simadu.core import ids
from simadu.tracking.services import FAILED_LOOKUPS_LIMIT
from simadu.tracking.views import GRANT_COOKIE
from tests.factories import submit

ATTACKER = "203.0.113.7"
REPORTER = "198.51.100.23"
WRONG = "AAAAA-BBBBB-CCCCC-DDDDD"


def _png() -> io.BytesIO:
    buffer = io.BytesIO()
    Image.new("RGB", (1, 1)).save(buffer, "PNG")
    buffer.seek(0)
    buffer.name = "bukti.png"
    return buffer


def _form(client: Client, tid: str, secret: str) -> Any:
    return client.post("/lacak", {"tracking_id": tid, "secret": secret})


def _receipt(client: Client, tid: str, secret: str) -> Any:
    return client.post("/tanda-terima", {"tracking_id": tid, "secret": secret})


def _api_read(client: Client, tid: str, secret: str) -> Any:
    return client.get(f"/api/v1/reports/{tid}", HTTP_X_REPORT_SECRET=secret)


def _api_message(client: Client, tid: str, secret: str) -> Any:
    return client.post(
        f"/api/v1/reports/{tid}/messages",
        json.dumps({"text": "Ada tambahan."}),
        content_type="application/json",
        HTTP_X_REPORT_SECRET=secret,
    )


def _api_files(client: Client, tid: str, secret: str) -> Any:
    return client.post(f"/api/v1/reports/{tid}/attachments", {"files": [_png()]}, HTTP_X_REPORT_SECRET=secret)


def _api_data(client: Client, tid: str, secret: str) -> Any:
    return client.get(f"/api/v1/reports/{tid}/data", HTTP_X_REPORT_SECRET=secret)


Door = Callable[[Client, str, str], Any]
DOORS: dict[str, Door] = {
    "form": _form,
    "receipt": _receipt,
    "api_read": _api_read,
    "api_message": _api_message,
    "api_files": _api_files,
    "api_data": _api_data,
}
# What each door answers a tracking id + secret that do not match (the form is shown again, with a message).
NOT_MATCHED = {
    "form": 200,
    "receipt": 404,
    "api_read": 404,
    "api_message": 404,
    "api_files": 404,
    "api_data": 404,
}
LET_IN = {"form": 302, "receipt": 200, "api_read": 200, "api_message": 201, "api_files": 201, "api_data": 200}


def _got_in(door: str, response: Any) -> bool:
    """Did this answer open the report? A grant cookie, or the door's success status."""
    granted = GRANT_COOKIE in response.cookies and response.cookies[GRANT_COOKIE].value
    return bool(granted) or response.status_code == LET_IN[door]


_TOKENS = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*|(nonce=")[^"]*')


def _normal(response: Any, tid: str) -> tuple[int, str, str]:
    body = _TOKENS.sub(lambda m: next(g for g in m.groups() if g), response.content.decode())
    return response.status_code, response.headers.get("Content-Type", ""), body.replace(tid, "<ID>")


@pytest.fixture(autouse=True)
def _limits_on(settings: Any) -> None:
    settings.SIMADU_RATE_LIMITS = True
    settings.SIMADU_CLIENT_IP_HEADER = ""


@pytest.fixture
def media(settings: Any, tmp_path: Any) -> None:
    """Evidence a successful upload writes lands in this test's folder."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path},
        },
    }


def _unknown_id() -> str:
    from simadu.cases.models import Case

    while True:
        tid = ids.new_tracking_id()
        if not Case.objects.filter(tracking_id=tid).exists():
            return tid


@pytest.mark.django_db
def test_guesses_from_one_client_are_refused_after_the_limit_whatever_door_and_none_gets_in(media):
    """Given three reports, when one client sprays guesses over every door, real and unknown tracking ids
    alike, the first FAILED_LOOKUPS_LIMIT are answered "not matched" and every later one 429 — even the
    right secret, which then opens nothing: no grant cookie, no report in the body."""
    reports = [submit(title=f"Laporan {n}") for n in range(3)]
    targets = [case.tracking_id for case, _ in reports] + [_unknown_id() for _ in range(3)]
    attacker = Client(REMOTE_ADDR=ATTACKER)
    answers = []

    for n in range(FAILED_LOOKUPS_LIMIT + 10):
        door = list(DOORS)[n % len(DOORS)]
        response = DOORS[door](attacker, targets[n % len(targets)], f"{n:05d}-TEBAK-ACAK-SALAH")
        answers.append((door, response.status_code))
        assert not _got_in(door, response)
    for door, call in DOORS.items():
        case, secret = reports[0]
        response = call(attacker, case.tracking_id, secret)
        answers.append((door, response.status_code))
        assert not _got_in(door, response), door
        assert "Laporan 0" not in response.content.decode()

    assert answers[:FAILED_LOOKUPS_LIMIT] == [(d, NOT_MATCHED[d]) for d, _ in answers[:FAILED_LOOKUPS_LIMIT]]
    assert {status for _, status in answers[FAILED_LOOKUPS_LIMIT:]} == {429}


@pytest.mark.django_db
@pytest.mark.parametrize("door", list(DOORS))
def test_the_real_reporter_gets_in_from_their_own_phone_while_the_guesser_is_blocked(door, media):
    """Given a guesser blocked after hammering one report, the reporter of that very report, from their own
    phone, still opens it at every door: the limit counts clients, never reports, so nobody can lock a
    reporter out of their own case by guessing at it."""
    case, secret = submit()
    attacker, reporter = Client(REMOTE_ADDR=ATTACKER), Client(REMOTE_ADDR=REPORTER)
    for n in range(FAILED_LOOKUPS_LIMIT):
        _api_read(attacker, case.tracking_id, f"{n:05d}-SALAH")
    assert DOORS[door](attacker, case.tracking_id, secret).status_code == 429

    response = DOORS[door](reporter, case.tracking_id, secret)

    assert response.status_code == LET_IN[door]
    assert _got_in(door, response)


@pytest.mark.django_db
@pytest.mark.parametrize("door", list(DOORS))
def test_an_unknown_id_and_a_wrong_secret_get_the_same_answer(door):
    """Given a real report, a wrong secret for it, an unknown (well-formed) tracking id and a mistyped one
    are answered with the same status, type and body (the echoed id aside), and so is a blocked client's
    429 for each: nothing tells a guesser which ids exist."""
    case, _ = submit()
    unknown = _unknown_id()
    client = Client(REMOTE_ADDR=ATTACKER)

    wrong_secret = _normal(DOORS[door](client, case.tracking_id, WRONG), case.tracking_id)
    unknown_id = _normal(DOORS[door](client, unknown, WRONG), unknown)
    mistyped = _normal(DOORS[door](client, "SMD-0000-000X", WRONG), "SMD-0000-000X")
    assert wrong_secret[0] == NOT_MATCHED[door]
    assert wrong_secret == unknown_id == mistyped

    for n in range(FAILED_LOOKUPS_LIMIT):
        _api_read(client, unknown, f"{n:05d}-SALAH")
    blocked_real = _normal(DOORS[door](client, case.tracking_id, WRONG), case.tracking_id)
    blocked_unknown = _normal(DOORS[door](client, unknown, WRONG), unknown)
    assert blocked_real[0] == 429
    assert blocked_real == blocked_unknown


@pytest.mark.django_db
@pytest.mark.parametrize("door", ["form", "api_read"])
def test_an_unknown_id_and_a_wrong_secret_cost_the_same_hashing_and_queries(door, monkeypatch, settings):
    """The timing cannot tell them apart because the work is the same: when no report has the id, the
    secret is still hashed (against a dummy) and compared in constant time, and the same queries run.
    Counted in calls, not measured in milliseconds."""
    settings.SIMADU_RATE_LIMITS = False  # the counter's cache writes are the same too, but not under test
    case, _ = submit()
    unknown = _unknown_id()
    calls: list[str] = []
    real_hash, real_compare = ids.hash_secret, hmac.compare_digest

    def hash_spy(secret: str) -> str:
        calls.append("hash")
        return real_hash(secret)

    def compare_spy(a: Any, b: Any) -> bool:
        calls.append("compare")
        return real_compare(a, b)

    monkeypatch.setattr(ids, "hash_secret", hash_spy)
    monkeypatch.setattr(ids.hmac, "compare_digest", compare_spy)

    def work(tid: str) -> tuple[list[str], list[str]]:
        calls.clear()
        client = Client(REMOTE_ADDR=ATTACKER)
        with CaptureQueriesContext(connection) as queries:
            DOORS[door](client, tid, WRONG)
        shapes = [re.sub(r"'[^']*'|\b\d+\b", "?", q["sql"]) for q in queries.captured_queries]
        return list(calls), shapes

    wrong_secret, unknown_id = work(case.tracking_id), work(unknown)

    assert wrong_secret[0] == unknown_id[0] == ["hash", "compare"]
    assert wrong_secret[1] == unknown_id[1]


# ---- who "one client" is -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_behind_a_proxy_each_reporter_counts_by_the_address_the_proxy_gives(settings):
    """Given SIMADU behind a reverse proxy (every connection from 127.0.0.1) that puts the client's address
    in X-Real-IP, a guesser blocked at one address does not block a reporter at another."""
    settings.SIMADU_CLIENT_IP_HEADER = "X-Real-IP"
    case, secret = submit()
    attacker = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP=ATTACKER)
    reporter = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP=REPORTER)
    for n in range(FAILED_LOOKUPS_LIMIT):
        _api_read(attacker, case.tracking_id, f"{n:05d}-SALAH")

    assert _api_read(attacker, case.tracking_id, secret).status_code == 429
    assert _api_read(reporter, case.tracking_id, secret).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("configured", "forged"),
    [
        ("", "HTTP_X_REAL_IP"),  # no proxy configured: a header from the client is not believed
        ("", "HTTP_X_FORWARDED_FOR"),
        ("X-Forwarded-For", "HTTP_X_FORWARDED_FOR"),  # only the entry our proxy appended counts
    ],
)
def test_a_guesser_cannot_dodge_the_limit_with_forged_forwarding_headers(configured, forged, settings):
    """Given a guesser who sends a different forwarding header with each guess, they are still one client
    and are stopped after the limit."""
    settings.SIMADU_CLIENT_IP_HEADER = configured
    case, _ = submit()
    proxy_added = f", {ATTACKER}" if configured else ""
    statuses = [
        _api_read(
            Client(REMOTE_ADDR=ATTACKER, **{forged: f"10.0.{n}.1{proxy_added}"}), case.tracking_id, WRONG
        ).status_code
        for n in range(FAILED_LOOKUPS_LIMIT + 3)
    ]
    assert statuses[-3:] == [429, 429, 429]


@pytest.mark.django_db
def test_an_ipv6_guesser_cannot_dodge_the_limit_by_rotating_addresses_in_their_64():
    """One phone or home router holds a whole IPv6 /64; guesses from any of its addresses count together,
    while a reporter in another /64 is not affected."""
    case, secret = submit()
    statuses = [
        _api_read(Client(REMOTE_ADDR=f"2001:db8:1:2::{n:x}"), case.tracking_id, WRONG).status_code
        for n in range(1, FAILED_LOOKUPS_LIMIT + 3)
    ]

    assert statuses[-2:] == [429, 429]
    assert _api_read(Client(REMOTE_ADDR="2001:db8:1:2:ffff::9"), case.tracking_id, secret).status_code == 429
    assert _api_read(Client(REMOTE_ADDR="2001:db8:1:3::1"), case.tracking_id, secret).status_code == 200
