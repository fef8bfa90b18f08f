"""The reporting API as contracts.md fixes it: what scripts and a mobile app outside the code rely on."""

from __future__ import annotations

import datetime as dt
import json
import re
import struct
import zlib
from pathlib import Path

import pytest
from django.db import connection

from simadu.cases.models import Case, CaseEvent
from simadu.core import ids
from tests.api.conftest import post_json

REPORTS = "/api/v1/reports"
WAGES = "Sudah tiga bulan gaji saya di PT Contoh Makmur Bekasi belum dibayar."
BRIBE = "Kepala seksi di kantor pusat meminta uang pelicin sepuluh juta untuk meloloskan izin."
TRACKING_ID = re.compile(r"^SMD-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")
OTHER_CLIENT = {"REMOTE_ADDR": "10.20.30.40"}


def _file(client, body, **headers):
    return post_json(client, REPORTS, body, **headers)


def _png() -> bytes:
    """A real 1×1 PNG, made here so the test carries no binary fixture."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


# ---- filing a report ------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_filed_report_answers_201_with_tracking_id_secret_status_and_channel(api):
    """The receipt carries at least tracking_id, secret, status "received" and the channel."""
    response = _file(api, {"text": WAGES, "channel": "lapor", "title": "Gaji belum dibayar"})
    assert response.status_code == 201
    body = response.json()
    assert TRACKING_ID.match(body["tracking_id"])
    assert body["secret"]
    assert body["status"] == "received"
    assert body["channel"] == "lapor"
    assert Case.objects.filter(tracking_id=body["tracking_id"]).count() == 1


@pytest.mark.django_db
def test_triage_suggests_a_channel_when_the_reporter_chose_none(api):
    """Without a channel the answer still names one of the three."""
    body = _file(api, {"text": WAGES}).json()
    assert body["channel"] in ("helpdesk", "lapor", "wbs")


@pytest.mark.django_db
def test_tracking_ids_are_not_sequential_and_carry_a_check_symbol(api):
    """Two reports filed one after the other have ids that differ in more than the last symbol, each valid."""
    first = _file(api, {"text": WAGES}).json()["tracking_id"]
    second = _file(api, {"text": WAGES + " Mohon dibantu."}).json()["tracking_id"]
    assert first != second
    assert first[:-1] != second[:-1]
    for tid in (first, second):
        assert TRACKING_ID.match(tid)
        assert ids.canonical_tracking_id(tid) == tid
        mistyped = tid[:-1] + ("0" if tid[-1] != "0" else "1")
        assert ids.canonical_tracking_id(mistyped) is None


@pytest.mark.django_db(transaction=True)
def test_the_secret_is_stored_nowhere_in_plain_text(api):
    """Neither any column of any case row nor the bytes of the database file hold the secret."""
    response = _file(api, {"text": WAGES, "reporter": {"name": "Siti", "email": "siti@example.com"}})
    assert response.status_code == 201, response.content
    secret = response.json()["secret"]
    forms = {secret, ids.normalize(secret), secret.lower()}

    for case in Case.objects.all():
        for field in Case._meta.concrete_fields:
            value = getattr(case, field.attname)
            raw = bytes(value) if isinstance(value, bytes | memoryview) else str(value).encode()
            assert not any(form.encode() in raw for form in forms), field.name
    for event in CaseEvent.objects.all():
        assert not any(form in json.dumps(event.data) + event.body for form in forms)

    if connection.vendor == "sqlite":
        connection.close()  # checkpoint the write-ahead log into the file, then read every byte
        path = Path(connection.settings_dict["NAME"])
        files = [p for p in (path, Path(f"{path}-wal"), Path(f"{path}-journal")) if p.exists()]
        assert files
        for file in files:
            data = file.read_bytes()
            assert not any(form.encode() in data for form in forms), file.name


@pytest.mark.django_db
def test_the_same_idempotency_key_and_body_file_one_report(api):
    """A retried submission (same Idempotency-Key, same body) answers the same tracking id and files nothing new."""
    body = {"text": WAGES, "channel": "lapor"}
    first = _file(api, body, HTTP_IDEMPOTENCY_KEY="ponsel-7f3a-0001")
    again = _file(api, body, HTTP_IDEMPOTENCY_KEY="ponsel-7f3a-0001")
    assert first.status_code == 201
    assert again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json()["tracking_id"] == first.json()["tracking_id"]
    assert again.json()["secret"] == first.json()["secret"]  # the retry may be the only answer that arrived
    assert Case.objects.count() == 1


@pytest.mark.django_db
def test_the_same_idempotency_key_with_another_body_is_a_409(api):
    """A key reused for a different report is a conflict, and the second report is not filed."""
    _file(api, {"text": WAGES}, HTTP_IDEMPOTENCY_KEY="ponsel-7f3a-0002")
    response = _file(api, {"text": WAGES + " Ini laporan lain."}, HTTP_IDEMPOTENCY_KEY="ponsel-7f3a-0002")
    assert response.status_code == 409
    assert response.json()["code"] == "idempotency_key_reused"
    assert Case.objects.count() == 1


# ---- tracking -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_wrong_secret_and_an_unknown_id_get_byte_identical_404s(api):
    """Nobody can tell from the answer whether a tracking id exists."""
    tid = _file(api, {"text": WAGES}).json()["tracking_id"]
    wrong_secret = api.get(f"{REPORTS}/{tid}", HTTP_X_REPORT_SECRET="AAAAA-BBBBB-CCCCC-DDDDD")
    unknown_id = api.get(f"{REPORTS}/SMD-0000-0000", HTTP_X_REPORT_SECRET="AAAAA-BBBBB-CCCCC-DDDDD")
    no_secret = api.get(f"{REPORTS}/{tid}")
    assert wrong_secret.status_code == unknown_id.status_code == 404
    assert wrong_secret.content == unknown_id.content
    assert wrong_secret.json()["code"] == "not_found"
    assert no_secret.status_code in (404, 422)


@pytest.mark.django_db
def test_guessing_secrets_is_stopped_without_locking_out_the_real_reporter(api):
    """25 wrong secrets from one client end in 429; the right secret from another client still works."""
    body = _file(api, {"text": WAGES}).json()
    tid, secret = body["tracking_id"], body["secret"]

    answers = [
        api.get(f"{REPORTS}/{tid}", HTTP_X_REPORT_SECRET=f"SALAH-{n:05d}").status_code for n in range(25)
    ]
    assert answers[0] == 404
    assert answers[-1] == 429
    assert api.get(f"{REPORTS}/{tid}", HTTP_X_REPORT_SECRET="SALAH-99999").json()["code"] == "rate_limited"
    assert api.get(f"{REPORTS}/{tid}", HTTP_X_REPORT_SECRET=secret).status_code == 429
    assert api.get(f"{REPORTS}/{tid}", HTTP_X_REPORT_SECRET=secret, **OTHER_CLIENT).status_code == 200


@pytest.mark.django_db
def test_with_rate_limits_off_nothing_is_answered_429(api, settings):
    """SIMADU_RATE_LIMITS=off (load tests on loopback) turns the per-client limits off."""
    settings.SIMADU_RATE_LIMITS = False
    tid = _file(api, {"text": WAGES}).json()["tracking_id"]
    answers = {
        api.get(f"{REPORTS}/{tid}", HTTP_X_REPORT_SECRET=f"SALAH-{n:05d}").status_code for n in range(25)
    }
    assert answers == {404}


# ---- bad input: always 4xx {"detail", "code"}, never a case ---------------------------------

NEXT_MONTH = (dt.datetime.now(tz=dt.UTC).date() + dt.timedelta(days=30)).isoformat()
BAD_INPUTS = [
    ("malformed JSON", '{"text": "gaji belum dibayar",'),
    ("empty text", {"text": ""}),
    ("text of wrong type", {"text": 12345678901}),
    ("unknown channel", {"text": WAGES, "channel": "twitter"}),
    ("2 MB title", {"text": WAGES, "title": "J" * (2 * 1024 * 1024)}),
    ("title of 201 characters", {"text": WAGES, "title": "J" * 201}),
    ("unknown province", {"text": WAGES, "province_code": "99"}),
    ("regency not in province", {"text": WAGES, "province_code": "31", "regency_code": "32.16"}),
    ("bad email", {"text": WAGES, "reporter": {"email": "siti-at-example"}}),
    ("incident date in the future", {"text": WAGES, "incident_date": NEXT_MONTH}),
    ("JSON array body", [{"text": WAGES}]),
    ("null body", None),
    ("reporter not an object", {"text": WAGES, "reporter": "Siti Aminah"}),
    ("anonymous not a bool", {"text": WAGES, "anonymous": "yes"}),
    ("3 MB body", {"text": WAGES * (3 * 1024 * 1024 // len(WAGES))}),
    # Beyond the list of the contract: inputs that reached the database and failed there.
    ("6 MB body, over the request limit", {"text": WAGES * (6 * 1024 * 1024 // len(WAGES))}),
    ("text with a NUL character", {"text": WAGES + "\u0000"}),
    ("title with a lone surrogate", '{"text": "' + WAGES + '", "title": "gaji \\ud800"}'),
    ("body not UTF-8", '{"text": "gaji saya belum dibayar, \xe9t\xe9"}'.encode("latin-1")),
    ("arrays nested 5000 deep", "[" * 5000 + "]" * 5000),
]


@pytest.mark.django_db
@pytest.mark.parametrize("body", [b for _, b in BAD_INPUTS], ids=[name for name, _ in BAD_INPUTS])
def test_bad_input_is_a_4xx_in_the_error_shape_and_files_nothing(api, body):
    """Every malformed submission is refused with {"detail", "code"} and a 4xx status; no case is filed."""
    raw = body if isinstance(body, str | bytes) else json.dumps(body)
    response = api.post(REPORTS, raw, content_type="application/json")
    assert 400 <= response.status_code < 500, response.content[:300]
    answer = response.json()
    assert isinstance(answer["detail"], str)
    assert answer["detail"]
    assert isinstance(answer["code"], str)
    assert answer["code"]
    assert not Case.objects.exists()


# ---- messages and attachments ---------------------------------------------------------------


@pytest.fixture
def filed(api):
    body = _file(api, {"text": WAGES}).json()
    return body["tracking_id"], body["secret"]


@pytest.mark.django_db
def test_a_reporter_adds_a_message_with_the_secret(api, filed):
    """The reporter's message is taken (201) and shows in their own view."""
    tid, secret = filed
    url = f"{REPORTS}/{tid}/messages"
    response = post_json(
        api, url, {"text": "Nama perusahaannya PT Contoh Makmur."}, HTTP_X_REPORT_SECRET=secret
    )
    assert response.status_code == 201
    view = api.get(f"{REPORTS}/{tid}", HTTP_X_REPORT_SECRET=secret).json()
    assert "Nama perusahaannya PT Contoh Makmur." in [e["text"] for e in view["timeline"]]


@pytest.mark.django_db
def test_an_empty_message_is_a_422_and_a_wrong_secret_a_404(api, filed):
    """Messages need words, and the right secret."""
    tid, secret = filed
    url = f"{REPORTS}/{tid}/messages"
    empty = post_json(api, url, {"text": "  "}, HTTP_X_REPORT_SECRET=secret)
    wrong = post_json(
        api, url, {"text": "Tambahan keterangan."}, HTTP_X_REPORT_SECRET="AAAAA-BBBBB-CCCCC-DDDDD"
    )
    assert empty.status_code == 422
    assert empty.json()["code"]
    assert wrong.status_code == 404
    assert wrong.json()["code"] == "not_found"
    assert not CaseEvent.objects.filter(kind="reporter_message").exists()


def _upload(api, tid, secret, name, data, content_type):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(name, data, content_type=content_type)
    return api.post(f"{REPORTS}/{tid}/attachments", {"files": [upload]}, HTTP_X_REPORT_SECRET=secret)


@pytest.mark.django_db
def test_a_photo_is_accepted_as_evidence(api, filed):
    """A PNG goes in (201) and is stored, encrypted, on the case."""
    tid, secret = filed
    response = _upload(api, tid, secret, "bukti.png", _png(), "image/png")
    assert response.status_code == 201, response.json()
    assert Case.objects.get(tracking_id=tid).attachments.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("x.png", b"<!doctype html><html><script>alert(1)</script></html>", "image/png"),
        (
            "gambar.svg",
            b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "image/svg+xml",
        ),
    ],
    ids=["HTML disguised as PNG", "SVG"],
)
def test_files_that_could_run_in_a_browser_are_refused(api, filed, name, data, content_type):
    """A disguised HTML page and an SVG are refused with 422, and nothing is stored."""
    tid, secret = filed
    response = _upload(api, tid, secret, name, data, content_type)
    assert response.status_code == 422
    assert response.json()["code"] == "file_type_not_allowed"
    assert not Case.objects.get(tracking_id=tid).attachments.exists()


@pytest.mark.django_db
def test_a_file_over_the_size_limit_is_refused(api, filed, settings):
    """A file larger than SIMADU_MAX_UPLOAD_BYTES is a 422 with code file_too_large."""
    settings.SIMADU_MAX_UPLOAD_BYTES = 1024
    tid, secret = filed
    big = _png() + b"\x00" * 2048
    response = _upload(api, tid, secret, "besar.png", big, "image/png")
    assert response.status_code == 422
    assert response.json()["code"] == "file_too_large"
    assert not Case.objects.get(tracking_id=tid).attachments.exists()


# ---- statistics -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_statistics_count_each_report_and_show_no_wbs_detail(api):
    """total grows by one per report; WBS words never appear; categories count no WBS report."""
    before = api.get("/api/v1/statistics").json()["total"]
    _file(api, {"text": WAGES, "channel": "lapor"})
    after_one = api.get("/api/v1/statistics").json()
    _file(api, {"text": BRIBE, "title": "Uang pelicin izin", "channel": "wbs"})
    after_two = api.get("/api/v1/statistics")

    assert after_one["total"] == before + 1
    stats = after_two.json()
    assert stats["total"] == before + 2
    assert stats["by_channel"]["wbs"] == 1
    assert sum(stats["by_category"].values()) == stats["total"] - stats["by_channel"]["wbs"]
    page = after_two.content.decode()
    for word in ("pelicin", "Kepala seksi", "Uang pelicin izin"):
        assert word not in page
