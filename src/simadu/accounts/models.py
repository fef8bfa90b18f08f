"""Staff users. A role says what kind of work someone does; the unit says for whom."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    VERIFIER = "verifier", _("Verifikator (Itjen)")
    UNIT_OFFICER = "unit_officer", _("Petugas unit")
    AUDITOR = "auditor", _("Auditor Itjen")
    LEADERSHIP = "leadership", _("Pimpinan")
    ADMIN = "admin", _("Administrator")


class User(AbstractUser):
    role = models.CharField(_("peran"), max_length=20, choices=Role.choices, default=Role.UNIT_OFFICER)
    unit = models.ForeignKey(
        "triage.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("unit"),
    )
    wbs_team = models.BooleanField(
        _("tim WBS Itjen"), default=False, help_text=_("Hanya tim WBS Itjen yang dapat membuka laporan WBS.")
    )

    # Two-factor authentication: the TOTP secret, sealed by the master key (never stored in plain).
    totp_secret = models.BinaryField(null=True, blank=True, editable=False)
    totp_confirmed_at = models.DateTimeField(_("2FA aktif sejak"), null=True, blank=True, editable=False)
    totp_last_step = models.BigIntegerField(default=0, editable=False)  # a code is accepted once
    # Lockout after repeated failed logins.
    failed_logins = models.PositiveSmallIntegerField(default=0, editable=False)
    locked_until = models.DateTimeField(_("terkunci sampai"), null=True, blank=True)

    class Meta:
        verbose_name = _("staf")
        verbose_name_plural = _("staf")
        constraints = [
            # WBS access belongs to Itjen staff only: the database refuses anything else. The explicit
            # IS NOT NULL matters: a CHECK passes on NULL, so `unit_id = 'itjen'` alone let a user with
            # no unit into the WBS team.
            models.CheckConstraint(
                condition=models.Q(wbs_team=False)
                | (models.Q(unit__isnull=False) & models.Q(unit_id="itjen")),
                name="wbs_team_only_in_itjen",
            ),
            models.CheckConstraint(
                condition=~models.Q(role="unit_officer") | models.Q(unit__isnull=False),
                name="unit_officer_has_unit",
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def display_name(self) -> str:
        return str(self)


class ApiToken(models.Model):
    """A staff member's key to the staff API. Only its SHA-256 is stored; the key is shown once."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("staf")
    )
    name = models.CharField(_("nama"), max_length=100, help_text=_("Untuk apa token ini dipakai."))
    key_hash = models.CharField(_("sidik token (SHA-256)"), max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("awalan"), max_length=8, editable=False)
    created_at = models.DateTimeField(_("dibuat"), editable=False)
    last_used_at = models.DateTimeField(_("terakhir dipakai"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("dicabut"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("token API")
        verbose_name_plural = _("token API")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.name})"

    @property
    def active(self) -> bool:
        return self.revoked_at is None
