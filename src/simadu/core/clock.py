"""The one clock. Everything that asks "what time is it?" asks here, so tests can freeze it."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")
WIT = ZoneInfo("Asia/Jayapura")
ZONES = {"WIB": WIB, "WITA": WITA, "WIT": WIT}


def now() -> dt.datetime:
    return timezone.now()
