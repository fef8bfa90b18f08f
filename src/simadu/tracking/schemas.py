"""The shape of the reporter's data export in the API (the web download carries the same fields)."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema

from simadu.intake.schemas import TimelineEntry


class ExportIdentity(Schema):
    name: str
    email: str
    phone: str


class ExportReport(Schema):
    tracking_id: str
    channel: str
    channel_label: str
    report_type: str
    reporter_type: str
    anonymous: bool
    confidential: bool
    category: str
    status: str
    status_text: str
    received_at: dt.datetime
    incident_date: dt.date | None
    province_code: str
    regency_code: str
    title: str
    text: str
    reported_party: str
    location_detail: str
    forwarded_to: str
    anonymised_at: dt.datetime | None


class ExportAttachment(Schema):
    name: str
    content_type: str
    size: int
    uploaded_at: dt.datetime
    from_reporter: bool
    metadata_removed: list[str] = Field(..., description="Metadata yang dihapus dari berkas, mis. exif, gps.")


class ExportDeadlines(Schema):
    expected_response_by: dt.datetime | None
    working_days_left: int | None
    first_response_at: dt.datetime | None
    responded_at: dt.datetime | None
    closed_at: dt.datetime | None


class ExportRating(Schema):
    value: int
    comment: str


class ExportObjection(Schema):
    at: dt.datetime
    reason: str


class ReporterData(Schema):
    format: str = Field(..., examples=["simadu.reporter-data/1"])
    generated_at: dt.datetime
    note: str
    identity: ExportIdentity = Field(
        ..., description="Identitas sebagaimana diisi pelapor; kosong bila tidak diisi."
    )
    report: ExportReport
    timeline: list[TimelineEntry]
    attachments: list[ExportAttachment]
    deadlines: ExportDeadlines
    rating: ExportRating | None
    objection: ExportObjection | None
