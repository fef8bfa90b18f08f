"""The demo data set that `simadu serve` (and `simadu load_demo`) loads into an empty database.

Demo staff, one account per role, and about 300 reports told in `texts`, each filed
through the real door (`intake.services.report_submit`) and moved along by the real
services with the right demo actor, so every timeline event and audit row is genuine.
Only afterwards are a case's own timestamps moved into the past (`shift_demo_case_times`),
so that the demo shows four months of work; the audit chain is never touched and keeps the
real time of loading. A fixed seed makes the same data set every time.
"""

from __future__ import annotations

import random
from typing import Protocol

from django.db import transaction

from simadu.accounts.models import Role
from simadu.cases.models import Case
from simadu.core import clock
from simadu.triage import taxonomy
from simadu.workspace.demo.filing import file_case
from simadu.workspace.demo.planning import SEED, plan_cases
from simadu.workspace.demo.staff import DEMO_ACCOUNTS, DEMO_PASSWORD, Actors, DemoDataError, demo_staff

PROGRESS_EVERY = 50


class Writer(Protocol):
    """Where progress goes: a management command's stdout, or any text stream."""

    def write(self, msg: str, /) -> object: ...


def demo_logins() -> list[tuple[str, str, str]]:
    """(username, role, unit) of every demo account, for printing at start; the password is DEMO_PASSWORD."""
    rows = []
    for account in DEMO_ACCOUNTS:
        role = str(Role(account.role).label) + (", WBS" if account.wbs_team else "")
        unit = taxonomy.UNITS[account.unit][1] if account.unit else "—"
        rows.append((account.username, role, unit))
    return rows


def load_demo_data(stdout: Writer | None = None) -> int:
    """Load the demo staff and cases into a database with no case yet; returns the number of cases created.

    Does nothing (and returns 0) when any case exists. All or nothing: one transaction.
    """
    if Case.objects.exists():
        return 0
    now = clock.now()
    rng = random.Random(SEED)  # noqa: S311  # nosec B311  # a reproducible data set, not a secret
    plans = plan_cases(rng, now)
    with transaction.atomic():
        actors = Actors(demo_staff())
        filed: dict[int, str] = {}
        for n, plan in enumerate(plans, start=1):
            case = file_case(plan, actors, filed)
            filed[plan.number] = case.tracking_id
            if stdout is not None and (n % PROGRESS_EVERY == 0 or n == len(plans)):
                stdout.write(f"  {n}/{len(plans)} laporan demo dimuat\n")
    return len(plans)


__all__ = [
    "DEMO_ACCOUNTS",
    "DEMO_PASSWORD",
    "PROGRESS_EVERY",
    "DemoDataError",
    "demo_logins",
    "load_demo_data",
]
