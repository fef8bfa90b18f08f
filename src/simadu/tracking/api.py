"""The reporter's API: read a case and write to it with tracking id + secret."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers
from ninja import File, Header, Router, Status
from ninja.files import UploadedFile

from simadu.cases.merge import case_root
from simadu.cases.services import case_reporter_message
from simadu.confidentiality.attachments import MAX_FILES, check_file
from simadu.core.errors import InvalidInput
from simadu.intake.schemas import Error, MessageIn, MessageOut, ReportView
from simadu.tracking.schemas import ReporterData
from simadu.tracking.services import case_for_reporter, reporter_data_export, reporter_view

router = Router(tags=["reporting"])
SECRET = Header(..., alias="X-Report-Secret", description="Kode rahasia dari tanda terima.")  # type: ignore[type-arg]


@router.get(
    "/{tracking_id}",
    response={200: ReportView, 404: Error, 429: Error},
    operation_id="track_report",
    summary="Lacak laporan",
    auth=None,
)
def track_report(request: HttpRequest, tracking_id: str, secret: str = SECRET) -> Any:
    """The reporter's view. A wrong secret and an unknown id give the same `404`."""
    return reporter_view(case_for_reporter(request=request, tracking_id=tracking_id, secret=secret))


@router.get(
    "/{tracking_id}/data",
    response={200: ReporterData, 404: Error, 429: Error},
    operation_id="export_reporter_data",
    summary="Unduh data saya",
    auth=None,
)
def export_reporter_data(
    request: HttpRequest, tracking_id: str, response: HttpResponse, secret: str = SECRET
) -> Any:
    """Everything SIMADU holds about this report, identity included, for its reporter only (UU 27/2022
    Pasal 32); no internal notes or staff names. Never cached. A wrong secret gives the same `404`."""
    case = case_for_reporter(request=request, tracking_id=tracking_id, secret=secret)
    add_never_cache_headers(response)
    return reporter_data_export(case=case, via="api")


@router.post(
    "/{tracking_id}/messages",
    response={201: MessageOut, 404: Error, 409: Error, 422: Error, 429: Error},
    operation_id="add_reporter_message",
    summary="Tambah keterangan",
    auth=None,
)
def add_message(request: HttpRequest, tracking_id: str, payload: MessageIn, secret: str = SECRET) -> Any:
    case = case_for_reporter(request=request, tracking_id=tracking_id, secret=secret)
    event = case_reporter_message(case=case, text=payload.text)
    case.refresh_from_db(fields=["status"])
    return Status(201, {"status": case_root(case).status, "at": event.at})  # merged: the kept case's


@router.post(
    "/{tracking_id}/attachments",
    response={201: MessageOut, 404: Error, 409: Error, 422: Error, 429: Error},
    operation_id="add_reporter_attachments",
    summary="Tambah bukti (multipart)",
    auth=None,
)
def add_attachments(
    request: HttpRequest,
    tracking_id: str,
    files: list[UploadedFile] = File(...),  # type: ignore[type-arg]  # noqa: B008
    secret: str = SECRET,
) -> Any:
    case = case_for_reporter(request=request, tracking_id=tracking_id, secret=secret)
    if len(files) > MAX_FILES:
        raise InvalidInput(field="files", code="too_many_files")
    checked = [check_file(f.name or "", f) for f in files]
    event = case_reporter_message(case=case, text="", files=checked)
    case.refresh_from_db(fields=["status"])
    return Status(201, {"status": case_root(case).status, "at": event.at})  # merged: the kept case's
