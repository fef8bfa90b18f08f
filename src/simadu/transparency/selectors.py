"""Public aggregates. Counts only: no text, no names, nothing that identifies anyone.

WBS and confidential (*rahasia*) reports count in the total and in the count of
their channel, never in any other breakdown (their category or status could point
at a person).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count

from simadu.cases.models import Case, Channel
from simadu.core import clock


@dataclass(frozen=True)
class PublicStatistics:
    total: int
    by_channel: dict[str, int]
    by_status: dict[str, int]
    by_category: dict[str, int]
    generated_at: dt.datetime


def public_statistics() -> PublicStatistics:
    by_channel = dict.fromkeys(Channel.values, 0)
    for row in Case.objects.values("channel").annotate(n=Count("pk")).order_by():
        by_channel[row["channel"]] = row["n"]
    countable = Case.objects.exclude(channel=Channel.WBS).exclude(confidential=True)
    by_status = {r["status"]: r["n"] for r in countable.values("status").annotate(n=Count("pk")).order_by()}
    by_category = {
        r["category_id"]: r["n"] for r in countable.values("category_id").annotate(n=Count("pk")).order_by()
    }
    return PublicStatistics(sum(by_channel.values()), by_channel, by_status, by_category, clock.now())
