"""Files made to attack staff or the server are refused at the door, or stored only as a clean rebuild.

An attacker who wants a verifier's browser to run a script, or the server to run out of memory, sends a
file that pretends to be evidence: a web page named .jpg, an SVG, a file whose first bytes are a photo's
and the rest a web page, a truncated photo, a zip or image bomb. Through the report form and the API,
each is refused with a plain reason before anything of the report is saved; the few that are real files
with something hidden after their end are accepted, and what is stored and downloaded is the rebuilt
file, without the hidden part, always as a download.
"""

from __future__ import annotations

import io
import struct
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from simadu.cases.models import Attachment, Case
from simadu.confidentiality.attachments import attachment_read
from tests.confidentiality import evidence_files as ev
from tests.factories import login_staff
from tests.portal.pages import field_error, form_data

REPORTS = "/api/v1/reports"
SCRIPT = b"<script>alert(document.cookie)</script>"
HTML = b"<!doctype html><html><body>" + SCRIPT + b"</body></html>"
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
JPEG_HEAD = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"

NOT_ALLOWED = "tidak dapat diterima. Kirim foto"
UNREADABLE = "rusak atau isinya tidak sesuai dengan jenisnya"

REFUSED = [
    pytest.param("bukti.jpg", lambda: HTML, "file_type_not_allowed", NOT_ALLOWED, id="HTML named .jpg"),
    pytest.param("gambar.svg", lambda: SVG, "file_type_not_allowed", NOT_ALLOWED, id="SVG with a script"),
    pytest.param("gambar.png", lambda: SVG, "file_type_not_allowed", NOT_ALLOWED, id="SVG named .png"),
    pytest.param(
        "foto.jpg",
        lambda: b"GIF89a/*\x00\x00*/=1;alert(1);//",
        "file_type_not_allowed",
        NOT_ALLOWED,
        id="GIF/JS polyglot",
    ),
    pytest.param(
        "foto.jpg", lambda: JPEG_HEAD + HTML, "file_unreadable", UNREADABLE, id="JPEG header then HTML"
    ),
    pytest.param(
        "foto.png",
        lambda: b"\x89PNG\r\n\x1a\n" + HTML,
        "file_unreadable",
        UNREADABLE,
        id="PNG signature then HTML",
    ),
    pytest.param(
        "surat.pdf", lambda: b"%PDF-1.7\n" + HTML, "file_unreadable", UNREADABLE, id="PDF header then HTML"
    ),
    pytest.param(
        "suara.mp3",
        lambda: b"ID3\x03\x00\x00\x00\x00\x00\x00" + HTML,
        "file_unreadable",
        UNREADABLE,
        id="ID3 then HTML",
    ),
    pytest.param(
        "video.mp4",
        lambda: b"\x00\x00\x00\x18ftypisom" + HTML,
        "file_unreadable",
        UNREADABLE,
        id="MP4 header then HTML",
    ),
    pytest.param(
        "dokumen.docx",
        lambda: ev.docx_with_creator()[:-100],
        "file_unreadable",
        UNREADABLE,
        id="truncated Word file",
    ),
    pytest.param(
        "foto.jpg", lambda: ev.jpeg_with_gps()[:-200], "file_unreadable", UNREADABLE, id="truncated JPEG"
    ),
    pytest.param(
        "dokumen.docx",
        lambda: ev.docx_zip_bomb(210),
        "file_too_large",
        "terlalu besar setelah dibuka",
        id="zip bomb .docx",
    ),
    pytest.param(
        "foto.png",
        lambda: ev.png_bomb(20_000),
        "file_too_large",
        "terlalu besar untuk diproses",
        id="PNG bomb",
    ),
    pytest.param(
        "foto.png",
        lambda: ev.png_bomb(9_000),
        "file_too_large",
        "terlalu besar untuk diproses",
        id="PNG of 81 megapixels",
    ),
]

HIDDEN_AFTER_THE_END = [
    pytest.param("foto.jpg", lambda: ev.jpeg_with_gps() + HTML, id="JPEG with HTML after its end"),
    pytest.param("surat.pdf", lambda: ev.pdf_with_author() + HTML, id="PDF with HTML after its end"),
    pytest.param("rekaman.mp3", lambda: ev.mp3_with_id3()[:-128] + HTML, id="MP3 with HTML after its frames"),
    pytest.param(
        "video.mp4", lambda: ev.mp4_with_gps() + _box(b"free", HTML), id="MP4 with HTML in a padding box"
    ),
    pytest.param("foto.jpg", lambda: _jpeg_with_comment(HTML), id="JPEG with HTML in its comment"),
]


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def _jpeg_with_comment(comment: bytes) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(out, "JPEG", comment=comment)
    return out.getvalue()


def _filed_report(api: Client) -> tuple[str, str]:
    text = "Sudah tiga bulan gaji saya di PT Contoh Makmur Bekasi belum dibayar."
    response = api.post(REPORTS, {"text": text}, content_type="application/json")
    assert response.status_code == 201
    return response.json()["tracking_id"], response.json()["secret"]


def _api_upload(api: Client, name: str, data: bytes) -> tuple[str, Any]:
    tracking_id, secret = _filed_report(api)
    upload = SimpleUploadedFile(name, data, content_type="application/octet-stream")
    response = api.post(
        f"{REPORTS}/{tracking_id}/attachments", {"files": [upload]}, HTTP_X_REPORT_SECRET=secret
    )
    return tracking_id, response


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "build", "code", "message"), REFUSED)
def test_a_hostile_file_in_the_report_form_is_refused_in_plain_words_and_files_nothing(
    client, name, build, code, message
):
    """The form answers 422 with the reason next to the evidence field, names the file, and no report is
    filed (the file was checked before anything was saved)."""
    upload = SimpleUploadedFile(name, build(), content_type="image/jpeg")

    response = client.post("/lapor", {**form_data(), "files": [upload]})

    assert response.status_code == 422
    shown = field_error(response.content.decode(), "files")
    assert message in shown
    assert name in shown
    assert Case.objects.count() == 0
    assert Attachment.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "build", "code", "message"), REFUSED)
def test_a_hostile_file_sent_to_the_api_is_a_422_with_its_code_and_stores_nothing(
    api, name, build, code, message
):
    """The reporter API refuses the same files with 422, the error code and the same plain message."""
    tracking_id, response = _api_upload(api, name, build())

    assert response.status_code == 422
    assert response.json()["code"] == code
    assert message in response.json()["detail"]
    assert not Attachment.objects.filter(case__tracking_id=tracking_id).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "build"), HIDDEN_AFTER_THE_END)
def test_a_real_file_with_a_page_hidden_after_its_end_is_stored_and_served_only_rebuilt(
    api, staff, media_root, name, build
):
    """A genuine photo, letter or recording with a web page glued after its end is evidence like any other,
    but the stored copy is the rebuilt file: the page is not in it, and staff get it as a download the
    browser may not sniff or render."""
    tracking_id, response = _api_upload(api, name, build())
    assert response.status_code == 201, response.json()
    case = Case.objects.get(tracking_id=tracking_id)
    attachment = Attachment.objects.get(case=case)
    verifier = login_staff(Client(), staff["verifier"])

    download = verifier.get(f"/staf/kasus/{tracking_id}/lampiran/{attachment.pk}")
    _, _, stored = attachment_read(actor=staff["verifier"], case=case, attachment=attachment)

    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"
    for blob in (stored, download.content):
        assert b"<script" not in blob.lower()
        assert b"<html" not in blob.lower()
