"""Reference data of the taxonomy: units (kewenangan) and categories (ranah).

Slugs are the primary keys: they are the labels of triage-taxonomy.md and of the
API, so they never change; names can be edited in the admin without a deploy.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Unit(models.Model):
    slug = models.SlugField(primary_key=True, max_length=40)
    name = models.CharField(_("nama"), max_length=200)
    internal = models.BooleanField(
        _("unit kementerian"), default=True, help_text=_("Tidak: lembaga luar, tujuan pengalihan.")
    )
    time_zone = models.CharField(
        _("zona waktu"),
        max_length=4,
        default="WIB",
        choices=[("WIB", "WIB"), ("WITA", "WITA"), ("WIT", "WIT")],
    )
    active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["-internal", "name"]
        verbose_name = _("unit")
        verbose_name_plural = _("unit")

    def __str__(self) -> str:
        return self.name


class Category(models.Model):
    slug = models.SlugField(primary_key=True, max_length=40)
    name = models.CharField(_("nama"), max_length=200)
    name_en = models.CharField(_("nama (Inggris)"), max_length=200, blank=True)
    supervisory = models.BooleanField(_("berkadar pengawasan"), default=False)
    default_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit bawaan")
    )
    active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["supervisory", "name"]
        verbose_name = _("kategori")
        verbose_name_plural = _("kategori")

    def __str__(self) -> str:
        return self.name
