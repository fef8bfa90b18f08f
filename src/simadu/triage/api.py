"""POST /api/v1/staff/triage: the engine's suggestion for any text, for staff tools and partner doors."""

from __future__ import annotations

from typing import Literal

from django.http import HttpRequest
from ninja import Field, Router, Schema

from simadu.accounts.auth import staff_token
from simadu.triage.engine import TriageDecision, TriageInput, suggest

router = Router(tags=["staff"])


class TriageIn(Schema):
    text: str = Field(..., min_length=1, max_length=20_000)
    title: str = Field("", max_length=200)
    reporter_type: Literal["public", "internal"] = "public"
    anonymous: bool = False


class TriageOut(Schema):
    channel: str
    report_type: str
    category: str
    supervisory: bool
    unit: str
    confidence: float
    explanation: str
    low_confidence: bool
    version: str


class ErrorOut(Schema):
    detail: str
    code: str


@router.post(
    "/triage",
    response={200: TriageOut, 401: ErrorOut, 422: ErrorOut},
    operation_id="staff_triage",
    summary="Saran klasifikasi untuk sebuah teks",
    auth=staff_token,
)
def triage(request: HttpRequest, payload: TriageIn) -> dict[str, object]:
    """The same suggestion intake stores on every report: channel, type, category, unit, with its reason."""
    decision: TriageDecision = suggest(TriageInput(**payload.dict()))
    return {**decision.as_dict(), "low_confidence": decision.low_confidence}
