"""Celery tasks of the confidentiality app: the daily retention run (scheduled by Celery beat at 02:00 WIB)."""

from __future__ import annotations

from celery import shared_task
from simadu.confidentiality.retention import retention_run


@shared_task(name="retention.run", ignore_result=True)
def retention() -> None:
    retention_run()
