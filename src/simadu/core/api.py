"""The one API object under /api/v1/ and its error shape; `config/api.py` mounts the apps' routers.

Every error is `{"detail": "…", "code": "…"}` with a 4xx status, in the language of
the request (Indonesian by default).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.parser import Parser

from simadu.core.errors import DomainError, InvalidInput


def _storable(value: Any) -> Any:
    """Refuse text no database can store (NUL, lone surrogates): PostgreSQL would answer with a 500."""
    if isinstance(value, str):
        if "\x00" in value:
            raise InvalidInput(
                _("Isian berisi karakter yang tidak dapat disimpan."), code="invalid_character"
            )
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise InvalidInput(
                _("Isian berisi karakter yang tidak dapat disimpan."), code="invalid_character"
            ) from None
    elif isinstance(value, dict):
        for item in value.values():
            _storable(item)
    elif isinstance(value, list):
        for item in value:
            _storable(item)
    return value


class StorableTextParser(Parser):
    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        return _storable(super().parse_body(request))  # type: ignore[no-any-return]

    def parse_querydict(
        self, data: MultiValueDict[str, Any], list_fields: list[str], request: HttpRequest
    ) -> dict[str, Any]:
        return _storable(super().parse_querydict(data, list_fields, request))  # type: ignore[no-any-return]


api = NinjaAPI(
    title="SIMADU API",
    version="1",
    description="Sistem Manajemen Pengaduan, Inspektorat Jenderal Kementerian Ketenagakerjaan.",
    urls_namespace="api",
    parser=StorableTextParser(),
)


def error(request: HttpRequest, status: int, detail: str, code: str, **extra: Any) -> HttpResponse:
    return api.create_response(request, {"detail": detail, "code": code, **extra}, status=status)


@api.exception_handler(DomainError)
def domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    extra = {"field": exc.field} if exc.field else {}
    return error(request, exc.status, str(exc.message), exc.code, **extra)


def _field_message(err: dict[str, Any]) -> str:
    kind = err.get("type", "")
    if kind == "missing":
        return _("wajib diisi")
    if kind in ("string_type", "string_unicode"):
        return _("harus berupa teks")
    if kind in ("bool_type", "bool_parsing"):
        return _("harus true atau false")
    if kind in ("int_type", "int_parsing"):
        return _("harus berupa angka")
    if kind == "literal_error":
        return _("nilai tidak dikenal; pilihan: %(options)s") % {
            "options": err.get("ctx", {}).get("expected", "")
        }
    if kind == "string_too_long":
        return _("terlalu panjang (paling banyak %(n)s huruf)") % {
            "n": err.get("ctx", {}).get("max_length", "")
        }
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_type"):
        return _("tanggal tidak valid (contoh 2026-11-20)")
    if kind in ("model_attributes_type", "dict_type", "model_type"):
        return _("harus berupa objek JSON")
    if kind == "json_invalid":
        return _("bukan JSON yang valid")
    return _("tidak valid")


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    fields = []
    for err in exc.errors:
        loc = [str(p) for p in err.get("loc", ()) if p not in ("body", "payload", "query", "path", "header")]
        fields.append({"field": ".".join(loc) or "body", "message": _field_message(err)})
    if not fields:
        return error(request, 400, _("Isi permintaan bukan JSON yang valid."), "malformed_json")
    if any(f["field"] == "body" for f in fields):
        return error(request, 400, _("Isi permintaan bukan JSON yang valid."), "malformed_json")
    first = fields[0]
    detail = _("Periksa isian %(field)s: %(message)s.") % first
    return error(request, 422, detail, "invalid", errors=fields)


@api.exception_handler(AuthenticationError)
def auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return error(request, 401, _("Perlu token akses yang sah."), "unauthorized")


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if exc.status_code == 400:
        return error(request, 400, _("Isi permintaan bukan JSON yang valid."), "malformed_json")
    return error(request, exc.status_code, str(exc), "http_error")


@api.exception_handler(RequestDataTooBig)
def too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    return error(
        request,
        413,
        _("Isi permintaan terlalu besar. Kirim cerita lebih singkat dan lampirkan berkas terpisah."),
        "request_too_large",
    )


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return error(request, 404, _("Tidak ditemukan."), "not_found")
