"""Celery application: Redis broker in production, eager (in-process) on the embedded default.

Celery beat runs the periodic jobs of `simadu.deadlines.scheduler.JOBS` (deadlines sweep every
5 minutes, outbox every minute, retention daily at 02:00 WIB); without Redis the same table is
run by the in-process scheduler of `simadu serve` instead.
"""

import os

from celery import Celery
from simadu.deadlines.scheduler import beat_schedule

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
app = Celery("simadu")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.beat_schedule = beat_schedule()
app.autodiscover_tasks()
