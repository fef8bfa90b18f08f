"""Celery tasks: fetch, call one service, retry on the broker's failure."""

from __future__ import annotations

from celery import shared_task
from simadu.outbox.services import outbox_deliver, outbox_deliver_due


@shared_task(ignore_result=True)
def deliver_message(message_id: int) -> None:
    outbox_deliver(message_id=message_id)


@shared_task(ignore_result=True)
def deliver_due() -> None:
    outbox_deliver_due()
