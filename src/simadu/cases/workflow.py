"""The one state machine of a case, declared as data.

`TRANSITIONS` lists every action: the states it may start from, the state it leads
to and who may take it (staff roles, or the pseudo-actors `reporter` and `system`).
`cases.services.transition` is the only code that applies them; a lint rule
(`tools/lint_rules.py`) keeps `status` from being assigned anywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    RECEIVED = "received", _("Diterima")
    VERIFYING = "verifying", _("Diverifikasi")
    AWAITING_INFO = "awaiting_info", _("Menunggu info pelapor")
    ASSIGNED = "assigned", _("Diteruskan ke unit")
    IN_PROGRESS = "in_progress", _("Ditindaklanjuti")
    RESPONDED = "responded", _("Dijawab")
    REOPENED = "reopened", _("Dibuka kembali")
    CLOSED = "closed", _("Selesai")
    FORWARDED = "forwarded", _("Dialihkan")
    ARCHIVED = "archived", _("Diarsipkan")


OPEN_STATES = frozenset(
    {
        Status.RECEIVED,
        Status.VERIFYING,
        Status.AWAITING_INFO,
        Status.ASSIGNED,
        Status.IN_PROGRESS,
        Status.RESPONDED,
        Status.REOPENED,
    }
)
FINAL_STATES = frozenset({Status.CLOSED, Status.FORWARDED, Status.ARCHIVED})
# States in which the handling unit sees the case.
UNIT_STATES = frozenset(
    {Status.ASSIGNED, Status.IN_PROGRESS, Status.RESPONDED, Status.REOPENED, Status.CLOSED}
)

# What the reporter reads for each state: plain words, no jargon.
REPORTER_WORDS: dict[str, Promise] = {
    Status.RECEIVED: _("Laporan Anda sudah kami terima dan menunggu diperiksa petugas."),
    Status.VERIFYING: _("Petugas sedang memeriksa laporan Anda."),
    Status.AWAITING_INFO: _(
        "Petugas membutuhkan keterangan tambahan dari Anda. Silakan jawab pertanyaan di bawah."
    ),
    Status.ASSIGNED: _("Laporan Anda sudah diteruskan ke unit yang berwenang menanganinya."),
    Status.IN_PROGRESS: _("Unit yang berwenang sedang menindaklanjuti laporan Anda."),
    Status.RESPONDED: _("Laporan Anda sudah dijawab. Silakan baca jawabannya dan beri penilaian."),
    Status.REOPENED: _("Keberatan Anda sudah diterima. Laporan ditangani kembali."),
    Status.CLOSED: _("Penanganan laporan Anda sudah selesai."),
    Status.FORWARDED: _("Laporan Anda dialihkan ke instansi lain yang berwenang."),
    Status.ARCHIVED: _("Laporan Anda diarsipkan dan tidak ditindaklanjuti."),
}

REPORTER = "reporter"
SYSTEM = "system"
VERIFIER, UNIT_OFFICER, AUDITOR, LEADERSHIP = "verifier", "unit_officer", "auditor", "leadership"


@dataclass(frozen=True)
class Transition:
    action: str
    sources: frozenset[str]
    target: str
    actors: frozenset[str]
    label: Promise


def _t(action: str, sources: set[str], target: str, actors: set[str], label: Promise) -> Transition:
    return Transition(action, frozenset(sources), target, frozenset(actors), label)


S = Status
TRANSITIONS: tuple[Transition, ...] = (
    _t("verify", {S.RECEIVED}, S.VERIFYING, {VERIFIER}, _("Mulai verifikasi")),
    _t("request_info", {S.RECEIVED, S.VERIFYING}, S.AWAITING_INFO, {VERIFIER}, _("Minta keterangan pelapor")),
    _t("provide_info", {S.AWAITING_INFO}, S.VERIFYING, {REPORTER}, _("Pelapor memberi keterangan")),
    _t("assign", {S.RECEIVED, S.VERIFYING}, S.ASSIGNED, {VERIFIER}, _("Teruskan ke unit")),
    _t("start", {S.ASSIGNED, S.REOPENED}, S.IN_PROGRESS, {UNIT_OFFICER, AUDITOR}, _("Mulai tindak lanjut")),
    _t(
        "respond",
        {S.ASSIGNED, S.IN_PROGRESS, S.REOPENED},
        S.RESPONDED,
        {UNIT_OFFICER, AUDITOR},
        _("Kirim jawaban"),
    ),
    _t("reopen", {S.RESPONDED}, S.REOPENED, {REPORTER}, _("Pelapor mengajukan keberatan")),
    _t(
        "close",
        {S.RESPONDED},
        S.CLOSED,
        {VERIFIER, UNIT_OFFICER, AUDITOR, LEADERSHIP, SYSTEM},
        _("Tutup laporan"),
    ),
    _t("forward", {S.RECEIVED, S.VERIFYING}, S.FORWARDED, {VERIFIER}, _("Alihkan ke instansi lain")),
    _t("archive", {S.RECEIVED, S.VERIFYING, S.AWAITING_INFO}, S.ARCHIVED, {VERIFIER, SYSTEM}, _("Arsipkan")),
)
_BY_ACTION = {t.action: t for t in TRANSITIONS}
ACTIONS = frozenset(_BY_ACTION)


def transition(action: str) -> Transition:
    return _BY_ACTION[action]


def allowed_from(status: str) -> list[Transition]:
    return [t for t in TRANSITIONS if status in t.sources]


class ItjenStep(models.TextChoices):
    """Itjen's steps inside `in_progress` for supervisory and WBS cases, in order (product.md)."""

    TELAAH = "telaah", _("Telaah")
    KLARIFIKASI = "klarifikasi", _("Klarifikasi")
    AUDIT = "audit_investigatif", _("Audit investigatif")
    LAPORAN_HASIL = "laporan_hasil", _("Laporan hasil")
    REKOMENDASI = "rekomendasi", _("Rekomendasi")
    PEMANTAUAN = "pemantauan", _("Pemantauan tindak lanjut")


ITJEN_STEPS: tuple[str, ...] = tuple(ItjenStep.values)
# A state loss at or above this many rupiah is flagged for coordination with KPK.
KPK_THRESHOLD_RUPIAH = 1_000_000_000


class ArchiveReason(models.TextChoices):
    SPAM = "spam", _("Spam atau uji coba")
    DUPLICATE = "duplicate", _("Duplikat laporan lain")
    INCOMPLETE = "incomplete", _("Tidak lengkap sampai batas waktu")
    NOT_A_COMPLAINT = "not_a_complaint", _("Bukan pengaduan")
    OUT_OF_SCOPE = "out_of_scope", _("Di luar kewenangan dan tidak dapat dialihkan")
