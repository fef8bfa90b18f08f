"""POST /api/v1/reports: the API door."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Header, Router, Status

from simadu.cases.models import Source
from simadu.deadlines.clocks import expected_response_by
from simadu.intake.schemas import Error, ReportCreated, ReportIn
from simadu.intake.services import idempotent, report_submit, validate_submission

router = Router(tags=["reporting"])


def created_answer(case: Any, secret: str) -> dict[str, Any]:
    return {
        "tracking_id": case.tracking_id,
        "secret": secret,
        "status": case.status,
        "channel": case.channel,
        "report_type": case.report_type,
        "category": case.category_id,
        "expected_response_by": due.isoformat() if (due := expected_response_by(case)) else None,
    }


@router.post(
    "",
    response={201: ReportCreated, 400: Error, 409: Error, 413: Error, 422: Error},
    operation_id="submit_report",
    summary="Kirim laporan",
    auth=None,
)
def submit_report(
    request: HttpRequest,
    response: HttpResponse,
    payload: ReportIn,
    idempotency_key: str | None = Header(None, alias="Idempotency-Key"),  # type: ignore[type-arg]
) -> Status[dict[str, Any]]:
    """File a report. `201` means it is committed.

    A retry with the same `Idempotency-Key` and body answers the same `201` (with the header
    `Idempotent-Replayed: true`) and files nothing; the same key with another body is a `409`.
    """
    data = payload.dict()
    data["reporter"] = payload.reporter.dict() if payload.reporter else {}
    data["source"] = Source.API

    def produce() -> dict[str, Any]:
        case, secret = report_submit(submission=validate_submission(data))
        return created_answer(case, secret)

    answer, replayed = idempotent(idempotency_key, data, produce)
    if replayed:
        response["Idempotent-Replayed"] = "true"
    return Status(201, answer)
