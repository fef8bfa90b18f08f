"""GET /api/v1/statistics: public aggregates."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from ninja import Router, Schema

from simadu.transparency.selectors import PublicStatistics, public_statistics

router = Router(tags=["transparency"])


class StatisticsOut(Schema):
    total: int
    by_channel: dict[str, int]
    by_status: dict[str, int]
    by_category: dict[str, int]
    generated_at: dt.datetime


@router.get(
    "", response=StatisticsOut, operation_id="public_statistics", summary="Statistik publik", auth=None
)
def statistics(request: HttpRequest) -> PublicStatistics:
    """Counts of reports received: total, by channel; by status and category without WBS."""
    return public_statistics()
