"""A case is one report and everything done with it.

Plain columns hold what staff search and count. What would identify a reporter
(name, e-mail, phone) is always sealed; for WBS reports the content is sealed too
(title, chronology, reported party, place), with a per-case data key wrapped by the
master key (see `simadu.core.crypto`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from simadu.cases.workflow import ArchiveReason, ItjenStep, Status


class Channel(models.TextChoices):
    HELPDESK = "helpdesk", "Helpdesk"
    LAPOR = "lapor", "SPAN-LAPOR!"
    WBS = "wbs", "WBS Online"


class ReportType(models.TextChoices):
    PENGADUAN = "pengaduan", _("Pengaduan")
    ASPIRASI = "aspirasi", _("Aspirasi")
    PERMINTAAN_INFORMASI = "permintaan_informasi", _("Permintaan informasi")


class ReporterType(models.TextChoices):
    PUBLIC = "public", _("Masyarakat")
    INTERNAL = "internal", _("Pegawai Kemnaker")


class Source(models.TextChoices):
    WEB = "web", _("Portal")
    API = "api", _("API")
    STAFF = "staff", _("Dicatat petugas")
    EMAIL = "email", _("E-mail")


class Case(models.Model):
    tracking_id = models.CharField(max_length=13, unique=True)
    secret_hash = models.CharField(max_length=64)
    data_key = models.BinaryField()

    channel = models.CharField(max_length=10, choices=Channel.choices)
    channel_chosen = models.BooleanField(default=False)  # the reporter picked it; else triage did
    report_type = models.CharField(max_length=24, choices=ReportType.choices)
    category = models.ForeignKey("triage.Category", on_delete=models.PROTECT, related_name="cases")
    supervisory = models.BooleanField(default=False)
    unit = models.ForeignKey(
        "triage.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="cases"
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.RECEIVED)
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.WEB)

    reporter_type = models.CharField(max_length=10, choices=ReporterType.choices, default=ReporterType.PUBLIC)
    anonymous = models.BooleanField(default=False)
    confidential = models.BooleanField(default=False)  # rahasia: never in any public view
    has_contact = models.BooleanField(default=False)  # an e-mail to notify is in the sealed identity
    sealed_identity = models.BinaryField(null=True, blank=True)

    title = models.CharField(max_length=200, blank=True)
    text = models.TextField(blank=True)
    reported_party = models.CharField(max_length=300, blank=True)
    location_detail = models.CharField(max_length=300, blank=True)
    sealed_content = models.BinaryField(null=True, blank=True)  # WBS: all of the above, sealed
    incident_date = models.DateField(null=True, blank=True)
    province_code = models.CharField(max_length=2, blank=True)
    regency_code = models.CharField(max_length=5, blank=True)

    triage = models.JSONField(default=dict)  # the suggestion as made, with the engine version

    received_at = models.DateTimeField()
    status_changed_at = models.DateTimeField()
    stage_due_at = models.DateTimeField(null=True, blank=True)
    first_response_at = models.DateTimeField(null=True, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    forwarded_to = models.ForeignKey(
        "triage.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="forwarded_cases"
    )
    forward_reference = models.CharField(max_length=100, blank=True)
    archive_reason = models.CharField(max_length=20, choices=ArchiveReason.choices, blank=True)

    rating = models.PositiveSmallIntegerField(null=True, blank=True)
    rating_comment = models.CharField(max_length=1000, blank=True)
    objected_at = models.DateTimeField(null=True, blank=True)

    # Who holds the case now (an officer of the unit, or an Itjen auditor); blank: the unit as a whole.
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="handled_cases",
    )
    # Duplicates: a merged case is archived (reason duplicate) and points at the one that is handled;
    # its reporter follows that case and their messages go there.
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged_cases"
    )
    # Itjen's workflow for supervisory and WBS cases (workflow.ItjenStep), inside in_progress.
    itjen_step = models.CharField(max_length=20, choices=ItjenStep.choices, blank=True)
    state_loss_estimate = models.BigIntegerField(null=True, blank=True)  # rupiah
    kpk_flagged_at = models.DateTimeField(null=True, blank=True)
    closure_requested_at = models.DateTimeField(null=True, blank=True)
    closure_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    closure_approved_at = models.DateTimeField(null=True, blank=True)
    closure_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    # Personal data law (UU 27/2022): when the retention schedule anonymised this case, its data key
    # was destroyed (every sealed copy unreadable, backups included) and its free text cleared.
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-received_at"]
        indexes = [
            models.Index(fields=["status", "received_at"]),
            models.Index(fields=["unit", "status"]),
            models.Index(fields=["channel", "status"]),
            models.Index(fields=["stage_due_at"]),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(status__in=Status.values), name="case_status_known"),
            models.CheckConstraint(condition=models.Q(channel__in=Channel.values), name="case_channel_known"),
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=5),
                name="case_rating_1_5",
            ),
            # WBS content is never stored in the plain columns.
            models.CheckConstraint(
                condition=~models.Q(channel="wbs") | (models.Q(text="") & models.Q(reported_party="")),
                name="case_wbs_content_sealed",
            ),
            models.CheckConstraint(
                condition=~models.Q(status__in=["assigned", "in_progress", "responded", "reopened"])
                | models.Q(unit__isnull=False),
                name="case_handled_has_unit",
            ),
        ]

    def __str__(self) -> str:
        return self.tracking_id

    @property
    def sealed(self) -> bool:
        return self.channel == Channel.WBS


class CaseEvent(models.Model):
    """One line of the timeline: a transition, a note, a reply, a reporter's message."""

    class Kind(models.TextChoices):
        RECEIVED = "received", _("Laporan diterima")
        TRANSITION = "transition", _("Perubahan tahap")
        NOTE = "note", _("Catatan internal")
        REPLY = "reply", _("Balasan untuk pelapor")
        REPORTER_MESSAGE = "reporter_message", _("Pesan pelapor")
        RATING = "rating", _("Penilaian pelapor")
        TRIAGE_CORRECTION = "triage_correction", _("Koreksi klasifikasi")
        DEADLINE = "deadline", _("Tenggat")  # a pause, an extension, a changed calendar
        ESCALATION = "escalation", _("Peringatan tenggat")
        ANNOUNCEMENT = "announcement", _("Pemberitahuan otomatis")
        ITJEN_STEP = "itjen_step", _("Tahap pemeriksaan Itjen")
        MERGE = "merge", _("Penggabungan laporan")
        FORWARD_FOLLOW_UP = "forward_follow_up", _("Pemantauan pengalihan")
        NOTIFICATION = "notification", _("Pemberitahuan ke pelapor")

    class Visibility(models.TextChoices):
        INTERNAL = "internal", _("Internal")
        PUBLIC = "public", _("Terlihat pelapor")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField()
    kind = models.CharField(max_length=20, choices=Kind.choices)
    action = models.CharField(max_length=20, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)
    actor_kind = models.CharField(max_length=10, default="staff")  # staff | reporter | system
    from_status = models.CharField(max_length=16, blank=True)
    to_status = models.CharField(max_length=16, blank=True)
    visibility = models.CharField(max_length=10, choices=Visibility.choices, default=Visibility.INTERNAL)
    body = models.TextField(blank=True)
    sealed_body = models.BinaryField(null=True, blank=True)  # WBS cases: the body, sealed
    data = models.JSONField(default=dict)

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["case", "at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(visibility__in=["internal", "public"]), name="event_visibility_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind} {self.at:%Y-%m-%d %H:%M}"


class Attachment(models.Model):
    """An evidence file, stored encrypted with the case's data key under a random name."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    event = models.ForeignKey(
        CaseEvent, on_delete=models.SET_NULL, null=True, blank=True, related_name="attachments"
    )
    # The sanitised copy (metadata stripped), which staff read; encrypted like the original.
    storage_name = models.CharField(max_length=100, unique=True)
    # The untouched original, sealed as evidence and readable only through break-glass; blank
    # when the sanitised copy is the original (nothing to strip).
    original_storage_name = models.CharField(max_length=100, blank=True)
    stripped = models.JSONField(default=list)  # what was removed, e.g. ["exif", "gps", "pdf_author"]
    sealed_name = models.BinaryField()  # the original file name can identify a reporter
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    from_reporter = models.BooleanField(default=True)
    uploaded_at = models.DateTimeField()

    class Meta:
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.storage_name


class ForwardChannel(models.TextChoices):
    SP4N_LAPOR = "sp4n_lapor", "SP4N-LAPOR!"
    EMAIL = "email", _("E-mail resmi")
    LETTER = "letter", _("Surat dinas")
    APPLICATION = "application", _("Aplikasi instansi tujuan")
    OTHER = "other", _("Lainnya")


class Forwarding(models.Model):
    """Dialihkan: where a case went outside the ministry, how, under which reference, and its follow-up."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="forwarding")
    agency = models.ForeignKey("triage.Unit", on_delete=models.PROTECT, related_name="forwardings")
    channel = models.CharField(max_length=12, choices=ForwardChannel.choices)
    reference = models.CharField(max_length=100, blank=True)  # the agency's own number for it
    reason = models.TextField()  # in plain words, for the reporter
    forwarded_at = models.DateTimeField()
    forwarded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    follow_up_due_at = models.DateTimeField()  # when to ask the agency what became of it
    reminded_at = models.DateTimeField(null=True, blank=True)
    followed_up_at = models.DateTimeField(null=True, blank=True)
    agency_outcome = models.TextField(blank=True)  # what the agency said it did

    class Meta:
        ordering = ["-forwarded_at"]
        indexes = [models.Index(fields=["followed_up_at", "follow_up_due_at"])]

    def __str__(self) -> str:
        return f"{self.case_id} → {self.agency_id}"
