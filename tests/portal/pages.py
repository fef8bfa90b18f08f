"""Helpers for the public-page tests: the report form as a browser without JavaScript sends it."""

from __future__ import annotations

import re
import struct
import zlib
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

CHRONOLOGY = "Sudah tiga bulan gaji saya di PT Contoh Makmur Bekasi belum dibayar sama sekali."


def form_data(**overrides: Any) -> dict[str, Any]:
    """What the report form posts when a reporter fills the chronology and leaves the rest as it is."""
    data: dict[str, Any] = {
        "channel": "",
        "title": "",
        "text": CHRONOLOGY,
        "incident_date": "",
        "province_code": "",
        "regency_code": "",
        "location_detail": "",
        "reported_party": "",
        "reporter_type": "public",
        "name": "",
        "email": "",
        "phone": "",
    }
    data.update(overrides)
    return data


def png(name: str = "bukti.png") -> SimpleUploadedFile:
    """A real one-pixel PNG."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    data = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )
    return SimpleUploadedFile(name, data, content_type="image/png")


def field_error(html: str, field: str) -> str:
    """The text of the error shown next to one field ("" when there is none)."""
    match = re.search(rf'id="id_{field}_error">(.*?)</div>', html, re.DOTALL)
    return re.sub(r"<[^>]+>", " ", match.group(1)) if match else ""


def receipt_codes(html: str) -> tuple[str, str]:
    """The tracking id and secret as the receipt page shows them."""
    tracking_id = re.search(r'id="tracking-id">([^<]+)<', html)
    secret = re.search(r'id="secret">([^<]+)<', html)
    assert tracking_id, "the receipt shows no tracking id"
    assert secret, "the receipt shows no secret"
    return tracking_id.group(1).strip(), secret.group(1).strip()


def open_case(client: Client, tracking_id: str, secret: str) -> Any:
    """Look a report up on /lacak and follow to its page, as a reporter does."""
    return client.post("/lacak", {"tracking_id": tracking_id, "secret": secret}, follow=True)
