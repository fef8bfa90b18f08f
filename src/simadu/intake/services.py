"""Validating a submission from any door and filing it as a case."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from simadu.cases.merge import case_follow
from simadu.cases.models import Case, Channel, ReporterType, ReportType
from simadu.cases.services import Submission, case_receive
from simadu.confidentiality.attachments import MAX_FILES, CheckedFile, attachment_store
from simadu.core import clock, crypto, regions
from simadu.core.errors import Conflict, InvalidInput
from simadu.intake.models import IdempotencyRecord
from simadu.triage.engine import TriageInput, suggest

TITLE_MAX = 200
TEXT_MIN = 10
TEXT_MAX = 20_000
SHORT_MAX = 300
_PHONE = re.compile(r"^\+?[0-9 ()\-]{8,20}$")


def validate_submission(data: dict[str, Any]) -> Submission:
    """Check every field of a submission; InvalidInput names the field and says why in plain words."""
    text = str(data.get("text") or "").strip()
    if len(text) < TEXT_MIN:
        raise InvalidInput(
            _("Ceritakan kejadiannya, paling sedikit %(n)s huruf.") % {"n": TEXT_MIN},
            field="text",
            code="text_too_short",
        )
    if len(text) > TEXT_MAX:
        raise InvalidInput(
            _("Cerita terlalu panjang (paling banyak %(n)s huruf). Lampirkan sisanya sebagai berkas.")
            % {"n": TEXT_MAX},
            field="text",
            code="text_too_long",
        )
    title = str(data.get("title") or "").strip()
    if len(title) > TITLE_MAX:
        raise InvalidInput(
            _("Judul paling banyak %(n)s huruf.") % {"n": TITLE_MAX}, field="title", code="title_too_long"
        )
    channel = data.get("channel") or None
    if channel is not None and channel not in Channel.values:
        raise InvalidInput(
            _("Kanal tidak dikenal. Pilih helpdesk, lapor, atau wbs."),
            field="channel",
            code="unknown_channel",
        )
    report_type = data.get("report_type") or None
    if report_type is not None and report_type not in ReportType.values:
        raise InvalidInput(_("Jenis laporan tidak dikenal."), field="report_type", code="unknown_report_type")
    reporter_type = data.get("reporter_type") or ReporterType.PUBLIC
    if reporter_type not in ReporterType.values:
        raise InvalidInput(
            _("Jenis pelapor harus public atau internal."),
            field="reporter_type",
            code="unknown_reporter_type",
        )
    reporter = data.get("reporter") or {}
    name = str(reporter.get("name") or "").strip()
    email = str(reporter.get("email") or "").strip()
    phone = str(reporter.get("phone") or "").strip()
    if len(name) > 150:
        raise InvalidInput(_("Nama terlalu panjang."), field="name", code="name_too_long")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise InvalidInput(_("Alamat e-mail tidak valid."), field="email", code="invalid_email") from None
    if phone and not _PHONE.match(phone):
        raise InvalidInput(
            _("Nomor telepon hanya boleh berisi angka, contoh 081234567890."),
            field="phone",
            code="invalid_phone",
        )
    province = str(data.get("province_code") or "").strip()
    regency = str(data.get("regency_code") or "").strip()
    if province and province not in regions.provinces():
        raise InvalidInput(_("Kode provinsi tidak dikenal."), field="province_code", code="unknown_region")
    if regency:
        region = regions.regencies().get(regency)
        if region is None:
            raise InvalidInput(
                _("Kode kabupaten/kota tidak dikenal."), field="regency_code", code="unknown_region"
            )
        if province and region.province_code != province:
            raise InvalidInput(
                _("Kabupaten/kota tidak berada di provinsi yang dipilih."),
                field="regency_code",
                code="region_mismatch",
            )
        province = region.province_code
    incident_date = data.get("incident_date")
    if isinstance(incident_date, str) and incident_date:
        try:
            incident_date = dt.date.fromisoformat(incident_date)
        except ValueError:
            raise InvalidInput(
                _("Tanggal kejadian tidak valid (contoh 2026-11-20)."),
                field="incident_date",
                code="invalid_date",
            ) from None
    if incident_date and incident_date > clock.now().date() + dt.timedelta(days=1):
        raise InvalidInput(
            _("Tanggal kejadian tidak boleh di masa depan."), field="incident_date", code="date_in_future"
        )
    for field in ("location_detail", "reported_party"):
        if len(str(data.get(field) or "")) > SHORT_MAX:
            raise InvalidInput(
                _("Isian terlalu panjang (paling banyak %(n)s huruf).") % {"n": SHORT_MAX},
                field=field,
                code="too_long",
            )
    return Submission(
        text=text,
        title=title,
        channel=channel,
        report_type=report_type,
        reporter_type=reporter_type,
        anonymous=bool(data.get("anonymous")),
        confidential=bool(data.get("confidential")),
        name=name,
        email=email,
        phone=phone,
        incident_date=incident_date or None,
        province_code=province,
        regency_code=regency,
        location_detail=str(data.get("location_detail") or "").strip(),
        reported_party=str(data.get("reported_party") or "").strip(),
        source=str(data.get("source") or "web"),
    )


def report_submit(
    *,
    submission: Submission,
    files: list[CheckedFile] = (),  # type: ignore[assignment]
    follow: Case | None = None,
) -> tuple[Case, str]:
    """File a validated submission with its evidence in one transaction: committed when this returns.

    `follow`: an open report the reporter chose to follow ("Ikuti laporan ini", `cases.duplicates`);
    theirs is filed already merged into it (`cases.merge.case_follow`). A WBS report never follows one.
    """
    if len(files) > MAX_FILES:
        raise InvalidInput(
            _("Paling banyak %(n)s berkas.") % {"n": MAX_FILES}, field="files", code="too_many_files"
        )
    decision = suggest(
        TriageInput(
            text=submission.text,
            title=submission.title,
            reporter_type=submission.reporter_type,
            anonymous=submission.anonymous,
        )
    )
    with transaction.atomic():
        case, secret = case_receive(submission=submission, decision=decision)
        for checked in files:
            attachment_store(case=case, checked=checked, event=case.events.first(), from_reporter=True)
        if follow is not None and case.channel != Channel.WBS:
            case = case_follow(case=case, into=follow)
    return case, secret


def _key_hash(key: str) -> str:
    return hashlib.sha256(b"idempotency:" + key.encode()).hexdigest()


def idempotent(
    key: str | None, request: dict[str, Any], produce: Callable[[], dict[str, Any]]
) -> tuple[dict[str, Any], bool]:
    """Run `produce` once per key. Returns (answer, replayed). The same key with another body is a conflict."""
    if not key:
        return produce(), False
    if len(key) > 200:
        raise InvalidInput(_("Idempotency-Key terlalu panjang."), code="invalid_idempotency_key")
    key_hash = _key_hash(key)
    request_hash = hashlib.sha256(json.dumps(request, sort_keys=True, default=str).encode()).hexdigest()

    def replay(record: IdempotencyRecord) -> tuple[dict[str, Any], bool]:
        if record.request_hash != request_hash:
            raise Conflict(
                _("Idempotency-Key ini sudah dipakai untuk laporan lain."), code="idempotency_key_reused"
            )
        body = crypto.unseal(
            crypto.unwrap(bytes(record.data_key)), bytes(record.response), context=b"idempotency"
        )
        return json.loads(body), True

    existing = IdempotencyRecord.objects.filter(key_hash=key_hash).first()
    if existing:
        return replay(existing)
    try:
        with transaction.atomic():
            answer = produce()
            data_key, wrapped = crypto.new_data_key()
            IdempotencyRecord.objects.create(
                key_hash=key_hash,
                request_hash=request_hash,
                data_key=wrapped,
                created_at=clock.now(),
                response=crypto.seal(data_key, json.dumps(answer).encode(), context=b"idempotency"),
            )
    except IntegrityError:
        # Two retries raced: the other one filed the report; answer as it did.
        return replay(IdempotencyRecord.objects.get(key_hash=key_hash))
    return answer, False
