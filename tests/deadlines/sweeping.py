"""Helpers of the sweep tests: staff with mailboxes, cases filed at a given moment, the sweep run at a moment,
and what it left behind (escalation lines, announcements, mail by recipient)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import time_machine

from simadu.accounts.models import Role, User
from simadu.cases import services
from simadu.cases.models import Case, CaseEvent
from simadu.core.clock import WIB
from simadu.deadlines.models import CaseClock
from simadu.deadlines.sweeps import SweepResult, deadlines_sweep
from simadu.outbox.models import OutboxMessage
from simadu.outbox.services import _payload
from simadu.triage.models import Unit
from tests.factories import decision, make_staff, submit

WAGE = "Sudah tiga bulan gaji saya di PT Contoh Makmur Bekasi belum dibayar."
GRATIFICATION = "Kepala seksi di kantor kami meminta uang pelicin Rp5 juta untuk mengesahkan izin pelatihan."
ITJEN_MAILBOX = "itjen@kemnaker.example"

# name -> (role, unit, wbs_team); every one of them has an e-mail address: <name>@kemnaker.example
PEOPLE = {
    "verifier": (Role.VERIFIER, "itjen", False),
    "verifier_wbs": (Role.VERIFIER, "itjen", True),
    "officer_phi": (Role.UNIT_OFFICER, "ditjen_phi_jamsos", False),
    "officer_phi_2": (Role.UNIT_OFFICER, "ditjen_phi_jamsos", False),
    "officer_pusdatin": (Role.UNIT_OFFICER, "pusdatin", False),
    "auditor_wbs": (Role.AUDITOR, "itjen", True),
    "leader_phi": (Role.LEADERSHIP, "ditjen_phi_jamsos", False),
    "leader_itjen": (Role.LEADERSHIP, "itjen", False),
    "leader_itjen_wbs": (Role.LEADERSHIP, "itjen", True),
}


def wib(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=WIB)


def make_people() -> dict[str, User]:
    Unit.objects.filter(pk="itjen").update(email=ITJEN_MAILBOX)
    return {
        name: make_staff(name, role=role, unit=unit, wbs_team=wbs, email=f"{name}@kemnaker.example")
        for name, (role, unit, wbs) in PEOPLE.items()
    }


def file_case(at: dt.datetime, *, wbs: bool = False, email: str = "pelapor@contoh.id") -> Case:
    """A wage complaint (or a WBS gratification report) filed at `at` by a reporter who left an e-mail."""
    with time_machine.travel(at, tick=False):
        if wbs:
            case, _ = submit(
                GRATIFICATION, triage=decision("gratifikasi", channel="wbs"), channel="wbs", email=email
            )
        else:
            case, _ = submit(WAGE, triage=decision("upah"), email=email)
    return case


def act(at: dt.datetime, service: Any, **kwargs: Any) -> Case:
    """Call a case service at the moment `at`; returns the case as the service left it."""
    with time_machine.travel(at, tick=False):
        result = service(**kwargs)
    return result if isinstance(result, Case) else Case.objects.get(pk=kwargs["case"].pk)


def assign(at: dt.datetime, case: Case, people: dict[str, User], unit: str = "ditjen_phi_jamsos") -> Case:
    verifier = people["verifier_wbs"] if case.channel == "wbs" else people["verifier"]
    return act(at, services.case_assign, case=case, actor=verifier, unit=Unit.objects.get(pk=unit))


def sweep(at: dt.datetime) -> SweepResult:
    with time_machine.travel(at, tick=False):
        return deadlines_sweep()


def clock_of(case: Case, stage: str) -> CaseClock:
    return CaseClock.objects.filter(case=case, stage=stage).latest("started_at", "pk")


def escalations(case: Case) -> list[tuple[int, str, dt.datetime, str]]:
    """(level, stage, local time in WIB, plain line) of each escalation step on the case's timeline, in order."""
    from simadu.cases.selectors import case_timeline

    return [
        (item.event.data["level"], item.event.data["stage"], item.event.at.astimezone(WIB), item.body)
        for item in case_timeline(case=case)
        if item.event.kind == CaseEvent.Kind.ESCALATION
    ]


def mail(case: Case, topic_prefix: str = "") -> list[dict[str, Any]]:
    """Every e-mail queued about `case` (topic starting with `topic_prefix`), unsealed, with its topic."""
    messages = OutboxMessage.objects.filter(case=case, kind="email", topic__startswith=topic_prefix)
    return [{"topic": m.topic, **_payload(m)} for m in messages.order_by("created_at", "pk")]


def recipients(case: Case, topic: str) -> set[str]:
    return {m["to"] for m in mail(case, topic) if m["topic"] == topic}
