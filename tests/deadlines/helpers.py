"""Shared makings of the deadline tests: times around Lebaran 2026, a unit in Papua, cases at a stage."""

from __future__ import annotations

import datetime as dt

from simadu.accounts.models import Role, User
from simadu.cases import services
from simadu.cases.models import Case
from simadu.core.clock import WIB, WIT
from simadu.deadlines.models import CaseClock
from simadu.triage.models import Unit
from tests.factories import make_staff, submit

WAGE = "Sudah tiga bulan gaji saya di PT Contoh Makmur Bekasi belum dibayar."
PAPUA = "disnaker_papua"


def wib(y: int, m: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, ss, tzinfo=WIB)


def wit(y: int, m: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, ss, tzinfo=WIT)


def end_wib(y: int, m: int, d: int) -> dt.datetime:
    return wib(y, m, d, 23, 59, 59)


def papua_unit() -> Unit:
    unit, _ = Unit.objects.get_or_create(
        slug=PAPUA, defaults={"name": "Disnaker Provinsi Papua", "time_zone": "WIT", "internal": True}
    )
    return unit


def papua_officer() -> User:
    return User.objects.filter(username="officer_papua").first() or make_staff(
        "officer_papua", Role.UNIT_OFFICER, PAPUA
    )


def received(text: str = WAGE, **fields: object) -> Case:
    case, _ = submit(text, **fields)
    return case


def clock_of(case: Case, stage: str) -> CaseClock:
    """The latest clock of `stage` on the case."""
    return CaseClock.objects.filter(case=case, stage=stage).order_by("-started_at", "-pk").first()  # type: ignore[return-value]


def assigned(case: Case, verifier: User, unit: str = "ditjen_phi_jamsos") -> Case:
    return services.case_assign(case=case, actor=verifier, unit=Unit.objects.get(pk=unit))
