"""No traces: a reporter's network address and browser never reach a log, a table, the cache or a file.

product.md: WBS stores "no IP address or browser fingerprint"; the same holds for every anonymous
reporter. Reports are filed through the portal form and the API and followed up at every reporter door,
with a client address, forwarding headers and a browser string set; every log record at every level
(including each SQL statement with its parameters), every column of every table, the cache and the
evidence store are then searched for them.
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import sys

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from simadu.cases.models import Case
from tests.portal.pages import form_data, png, receipt_codes

CLIENT_IP = "203.0.113.99"
FORWARDED = ("198.51.100.77", "192.0.2.55")
REAL_IP = "192.0.2.66"
USER_AGENT = "Mozilla/5.0 (Linux; Android 10; SM-A105F) JejakPeramban/4471 Mobile"
TRACES = (CLIENT_IP, *FORWARDED, REAL_IP, "JejakPeramban", "SM-A105F")
HEADERS = {
    "REMOTE_ADDR": CLIENT_IP,
    "HTTP_X_FORWARDED_FOR": ", ".join(FORWARDED),
    "HTTP_X_REAL_IP": REAL_IP,
    "HTTP_FORWARDED": f"for={FORWARDED[0]};proto=https",
    "HTTP_USER_AGENT": USER_AGENT,
}


def _traces_in(text: bytes | str) -> list[str]:
    haystack = text.lower() if isinstance(text, str) else text.decode("utf-8", "replace").lower()
    return [trace for trace in TRACES if trace.lower() in haystack]


def _every_value_of_every_table() -> bytes:
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608  # names from introspection
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, bytes | bytearray | memoryview):
                        chunks.append(bytes(value))
                    elif value is not None:
                        chunks.append(
                            json.dumps(value, default=str).encode()
                            if isinstance(value, dict | list)
                            else str(value).encode()
                        )
    return b"\x00".join(chunks)


_STANDARD_ATTRIBUTES = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


def _log_text(records: list[logging.LogRecord]) -> str:
    """Everything a handler could write: the message with its arguments, the traceback, and the extras
    (a `request` passed as extra shows as its repr, as a formatter or an error mail would use it)."""
    parts = []
    for record in records:
        parts.append(record.getMessage())
        parts.extend(str(part) for part in (record.exc_text, record.stack_info) if part)
        if record.exc_info and record.exc_info[1] is not None:
            parts.append(repr(record.exc_info[1]))
        parts.extend(repr(value) for key, value in vars(record).items() if key not in _STANDARD_ATTRIBUTES)
    return "\n".join(parts)


def _cache_contents() -> list[str]:
    """Every key and value of the cache the rate limits write to: the per-process one of the tests, or Redis."""
    store = getattr(cache, "_cache", None)
    if isinstance(store, dict):  # LocMemCache
        return [f"{key} {pickle.loads(value)!r}" for key, value in store.items()]  # noqa: S301  # written by this test
    client = store.get_client(write=False)  # type: ignore[union-attr]  # RedisCache
    return [f"{key!r} {client.get(key)!r}" for key in client.scan_iter()]


@pytest.fixture
def every_log(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """Every logger at DEBUG, so a record that any configured level would drop is still seen here."""
    caplog.set_level(logging.DEBUG)
    for name in list(logging.root.manager.loggerDict):
        caplog.set_level(logging.DEBUG, logger=name)
    return caplog


@pytest.mark.django_db
@pytest.mark.parametrize("proxy_header", ["", "X-Real-IP"], ids=["direct", "behind a proxy"])
def test_a_reporters_address_and_browser_are_nowhere_after_reporting_and_following_up(
    proxy_header, settings, media_root, every_log
):
    """Given a client with an address, forwarding headers and a browser string, when it files an anonymous
    report and a WBS report through the form and through the API, attaches evidence, opens its reports,
    writes, downloads the receipt and mistypes a secret a few times, then none of those strings is in any
    log record (SQL with its parameters included), any column of any table, the cache or the evidence store."""
    settings.SIMADU_RATE_LIMITS = True
    settings.SIMADU_CLIENT_IP_HEADER = proxy_header
    client = Client(**HEADERS)
    filed: list[tuple[str, str]] = []

    with CaptureQueriesContext(connection):  # every statement is logged at DEBUG with its parameters
        for fields in (
            {"anonymous": "on", "channel": "lapor", "email": "pekerja.anonim@contoh.id"},
            {"channel": "wbs", "title": "Amplop di ruang rapat"},
        ):
            page = client.post("/lapor", {**form_data(**fields), "files": [png()]})
            assert page.status_code == 200, page.content[:300]
            filed.append(receipt_codes(page.content.decode()))
        for n, body in enumerate(
            (
                {"text": "Upah lembur tidak dibayar tiga bulan.", "anonymous": True},
                {"text": "Pejabat meminta uang pelicin untuk izin.", "channel": "wbs"},
            )
        ):
            answer = client.post(
                "/api/v1/reports",
                json.dumps(body),
                content_type="application/json",
                HTTP_IDEMPOTENCY_KEY=f"kunci-{n}",
            )
            assert answer.status_code == 201, answer.content
            filed.append((answer.json()["tracking_id"], answer.json()["secret"]))

        for tracking_id, secret in filed:
            assert client.post("/lacak", {"tracking_id": tracking_id, "secret": secret}).status_code == 302
            assert (
                client.post(f"/lacak/{tracking_id}/pesan", {"text": "Saya tambahkan keterangan."}).status_code
                == 302
            )
            assert (
                client.get(f"/api/v1/reports/{tracking_id}", HTTP_X_REPORT_SECRET=secret).status_code == 200
            )
            reply = client.post(
                f"/api/v1/reports/{tracking_id}/messages",
                json.dumps({"text": "Keterangan lewat aplikasi."}),
                content_type="application/json",
                HTTP_X_REPORT_SECRET=secret,
            )
            assert reply.status_code == 201
            assert (
                client.post("/tanda-terima", {"tracking_id": tracking_id, "secret": secret}).status_code
                == 200
            )
            assert (
                client.get(
                    f"/api/v1/reports/{tracking_id}", HTTP_X_REPORT_SECRET="AAAAA-BBBBB-CCCCC-DDDDD"
                ).status_code
                == 404
            )
        assert client.get("/lacak/SMD-0000-0000").status_code == 302
        assert client.get("/statistik").status_code == 200

    assert Case.objects.count() == 4
    assert {c.channel for c in Case.objects.all()} == {"lapor", "wbs"}
    logged = _log_text(every_log.records)
    assert filed[0][0] in logged, "the capture must see the requests' SQL, or it proves nothing"
    assert _traces_in(logged) == []

    everything = _every_value_of_every_table()
    assert filed[0][0].encode() in everything
    assert _traces_in(everything) == []

    cached = _cache_contents()
    assert cached, "the rate-limit counters are in the cache"
    assert _traces_in("\n".join(cached)) == []

    stored = [path.read_bytes() for path in media_root.rglob("*") if path.is_file()]
    assert stored, "the evidence was stored"
    assert all(_traces_in(data) == [] for data in stored)


@pytest.mark.django_db
def test_simadu_serve_starts_gunicorn_without_an_access_log(monkeypatch, tmp_path):
    """`simadu serve` runs gunicorn with no access log (decision 0005): read back through gunicorn's own
    configuration, as gunicorn will read it, including GUNICORN_CMD_ARGS and a gunicorn.conf.py in the
    working folder, the access log is off and nothing is sent to syslog."""
    from gunicorn.app.wsgiapp import WSGIApplication

    started: list[list[str]] = []

    def exec_instead(path: str, argv: list[str]) -> None:
        started.append(argv)

    monkeypatch.setattr(os, "execv", exec_instead)
    monkeypatch.chdir(tmp_path)
    call_command("serve", "--no-demo", "--port", "8765")
    assert len(started) == 1
    argv = started[0]
    assert not [a for a in argv if "access" in a], argv

    monkeypatch.setattr(sys, "argv", [argv[0], *argv[1:]])
    config = WSGIApplication("%(prog)s [OPTIONS] [APP_MODULE]").cfg
    assert config.accesslog is None
    assert config.syslog is False
    assert config.errorlog == "-"
