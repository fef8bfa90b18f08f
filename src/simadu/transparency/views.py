"""/statistik: the public counts as bars drawn with HTML and CSS, and the same numbers as a table.

Only what `transparency.selectors.public_statistics` answers is shown: counts, never
report text; WBS reports appear only in the total and the count of their channel.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from simadu.cases.models import Channel
from simadu.cases.workflow import Status
from simadu.transparency.selectors import public_statistics
from simadu.triage.models import Category


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    width: int  # percent of the longest bar of its chart, in steps of 5 (a CSS class, no inline style)


def _bars(rows: list[tuple[str, int]]) -> list[Bar]:
    top = max((n for _, n in rows), default=0)
    bars = []
    for label, n in rows:
        width = 0 if not top or not n else max(5, round(n * 20 / top) * 5)
        bars.append(Bar(label, n, width))
    return bars


@require_GET
def statistics(request: HttpRequest) -> HttpResponse:
    stats = public_statistics()
    english = (get_language() or "").startswith("en")
    names = {
        c.slug: (c.name_en if english and c.name_en else c.name)
        for c in Category.objects.filter(slug__in=list(stats.by_category)).only("slug", "name", "name_en")
    }
    by_category = sorted(
        ((names.get(slug, slug), n) for slug, n in stats.by_category.items()),
        key=lambda row: (-row[1], row[0]),
    )
    return render(
        request,
        "transparency/statistics.html",
        {
            "stats": stats,
            "by_channel": _bars(
                [(str(label), stats.by_channel.get(value, 0)) for value, label in Channel.choices]
            ),
            "by_status": _bars(
                [
                    (str(label), stats.by_status[value])
                    for value, label in Status.choices
                    if value in stats.by_status
                ]
            ),
            "by_category": _bars(by_category),
        },
    )
