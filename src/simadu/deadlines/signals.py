"""An edit of the holiday table reaches every process, and moves running deadlines (never earlier)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from simadu.deadlines import calendar
from simadu.deadlines.models import DayOff


@receiver(post_save, sender=DayOff, dispatch_uid="deadlines.dayoff.saved")
@receiver(post_delete, sender=DayOff, dispatch_uid="deadlines.dayoff.deleted")
def day_off_changed(sender: Any, instance: DayOff, **kwargs: Any) -> None:
    if kwargs.get("raw"):  # loaddata
        return
    calendar_edited()


def calendar_edited() -> None:
    """This transaction sees its own edit at once; the other processes and the running clocks after commit."""
    calendar.forget()
    transaction.on_commit(_after_commit)


def _after_commit() -> None:
    from simadu.deadlines.clocks import clocks_recompute

    calendar.calendar_changed()
    clocks_recompute()
