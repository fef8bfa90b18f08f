"""How a deadline reads to people: working days left (negative when overdue)."""

from __future__ import annotations

import datetime as dt

from simadu.core import clock
from simadu.core.clock import WIB
from simadu.core.workdays import working_days_between


def working_days_left(due: dt.datetime | None, now: dt.datetime | None = None) -> int | None:
    if due is None:
        return None
    today = (now or clock.now()).astimezone(WIB).date()
    return working_days_between(today, due.astimezone(WIB).date())
