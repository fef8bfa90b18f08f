"""The shapes of the reporting API (one place, shared by the intake and tracking routers)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from ninja import Field, Schema
from pydantic import StrictBool, field_validator
from pydantic_core import PydanticCustomError


class ReporterIn(Schema):
    name: str | None = Field(None, max_length=150, description="Nama pelapor (boleh kosong).")
    email: str | None = Field(None, max_length=254, description="E-mail untuk pemberitahuan.")
    phone: str | None = Field(None, max_length=30, description="Nomor telepon/WhatsApp.")


class ReportIn(Schema):
    text: str = Field(..., description="Kronologi: apa yang terjadi, siapa, kapan, di mana.")
    title: str = Field("", description="Judul singkat (paling banyak 200 huruf).")
    channel: Literal["helpdesk", "lapor", "wbs"] | None = Field(
        None, description="Kanal yang dipilih pelapor; kosong: triage menyarankan."
    )
    report_type: Literal["pengaduan", "aspirasi", "permintaan_informasi"] | None = None
    reporter_type: Literal["public", "internal"] = "public"
    # Strict: "yes" or "1" from a form-minded client is refused rather than read as true.
    anonymous: StrictBool = False
    confidential: StrictBool = Field(
        False, description="Rahasia: laporan tidak pernah tampil di tampilan publik."
    )
    reporter: ReporterIn | None = None
    incident_date: dt.date | None = Field(None, description="Tanggal kejadian (YYYY-MM-DD).")
    province_code: str | None = Field(None, max_length=2, description="Kode provinsi Kemendagri, mis. 32.")
    regency_code: str | None = Field(
        None, max_length=5, description="Kode kabupaten/kota Kemendagri, mis. 32.16."
    )
    location_detail: str | None = Field(None, description="Tempat kejadian (alamat, nama perusahaan).")
    reported_party: str | None = Field(None, description="Pihak yang dilaporkan.")

    @field_validator("reporter", mode="before")
    @classmethod
    def _reporter_is_an_object(cls, value: Any) -> Any:
        # ninja's Schema reads attributes of whatever it is given, so a string would pass as "no details".
        if value is not None and not isinstance(value, dict):
            raise PydanticCustomError("dict_type", "Input should be a valid dictionary")
        return value


class ReportCreated(Schema):
    tracking_id: str = Field(..., examples=["SMD-7KQ2-M9XC"])
    secret: str = Field(..., description="Kode rahasia pelapor. Hanya ditampilkan sekali; tidak disimpan.")
    status: str
    channel: str
    report_type: str
    category: str
    expected_response_by: dt.datetime | None


class Error(Schema):
    detail: str
    code: str


class MessageIn(Schema):
    text: str = Field(..., max_length=20000)


class MessageOut(Schema):
    status: str
    at: dt.datetime


class TimelineEntry(Schema):
    at: dt.datetime
    who: str
    kind: str
    text: str
    files: list[str]


class ReportView(Schema):
    tracking_id: str
    status: str
    status_text: str
    channel: str
    category: str
    received_at: dt.datetime
    expected_response_by: dt.datetime | None
    working_days_left: int | None
    forwarded_to: str
    timeline: list[TimelineEntry]
    rating: int | None
    can_reply: bool
    can_rate: bool
    can_object: bool
    merged: bool = Field(
        False,
        description=(
            "true: laporan ini digabung dengan laporan lain yang sama dan sudah ditangani; status, tahap "
            "pada timeline dan expected_response_by adalah milik laporan itu (tanpa isi balasan petugas "
            "untuk pelapor lain). Pesan Anda tetap sampai ke petugasnya."
        ),
    )
