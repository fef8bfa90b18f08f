"""Gunicorn hooks of `simadu serve` (`--config python:simadu.workspace.gunicorn_hooks`).

Each web worker, once it has loaded Django, starts the in-process scheduler thread of the
embedded default (`simadu.deadlines.scheduler`); a lock file lets one worker at a time run
the jobs. With REDIS_URL (Celery beat) or SIMADU_SCHEDULER=off nothing is started.
"""

from __future__ import annotations

from typing import Any


def post_worker_init(worker: Any) -> None:
    from simadu.deadlines.scheduler import start_in_process

    start_in_process()


def worker_exit(server: Any, worker: Any) -> None:
    from simadu.deadlines.scheduler import stop_in_process

    stop_in_process()
