"""The audit log is a hash chain: `simadu audit verify` says it is intact, or names the first entry that
was changed, removed or moved."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import F

from simadu.accounts.models import User
from simadu.audit.models import AuditEntry, AuditHead
from simadu.audit.services import _digest, audit_verify
from simadu.cases import forwarding, services
from simadu.cases.workflow import ArchiveReason
from simadu.confidentiality.sealing import reveal_content, reveal_identity
from simadu.triage.models import Unit
from tests.factories import advance, submit

GRATIFIKASI = (
    "Pejabat eselon di kementerian menerima gratifikasi dari perusahaan penyalur untuk meloloskan izin."
)


def _many_changes(staff: dict[str, User]) -> int:
    """Reports filed, worked, answered, rated, forwarded, archived and read: dozens of audit entries."""
    verifier, officer = staff["verifier"], staff["officer_phi"]
    for n in range(6):
        case, _ = submit(f"Gaji saya bulan ke-{n + 1} belum dibayar oleh PT Contoh Makmur.")
        case = advance(case, "closed", verifier=verifier, officer=officer)
        services.case_rate(case=case, rating=5 - n % 5)
    forwarded, _ = submit("Klaim JHT saya di BPJS Ketenagakerjaan ditolak.")
    forwarding.case_forward(
        case=forwarded,
        actor=verifier,
        agency=Unit.objects.get(pk="bpjs_ketenagakerjaan"),
        channel="sp4n_lapor",
        reason="Urusan BPJS.",
    )
    archived, _ = submit("tes tes tes tes tes")
    services.case_archive(case=archived, actor=verifier, reason_code=ArchiveReason.SPAM)
    wbs, _ = submit(GRATIFIKASI, channel="wbs", name="Pelapor Rahasia")
    services.case_add_note(case=wbs, actor=staff["verifier_wbs"], text="Telaah awal.")
    reveal_content(actor=staff["verifier_wbs"], case=wbs)
    reveal_identity(actor=staff["auditor_wbs"], case=wbs)
    return AuditEntry.objects.count()


def _verify() -> str:
    out = StringIO()
    call_command("audit", "verify", stdout=out)
    return out.getvalue()


def _broken_at() -> tuple[int, str]:
    with pytest.raises(CommandError) as broken:
        _verify()
    return broken.value.returncode, str(broken.value)


@pytest.mark.django_db
def test_the_chain_verifies_after_many_changes_and_says_so_in_one_line(staff):
    """Given dozens of audited changes and reads, when `simadu audit verify` runs, it prints one line that
    counts every entry, and the chain's head is the last entry."""
    entries = _many_changes(staff)
    assert entries > 40

    printed = _verify()

    assert printed.splitlines() == [f"audit chain intact: {entries} entries verified"]
    head = AuditHead.objects.get()
    last = AuditEntry.objects.order_by("-seq").first()
    assert last is not None
    assert (head.seq, head.hash) == (last.seq, last.hash) == (entries, last.hash)
    assert audit_verify().intact


@pytest.mark.django_db
def test_an_empty_chain_is_intact():
    """A fresh installation has nothing to verify and says so."""
    assert _verify().splitlines() == ["audit chain intact: 0 entries verified"]


TAMPERING: dict[str, Callable[[int], object]] = {
    "data": lambda seq: AuditEntry.objects.filter(seq=seq).update(data={"from": "received", "to": "closed"}),
    "actor": lambda seq: AuditEntry.objects.filter(seq=seq).update(actor="system"),
    "action": lambda seq: AuditEntry.objects.filter(seq=seq).update(action="case.note"),
    "object": lambda seq: AuditEntry.objects.filter(seq=seq).update(object_id="SMD-0000-0000"),
    "time": lambda seq: AuditEntry.objects.filter(seq=seq).update(at=F("at") - dt.timedelta(seconds=1)),
}


@pytest.mark.django_db
@pytest.mark.parametrize("field", list(TAMPERING))
def test_changing_an_entry_breaks_the_chain_at_that_entry(field, staff):
    """Given an intact chain, when someone edits one middle entry in the database (its data, actor, action,
    object or time), verification exits 1 naming that entry as changed."""
    entries = _many_changes(staff)
    target = entries // 2

    TAMPERING[field](target)

    returncode, message = _broken_at()
    assert returncode == 1
    assert f"broken at entry #{target}:" in message
    assert "changed" in message


@pytest.mark.django_db
def test_a_forger_who_rehashes_the_entry_they_changed_breaks_the_next_link(staff):
    """Given an intact chain, when someone edits an entry and recomputes its own hash, the next entry no
    longer links to it, and verification names that next entry."""
    entries = _many_changes(staff)
    target = entries // 2
    entry = AuditEntry.objects.get(seq=target)
    forged = {"from": "received", "to": "archived"}
    entry.data = forged
    entry.hash = _digest(
        entry.prev_hash,
        entry.seq,
        entry.at.isoformat(),
        entry.actor,
        entry.action,
        entry.object_type,
        entry.object_id,
        forged,
    )
    entry.save()

    returncode, message = _broken_at()

    assert returncode == 1
    assert f"broken at entry #{target + 1}:" in message
    assert "does not link" in message


@pytest.mark.django_db
def test_deleting_a_middle_entry_breaks_the_chain_where_it_was(staff):
    """Given an intact chain, when one middle entry is deleted, verification exits 1 naming it as missing."""
    entries = _many_changes(staff)
    target = entries // 2

    AuditEntry.objects.filter(seq=target).delete()

    returncode, message = _broken_at()
    assert returncode == 1
    assert f"broken at entry #{target}:" in message
    assert "missing" in message


@pytest.mark.django_db
def test_deleting_the_last_entry_is_caught_by_the_head(staff):
    """Given an intact chain, when the newest entry is deleted (the chain before it still links), the head
    row gives it away and verification names the missing last entry."""
    entries = _many_changes(staff)

    AuditEntry.objects.filter(seq=entries).delete()

    returncode, message = _broken_at()
    assert returncode == 1
    assert f"broken at entry #{entries}:" in message


@pytest.mark.django_db
@pytest.mark.parametrize("distance", [1, 5])
def test_swapping_two_entries_breaks_the_chain_at_the_earlier_one(distance, staff):
    """Given an intact chain, when two entries swap their sequence numbers (a reordering of history),
    verification exits 1 naming the earlier position."""
    entries = _many_changes(staff)
    first, second = entries // 3, entries // 3 + distance
    parked = entries + 1000

    AuditEntry.objects.filter(seq=first).update(seq=parked)
    AuditEntry.objects.filter(seq=second).update(seq=first)
    AuditEntry.objects.filter(seq=parked).update(seq=second)

    returncode, message = _broken_at()
    assert returncode == 1
    assert f"broken at entry #{first}:" in message
