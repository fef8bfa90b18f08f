"""Which SLA policy row governs a stage of a case: the most specific active row wins.

A row with a blank channel or report type, or no supervisory value, matches any case; a row
that names more of them is more specific. With no row at all (a flushed test database, an
administrator who deleted the defaults) the built-in defaults of `defaults.SLA_POLICY` apply,
as an unsaved row.
"""

from __future__ import annotations

from simadu.deadlines import defaults
from simadu.deadlines.models import DayOff, SlaPolicy


def _specificity(row_channel: str, row_type: str, row_supervisory: bool | None) -> int:
    return bool(row_channel) + bool(row_type) + (row_supervisory is not None)


def _matches(
    row_channel: str,
    row_type: str,
    row_supervisory: bool | None,
    *,
    channel: str,
    report_type: str,
    supervisory: bool,
) -> bool:
    return (
        (not row_channel or row_channel == channel)
        and (not row_type or row_type == report_type)
        and (row_supervisory is None or row_supervisory == supervisory)
    )


def policy_for(*, stage: str, channel: str, report_type: str, supervisory: bool) -> SlaPolicy:
    """The policy of `stage` for a case of this channel, report type and supervisory flag.

    Ties between equally specific rows go to the one naming the channel, then the supervisory
    flag, then the report type (a supervisory information request keeps the 60 days of a
    supervisory complaint), then the lowest id.
    """
    rows = [
        row
        for row in SlaPolicy.objects.filter(stage=stage, active=True).order_by("pk")
        if _matches(
            row.channel,
            row.report_type,
            row.supervisory,
            channel=channel,
            report_type=report_type,
            supervisory=supervisory,
        )
    ]
    if rows:
        return max(
            rows,
            key=lambda r: (
                _specificity(r.channel, r.report_type, r.supervisory),
                bool(r.channel),
                r.supervisory is not None,
                bool(r.report_type),
                -r.pk,
            ),
        )
    return _default_for(stage=stage, channel=channel, report_type=report_type, supervisory=supervisory)


def _default_for(*, stage: str, channel: str, report_type: str, supervisory: bool) -> SlaPolicy:
    candidates = [
        row
        for row in defaults.SLA_POLICY
        if row[0] == stage
        and _matches(
            row[1], row[2], row[3], channel=channel, report_type=report_type, supervisory=supervisory
        )
    ]
    if not candidates:
        raise LookupError(f"no SLA policy for stage {stage!r}")
    best = max(
        candidates,
        key=lambda r: (_specificity(r[1], r[2], r[3]), bool(r[1]), r[3] is not None, bool(r[2])),
    )
    stage_, ch, rt, sup, days, calendar_days, max_ext, basis = best
    return SlaPolicy(
        stage=stage_,
        channel=ch,
        report_type=rt,
        supervisory=sup,
        days=days,
        calendar_days=calendar_days,
        max_extension_days=max_ext,
        basis=basis,
    )


def deadlines_ensure_defaults() -> int:
    """Add the missing holiday rows (2025, 2026) and default SLA policy rows; edits stay. Returns how many."""
    return defaults.load(DayOff, SlaPolicy)
