"""The sign-in as a person goes through it, over HTTP: password, then the enrolment page or the code."""

from __future__ import annotations

import re

import pyotp
from django.http import HttpResponse as Response
from django.test import Client

from simadu.core import clock
from tests.factories import PASSWORD

KEY = re.compile(r'<code id="totp-key">([A-Z2-7 ]+)</code>')
ENROL = "/staf/masuk/pasang-kode"
CODE = "/staf/masuk/kode"


def password_step(client: Client, username: str, password: str = PASSWORD, next_url: str = "") -> Response:
    data = {"username": username, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post("/staf/masuk", data)


def key_on_page(page: Response) -> str:
    """The key shown under the QR code, without the spaces that group it."""
    found = KEY.search(page.content.decode())
    assert found, "no key on the enrolment page"
    return found.group(1).replace(" ", "")


def code_for(key: str, *, steps_later: int = 0) -> str:
    totp = pyotp.TOTP(key)
    return totp.generate_otp(totp.timecode(clock.now()) + steps_later)


def enrol(client: Client, username: str) -> tuple[str, Response]:
    """First sign-in: password, read the key off the enrolment page, send its code. Returns key and answer."""
    assert password_step(client, username)["Location"].startswith(ENROL)
    key = key_on_page(client.get(ENROL))
    return key, client.post(ENROL, {"code": code_for(key)})
