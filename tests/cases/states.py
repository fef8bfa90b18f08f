"""Cases put into any stage of the workflow through the real services, as staff and reporters would."""

from __future__ import annotations

from simadu.accounts.models import User
from simadu.cases import forwarding, services
from simadu.cases.models import Case
from simadu.cases.workflow import ArchiveReason, Status
from simadu.triage.models import Unit
from tests.factories import advance, submit

WAGE = "Sudah tiga bulan gaji saya di PT Contoh Makmur Bekasi belum dibayar."
QUESTION = "Sejak bulan apa gaji Anda tidak dibayar?"
FORWARD_REASON = "Laporan ini tentang klaim JHT, yang ditangani BPJS Ketenagakerjaan."
OUTSIDE_AGENCY = "bpjs_ketenagakerjaan"
HANDLING_UNIT = "ditjen_phi_jamsos"


def case_in(status: str, staff: dict[str, User], **fields: object) -> Case:
    """A wage complaint (triaged to Ditjen PHI-Jamsos) walked to `status`; `fields` go to the submission."""
    case, _ = submit(WAGE, **fields)
    verifier, officer = staff["verifier"], staff["officer_phi"]
    if status == Status.RECEIVED:
        return case
    if status == Status.VERIFYING:
        return services.case_verify(case=case, actor=verifier)
    if status == Status.AWAITING_INFO:
        return services.case_request_info(case=case, actor=verifier, question=QUESTION)
    if status in (Status.ASSIGNED, Status.IN_PROGRESS, Status.RESPONDED, Status.CLOSED):
        return advance(case, status, verifier=verifier, officer=officer, unit=HANDLING_UNIT)
    if status == Status.REOPENED:
        case = advance(case, Status.RESPONDED, verifier=verifier, officer=officer, unit=HANDLING_UNIT)
        return services.case_object(case=case, reason="Gaji bulan ketiga belum dibayar.")
    if status == Status.FORWARDED:
        return forwarding.case_forward(
            case=case,
            actor=verifier,
            agency=Unit.objects.get(pk=OUTSIDE_AGENCY),
            channel="sp4n_lapor",
            reason=FORWARD_REASON,
        )
    if status == Status.ARCHIVED:
        return services.case_archive(case=case, actor=verifier, reason_code=ArchiveReason.DUPLICATE)
    raise AssertionError(f"no way to reach {status}")
