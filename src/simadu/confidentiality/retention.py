"""The retention schedule (UU 27/2022): personal data is kept as long as the handling needs it, then destroyed.

A case closed, forwarded or archived more than `SIMADU_RETENTION_YEARS` ago, and not touched
since, is anonymised by crypto-shredding: its wrapped data key is overwritten with nothing, so
every sealed copy of it (identity, WBS content, event bodies, attachments and their originals)
can no longer be opened. The plain free text is cleared (with its copy kept as a triage
training example) and the evidence files are deleted as well. What is counted (channel,
category, unit, dates, status, rating) stays, so the public statistics and recaps keep their
numbers.

Backups: a backup made before the anonymisation still holds the wrapped data key, which the
master key that wrapped it can open. Such backups become unreadable when that master key is
retired (`simadu keys new` or a new SIMADU_MASTER_KEY, then `simadu keys rotate`) and then
destroyed, so a master key should live no longer than the backups made under it are kept.

Delivered outgoing messages and idempotency answers hold a reporter's address or secret
(sealed under their own data keys); they are deleted after a few days
(`SIMADU_OUTBOX_KEEP_DAYS`, `SIMADU_IDEMPOTENCY_KEEP_DAYS`).

`simadu retention run [--dry-run]` is the only caller in production; each case gets a
content-free audit entry and each run one with its counts. The intake and outbox tables are
reached by name, not imported: confidentiality sits below those apps.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q, QuerySet

from simadu.audit.services import audit_record
from simadu.cases.models import Attachment, Case, CaseEvent
from simadu.cases.workflow import FINAL_STATES
from simadu.core import clock
from simadu.triage.models import TriageExample

log = logging.getLogger(__name__)

# Outgoing messages in these states will not be sent again (held ones wait for a mail server
# that is not configured; `outbox_deliver_due` never retries them).
FINISHED_OUTBOX_STATES = ("sent", "failed", "held")
CONTENT_FIELDS = ("title", "text", "reported_party", "location_detail", "rating_comment")

Progress = Callable[[str, int, int], None]  # (what, done, total)


@dataclass
class RetentionReport:
    dry_run: bool
    cutoff: dt.datetime
    cases: list[str] = field(default_factory=list)  # tracking ids anonymised (or that would be)
    files: int = 0
    outbox: int = 0
    idempotency: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "dry_run": self.dry_run,
            "cutoff": self.cutoff,
            "retention_years": settings.SIMADU_RETENTION_YEARS,
            "cases": len(self.cases),
            "files": self.files,
            "outbox_messages": self.outbox,
            "idempotency_records": self.idempotency,
        }


def years_before(moment: dt.datetime, years: int) -> dt.datetime:
    """The same calendar moment `years` earlier (29 February becomes the 28th)."""
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:
        return moment.replace(year=moment.year - years, day=28)


def due_cases(*, now: dt.datetime | None = None) -> QuerySet[Case]:
    """Cases the schedule has reached: final, ended before the cutoff, nothing written since.

    The last-activity test keeps a reporter's late message or rating from being destroyed
    with the case it belongs to; the case waits its full term again from that day.
    """
    cutoff = years_before(now or clock.now(), settings.SIMADU_RETENTION_YEARS)
    ended = Q(closed_at__lte=cutoff) | Q(closed_at__isnull=True, status_changed_at__lte=cutoff)
    return (
        Case.objects.filter(anonymised_at__isnull=True, status__in=FINAL_STATES)
        .filter(ended)
        .exclude(events__at__gt=cutoff)
        .order_by("pk")
    )


def _stored_files(case: Case) -> list[str]:
    names: list[str] = []
    for storage_name, original in case.attachments.values_list("storage_name", "original_storage_name"):
        names += [n for n in (storage_name, original) if n]
    return names


def anonymise_case(case: Case, *, actor: Any) -> Case:
    """Destroy the case's personal data for good and keep what is counted. Idempotent.

    The files are deleted after the commit: until then the rows still name them, and once the
    data key is gone they are unreadable ciphertext anyway.
    """
    with transaction.atomic():
        case = Case.objects.select_for_update(of=("self",)).get(pk=case.pk)
        if case.anonymised_at is not None:
            return case
        files = _stored_files(case)
        attachments = case.attachments.count()
        case.data_key = b""
        case.sealed_identity = None
        case.sealed_content = None
        for name in CONTENT_FIELDS:
            setattr(case, name, "")
        # The triage explanation quotes the report's own words; the labels and the confidence stay.
        case.triage = {**case.triage, "explanation": ""} if case.triage else case.triage
        case.anonymised_at = clock.now()
        case.save(
            update_fields=[
                "data_key",
                "sealed_identity",
                "sealed_content",
                *CONTENT_FIELDS,
                "triage",
                "anonymised_at",
            ]
        )
        events = CaseEvent.objects.filter(case=case).update(body="", sealed_body=None)
        Attachment.objects.filter(case=case).delete()
        # A verifier's correction kept the report's text as a training example; it goes too.
        examples = TriageExample.objects.filter(tracking_id=case.tracking_id).delete()[0]
        audit_record(
            actor=actor,
            action="case.anonymise",
            obj_type="case",
            obj_id=case.tracking_id,
            data={
                "retention_years": settings.SIMADU_RETENTION_YEARS,
                "events_cleared": events,
                "attachments": attachments,
                "files": len(files),
                "triage_examples": examples,
            },
        )
        transaction.on_commit(lambda: _delete_files(files))
    return case


def _delete_files(names: list[str]) -> None:
    for name in names:
        try:
            default_storage.delete(name)
        except OSError:
            # Unreadable without the destroyed key; logged by its random name only.
            log.warning("could not delete anonymised evidence file %s", name)


def _purge(
    model_label: str, old: Q, *, dry_run: bool, progress: Progress | None, what: str, batch: int
) -> int:
    model = apps.get_model(model_label)
    qs = model._default_manager.filter(old)
    total: int = qs.count()
    if dry_run or not total:
        if progress:
            progress(what, total, total)
        return total
    done = 0
    while True:
        pks = list(qs.order_by("pk").values_list("pk", flat=True)[:batch])
        if not pks:
            break
        with transaction.atomic():
            deleted: int = model._default_manager.filter(pk__in=pks).delete()[0]
            done += deleted
        if progress:
            progress(what, done, total)
    return done


def retention_run(
    *, actor: Any = "system", dry_run: bool = False, progress: Progress | None = None, batch: int = 200
) -> RetentionReport:
    """Apply the schedule once: anonymise due cases, purge old outgoing messages and idempotency answers.

    Each case is its own transaction, so an interrupted run keeps what it did and the next run
    carries on. A dry run changes nothing and writes no audit entry; it lists what a run would do.
    """
    now = clock.now()
    report = RetentionReport(dry_run=dry_run, cutoff=years_before(now, settings.SIMADU_RETENTION_YEARS))
    due = list(due_cases(now=now).values_list("pk", "tracking_id"))
    for done, (pk, tracking_id) in enumerate(due, start=1):
        report.cases.append(tracking_id)
        case = Case.objects.get(pk=pk)
        report.files += len(_stored_files(case))
        if not dry_run:
            anonymise_case(case, actor=actor)
        if progress and (done % 50 == 0 or done == len(due)):
            progress("cases", done, len(due))
    outbox_cutoff = now - dt.timedelta(days=settings.SIMADU_OUTBOX_KEEP_DAYS)
    report.outbox = _purge(
        "outbox.OutboxMessage",
        Q(state__in=FINISHED_OUTBOX_STATES, created_at__lt=outbox_cutoff),
        dry_run=dry_run,
        progress=progress,
        what="outbox",
        batch=batch,
    )
    idempotency_cutoff = now - dt.timedelta(days=settings.SIMADU_IDEMPOTENCY_KEEP_DAYS)
    report.idempotency = _purge(
        "intake.IdempotencyRecord",
        Q(created_at__lt=idempotency_cutoff),
        dry_run=dry_run,
        progress=progress,
        what="idempotency",
        batch=batch,
    )
    if not dry_run:
        audit_record(
            actor=actor,
            action="retention.run",
            obj_type="retention",
            obj_id=now.date().isoformat(),
            data=report.as_dict(),
        )
    return report
