"""Celery against the real Redis (127.0.0.1:6379, database 13): a worker takes `deadlines.sweep` off the
queue and its escalation lands in the database, as Celery beat and a worker do in production.

The worker runs in a thread of this process with its own database connection, so the test's data is
committed (transactional_db); the SQLite test database is a file (see config/settings.py), which the
worker's connection opens too. Redis is started on every machine before the tests (.ci/run).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
import redis
import time_machine
from celery.contrib.testing.worker import start_worker
from celery.result import EagerResult
from celery.signals import task_postrun
from django.db import connections

from celery import Celery
from simadu.cases.models import CaseEvent
from simadu.deadlines.tasks import sweep
from tests.deadlines.sweeping import escalations, file_case, make_people, wib

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

REDIS_URL = os.environ.get("SIMADU_TEST_REDIS_URL", "redis://127.0.0.1:6379/13")


def _close_worker_connections(**_kwargs: object) -> None:
    connections.close_all()  # in the worker's thread: nothing may hold the test database open at its end


@pytest.fixture
def redis_app() -> Iterator[Celery]:
    """A Celery app like config.celery's, on the real Redis, with a queue of this test's own."""
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        pytest.fail(f"Redis is not running at {REDIS_URL} ({exc}); start it: redis-server --daemonize yes")
    from config.celery import app as production_app

    queue = f"simadu-test-{uuid.uuid4().hex}"
    app = Celery("simadu-test", set_as_current=False)
    app.config_from_object("django.conf:settings", namespace="CELERY")
    app.conf.update(
        broker_url=REDIS_URL,
        result_backend=REDIS_URL,
        task_always_eager=False,
        task_default_queue=queue,
        result_expires=300,
        worker_hijack_root_logger=False,
    )
    app.loader.import_module("celery.contrib.testing.tasks")  # the worker's ping task
    task_postrun.connect(_close_worker_connections, weak=False)
    try:
        yield app
    finally:
        task_postrun.disconnect(_close_worker_connections)
        # What the worker left (messages queued as it stopped, the queue's bindings) goes with the test.
        redis.Redis.from_url(REDIS_URL).delete(
            queue, f"_kombu.binding.{queue}", f"_kombu.binding_permanent.{queue}"
        )
        production_app.set_current()
        production_app.set_default()
        app.close()


def test_a_worker_on_redis_runs_the_deadlines_sweep_sent_with_delay_and_the_escalation_is_on_the_timeline(
    redis_app,
):
    """A report received on Wednesday 4 March 2026 at 09:00 has used half its verification time by Friday 6
    March: `deadlines.sweep` sent through Redis is run by the worker, which writes the 50% reminder."""
    make_people()
    case = file_case(wib(2026, 3, 4, 9))

    # Time goes on from Friday 10:00 (tick=True): the worker's timers need it to.
    with (
        time_machine.travel(wib(2026, 3, 6, 10), tick=True),
        start_worker(redis_app, pool="solo", perform_ping_check=True, shutdown_timeout=30),
    ):
        result = sweep.delay()
        counts = result.get(timeout=60)

    assert not isinstance(result, EagerResult), "sent through the broker, not run in this thread"
    assert type(result.backend).__name__ == "RedisBackend"
    assert result.successful()
    assert counts["escalations"] == 1
    assert [(level, stage) for level, stage, _at, _line in escalations(case)] == [(1, "verify")]
    assert CaseEvent.objects.filter(case=case, kind=CaseEvent.Kind.ESCALATION).count() == 1
