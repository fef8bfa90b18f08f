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
        "triage.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="staff", verbose_name=_("unit")
    )
    wbs_team = models.BooleanField(
        _("tim WBS Itjen"), default=False, help_text=_("Hanya tim WBS Itjen yang dapat membuka laporan WBS.")
    )

    class Meta:
        verbose_name = _("staf")
        verbose_name_plural = _("staf")
        constraints = [
            # WBS access belongs to Itjen staff only: the database refuses anything else.
            models.CheckConstraint(
                condition=models.Q(wbs_team=False) | models.Q(unit_id="itjen"), name="wbs_team_only_in_itjen"
            ),
            models.CheckConstraint(
                condition=~models.Q(role="unit_officer") | models.Q(unit__isnull=False), name="unit_officer_has_unit"
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def display_name(self) -> str:
        return str(self)
