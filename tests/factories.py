"""Test data made through the real services, so every case in a test went through the real door."""

from __future__ import annotations

from typing import Any

import pyotp
from django.test import Client

from simadu.accounts import twofactor
from simadu.accounts.models import Role, User
from simadu.cases import itjen, services
from simadu.cases.models import Case
from simadu.cases.services import Submission, case_receive
from simadu.cases.workflow import ITJEN_STEPS
from simadu.confidentiality import policy
from simadu.core import clock
from simadu.intake.services import report_submit
from simadu.triage.engine import TriageDecision
from simadu.triage.models import Unit
from simadu.triage.taxonomy import CATEGORIES

PASSWORD = "uji-Sandi-2026!"


def make_staff(
    username: str, role: str, unit: str | None = None, wbs_team: bool = False, **extra: Any
) -> User:
    return User.objects.create_user(
        username=username,
        password=PASSWORD,
        role=role,
        unit_id=unit,
        wbs_team=wbs_team,
        first_name=extra.pop("first_name", username.title()),
        **extra,
    )


def enrol_two_factor(user: User) -> str:
    """Enrol `user` in TOTP through the real services, as the enrolment page does; returns the secret."""
    secret = twofactor.totp_begin(user=user)
    twofactor.totp_confirm(user=user, code=pyotp.TOTP(secret).at(clock.now()))
    user.refresh_from_db()
    return secret


def login_staff(client: Client, user: User) -> Client:
    """Sign `client` in as `user` past both steps: the password step skipped (force_login), the second
    step recorded in the session as the code step does. Enrols the user first if needed."""
    if not twofactor.is_enrolled(user):
        enrol_two_factor(user)
    user.refresh_from_db()
    client.force_login(user)
    session = client.session
    session[twofactor.SESSION_KEY] = twofactor.session_marker(user)
    session.save()
    return client


def submit(
    text: str = "Sudah tiga bulan gaji saya di PT Contoh Makmur Bekasi belum dibayar.",
    triage: TriageDecision | None = None,
    **fields: Any,
) -> tuple[Case, str]:
    """File a report as a reporter would; returns the case and its secret.

    With `triage`, the case carries that suggestion instead of the engine's, for tests of
    pages and workflows that must not depend on what the model makes of a text.
    """
    if triage is not None:
        return case_receive(submission=Submission(text=text, **fields), decision=triage)
    return report_submit(submission=Submission(text=text, **fields))


def decision(
    category: str, *, confidence: float = 0.9, explanation: str = "", **overrides: Any
) -> TriageDecision:
    """A triage suggestion for `category` with the taxonomy's default unit and channel."""
    supervisory, unit, _, _ = CATEGORIES[category]
    fields = {
        "channel": "helpdesk" if category == "akses_layanan_digital" else "lapor",
        "report_type": "pengaduan",
        "unit": unit,
        **overrides,
    }
    return TriageDecision(
        category=category,
        supervisory=supervisory,
        confidence=confidence,
        explanation=explanation,
        version="test",
        **fields,
    )


def itjen_examined(case: Case, *, auditor: User, leader: User | None = None) -> Case:
    """Walk an Itjen case (supervisory or WBS, at Itjen, in progress) through the examination to the report of
    findings, and have Itjen's leadership approve its closure, so that its final answer may be sent.

    Without `leader`, an active leader of Itjen who may see the case is used, or one is made."""
    case.refresh_from_db()
    for step in ITJEN_STEPS[
        ITJEN_STEPS.index(case.itjen_step or "telaah") + 1 : ITJEN_STEPS.index("laporan_hasil") + 1
    ]:
        itjen.itjen_step_advance(case=case, actor=auditor, step=step, note=f"Catatan tahap {step}.")
    case.refresh_from_db()
    if case.closure_requested_at is None:
        itjen.itjen_closure_request(case=case, actor=auditor)
    if leader is None:
        leaders = User.objects.filter(role=Role.LEADERSHIP, unit_id="itjen", is_active=True).order_by("pk")
        leader = next((u for u in leaders if policy.sees_case(u, case)), None) or make_staff(
            f"pimpinan_itjen_{case.pk}", Role.LEADERSHIP, "itjen", wbs_team=case.sealed
        )
    return itjen.itjen_closure_approve(case=case, actor=leader)


def advance(
    case: Case, to: str, *, verifier: User, officer: User | None = None, unit: str = "ditjen_phi_jamsos"
) -> Case:
    """Walk a case along the happy path up to state `to` through the services. An Itjen case (supervisory or
    WBS, at Itjen) goes through Itjen's examination and its closure approval before the answer."""
    path = ["verifying", "assigned", "in_progress", "responded", "closed"]
    for step in path[: path.index(to) + 1]:
        if step == "verifying":
            case = services.case_verify(case=case, actor=verifier)
        elif step == "assigned":
            case = services.case_assign(case=case, actor=verifier, unit=Unit.objects.get(pk=unit))
        elif step == "in_progress":
            case = services.case_start(case=case, actor=officer)
        elif step == "responded":
            if policy.itjen_workflow_applies(case) and case.closure_approved_at is None:
                assert officer is not None
                case = itjen_examined(case, auditor=officer)
            case = services.case_respond(
                case=case, actor=officer, text="Perusahaan sudah dipanggil dan gaji dibayar."
            )
        elif step == "closed":
            case = services.case_close(case=case, actor=officer)
    return case


ROLES = {
    "verifier": {"role": Role.VERIFIER, "unit": "itjen"},
    "verifier_wbs": {"role": Role.VERIFIER, "unit": "itjen", "wbs_team": True},
    "officer_phi": {"role": Role.UNIT_OFFICER, "unit": "ditjen_phi_jamsos"},
    "officer_pusdatin": {"role": Role.UNIT_OFFICER, "unit": "pusdatin"},
    "auditor": {"role": Role.AUDITOR, "unit": "itjen"},
    "auditor_wbs": {"role": Role.AUDITOR, "unit": "itjen", "wbs_team": True},
    "leader_itjen": {"role": Role.LEADERSHIP, "unit": "itjen"},
    "leader_phi": {"role": Role.LEADERSHIP, "unit": "ditjen_phi_jamsos"},
    "admin": {"role": Role.ADMIN, "unit": None, "is_staff": True, "is_superuser": True},
}
