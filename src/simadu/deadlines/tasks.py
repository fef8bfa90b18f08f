"""Celery tasks of the deadlines app: the periodic sweep (scheduled by Celery beat, see `scheduler.JOBS`)."""

from __future__ import annotations

from typing import Any

from celery import shared_task
from simadu.deadlines.sweeps import deadlines_sweep


@shared_task(name="deadlines.sweep")
def sweep() -> dict[str, Any]:
    """Escalate, announce, close, archive and remind what is due now; returns the counts."""
    return deadlines_sweep().as_dict()
