"""The working-day calendar, the SLA policy, one clock per stage of a case, and extensions of a clock.

- `DayOff`: national holidays and cuti bersama, editable, because the government changes
  them mid-year (regulation.md §8). For a year with rows here the table is the calendar;
  a year with none falls back to the `holidays` package until an administrator imports it.
- `SlaPolicy`: how many (working or calendar) days a stage may take, per channel ×
  report type × supervisory; the most specific active row wins.
- `CaseClock`: one running or finished clock of one stage of one case, with its pauses,
  extensions and the escalation steps already taken.
- `ClockExtension`: a request for more time, with its reason, and its approval or refusal.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DayOff(models.Model):
    class Kind(models.TextChoices):
        NATIONAL = "libur_nasional", _("Libur nasional")
        JOINT_LEAVE = "cuti_bersama", _("Cuti bersama")

    date = models.DateField(_("tanggal"), unique=True)
    kind = models.CharField(_("jenis"), max_length=16, choices=Kind.choices)
    name = models.CharField(_("nama"), max_length=120)
    basis = models.CharField(_("dasar hukum"), max_length=200, blank=True, help_text=_("Mis. SKB 3 Menteri."))
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("hari libur")
        verbose_name_plural = _("kalender hari libur")

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.name}"


class Stage(models.TextChoices):
    VERIFY = "verify", _("Verifikasi dan disposisi")
    FIRST_FOLLOW_UP = "first_follow_up", _("Tindak lanjut pertama oleh unit")
    RESOLVE = "resolve", _("Penyelesaian")
    REPORTER_ANSWER = "reporter_answer", _("Jawaban pelapor atas permintaan keterangan")
    AUTO_CLOSE = "auto_close", _("Penutupan otomatis setelah jawaban")
    FORWARD_FOLLOW_UP = "forward_follow_up", _("Pemantauan laporan yang dialihkan")


class SlaPolicy(models.Model):
    stage = models.CharField(_("tahap"), max_length=20, choices=Stage.choices)
    channel = models.CharField(_("kanal"), max_length=10, blank=True, help_text=_("Kosong: semua kanal."))
    report_type = models.CharField(
        _("jenis laporan"), max_length=24, blank=True, help_text=_("Kosong: semua jenis.")
    )
    supervisory = models.BooleanField(
        _("berkadar pengawasan"), null=True, blank=True, help_text=_("Kosong: keduanya.")
    )
    days = models.PositiveSmallIntegerField(_("jumlah hari"))
    calendar_days = models.BooleanField(_("hari kalender"), default=False, help_text=_("Tidak: hari kerja."))
    max_extension_days = models.PositiveSmallIntegerField(_("perpanjangan paling lama (hari)"), default=0)
    basis = models.CharField(_("dasar"), max_length=200, blank=True)
    active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["stage", "channel", "report_type", "supervisory"]
        verbose_name = _("kebijakan tenggat")
        verbose_name_plural = _("kebijakan tenggat (SLA)")
        constraints = [
            models.UniqueConstraint(
                fields=["stage", "channel", "report_type", "supervisory"], name="sla_policy_unique_scope"
            ),
            models.CheckConstraint(condition=models.Q(days__gte=1), name="sla_policy_days_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.get_stage_display()}: {self.days}"


class CaseClock(models.Model):
    class Outcome(models.TextChoices):
        RUNNING = "", _("Berjalan")
        MET = "met", _("Tepat waktu")
        BREACHED = "breached", _("Terlambat")
        CANCELLED = "cancelled", _("Dibatalkan")

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="clocks")
    stage = models.CharField(max_length=20, choices=Stage.choices)
    policy = models.ForeignKey(SlaPolicy, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    days = models.PositiveSmallIntegerField()  # as the policy said when the clock started
    calendar_days = models.BooleanField(default=False)
    zone = models.CharField(max_length=4, default="WIB")  # WIB / WITA / WIT of the handling unit
    started_at = models.DateTimeField()
    due_at = models.DateTimeField()
    original_due_at = models.DateTimeField()
    paused_at = models.DateTimeField(null=True, blank=True)  # set while the case waits on the reporter
    paused_days = models.PositiveSmallIntegerField(default=0)  # working days added back by pauses
    extended_days = models.PositiveSmallIntegerField(default=0)  # approved extensions
    stopped_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True, default="")
    breached_at = models.DateTimeField(null=True, blank=True)
    escalation_level = models.PositiveSmallIntegerField(
        default=0
    )  # 0 none, 1 50%, 2 80%, 3 unit head, 4 Itjen
    announced_at = models.DateTimeField(null=True, blank=True)  # reporter told of the automatic close/archive

    class Meta:
        ordering = ["started_at", "pk"]
        indexes = [
            models.Index(fields=["stopped_at", "due_at"]),
            models.Index(fields=["case", "stage"]),
        ]
        constraints = [
            # At most one running clock of a stage per case.
            models.UniqueConstraint(
                fields=["case", "stage"],
                condition=models.Q(stopped_at__isnull=True),
                name="one_running_clock",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.stage} → {self.due_at:%Y-%m-%d}"

    @property
    def running(self) -> bool:
        return self.stopped_at is None


class ClockExtension(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Menunggu persetujuan")
        APPROVED = "approved", _("Disetujui")
        REFUSED = "refused", _("Ditolak")

    clock = models.ForeignKey(CaseClock, on_delete=models.CASCADE, related_name="extensions")
    days = models.PositiveSmallIntegerField()
    reason = models.TextField()
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)

    class Meta:
        ordering = ["requested_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(days__gte=1), name="extension_days_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.clock_id} +{self.days} ({self.state})"
