"""Reference data of the taxonomy, units (kewenangan) and categories (ranah), and what triage learns from.

Slugs are the primary keys: they are the labels of triage-taxonomy.md and of the
API, so they never change; names can be edited in the admin without a deploy.
`TriageExample` keeps each verifier correction as a labelled report for the next
model; `TriageModelVersion` records each trained model and which one is active.
"""

from __future__ import annotations

from django.conf import settings
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
    # For outside agencies (the list of forwarding targets): how the reporter reaches them, and how
    # SIMADU hands a case over by default.
    contact = models.CharField(
        _("kontak untuk pelapor"),
        max_length=300,
        blank=True,
        help_text=_("Alamat, telepon, situs atau e-mail."),
    )
    forward_channel = models.CharField(_("cara pengalihan"), max_length=12, blank=True)
    email = models.EmailField(_("e-mail unit"), blank=True, help_text=_("Untuk pemberitahuan tenggat."))

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


class ExampleSource(models.TextChoices):
    CORRECTION = "correction", _("Koreksi verifikator")


class TriageExample(models.Model):
    """A labelled report learned from a verifier's correction (never from a WBS case: its content is sealed)."""

    Source = ExampleSource

    text = models.TextField()
    title = models.CharField(max_length=200, blank=True)
    reporter_type = models.CharField(max_length=10, default="public")
    anonymous = models.BooleanField(default=False)
    labels = models.JSONField(default=dict)  # channel, report_type, category, supervisory, unit
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.CORRECTION)
    tracking_id = models.CharField(max_length=13, blank=True)  # the case it came from
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("contoh berlabel")
        verbose_name_plural = _("contoh berlabel")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(source__in=ExampleSource.values), name="triage_example_source_known"
            ),
            # A case is corrected at most once (assign or forward); a second correction replaces the first.
            models.UniqueConstraint(
                fields=["tracking_id"],
                condition=models.Q(source="correction"),
                name="triage_example_one_correction_per_case",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.tracking_id or self.pk} → {self.labels.get('category')}/{self.labels.get('unit')}"


class TriageModelVersion(models.Model):
    """One trained model: what it learned from, how it scored on the evaluation set, and whether it serves."""

    version = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField()  # when its training began: the corrections before it are in it
    trained_on = models.PositiveIntegerField()  # reports in the served model: shipped corpus + corrections
    corrections = models.PositiveIntegerField()
    scores = models.JSONField(
        default=dict
    )  # per field accuracy / macro-F1 on the evaluation set, and the gate
    active = models.BooleanField(default=False)
    note = models.TextField(blank=True)  # why it is (not) active

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("versi model triage")
        verbose_name_plural = _("versi model triage")
        constraints = [
            models.UniqueConstraint(
                fields=["active"], condition=models.Q(active=True), name="triage_one_active_model_version"
            ),
        ]

    def __str__(self) -> str:
        return self.version


class TriagePhrase(models.Model):
    """A phrase an administrator adds to a category's lexicon (`triage/lexicon.py`).

    Takes effect at the next `simadu triage train`, which trains the model with the
    shipped phrases plus every active addition; nothing changes until then.
    """

    category = models.ForeignKey(
        Category, on_delete=models.CASCADE, related_name="phrases", verbose_name=_("kategori")
    )
    phrase = models.CharField(
        _("frasa"), max_length=100, help_text=_("Kata atau frasa yang menandai kategori ini.")
    )
    active = models.BooleanField(_("aktif"), default=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        ordering = ["category", "phrase"]
        verbose_name = _("frasa triage")
        verbose_name_plural = _("frasa triage")
        constraints = [models.UniqueConstraint(fields=["category", "phrase"], name="triage_phrase_unique")]

    def __str__(self) -> str:
        return f"{self.category_id}: {self.phrase}"


class RulePhraseEffect(models.TextChoices):
    TRIGGER = "trigger", _("Memicu aturan")
    EXCEPTION = "exception", _("Pengecualian: aturan tidak berlaku")
    DISABLED = "disabled", _("Matikan frasa bawaan")


def _rule_choices() -> list[tuple[str, str]]:
    from simadu.triage.rules import EDITABLE

    return [(rule.name, rule.says) for rule in EDITABLE]


class TriageRulePhrase(models.Model):
    """An administrator's edit of an override rule (`triage/rules.py`): a phrase that makes it fire, an
    exception that stops it, or a shipped phrase switched off. Takes effect within half a minute on
    every server, with no retraining; the explanation of each suggestion names the phrase that fired."""

    Effect = RulePhraseEffect

    rule = models.CharField(_("aturan"), max_length=40, choices=_rule_choices)
    phrase = models.CharField(
        _("frasa"),
        max_length=100,
        help_text=_(
            "Ditulis seperti orang menulis; disimpan dalam bentuk baku (huruf kecil, singkatan diuraikan)."
        ),
    )
    effect = models.CharField(_("pengaruh"), max_length=10, choices=Effect.choices, default=Effect.TRIGGER)
    note = models.CharField(_("alasan"), max_length=300, blank=True)
    active = models.BooleanField(_("aktif"), default=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        ordering = ["rule", "phrase"]
        verbose_name = _("frasa aturan triage")
        verbose_name_plural = _("frasa aturan triage")
        constraints = [
            models.UniqueConstraint(fields=["rule", "phrase", "effect"], name="triage_rule_phrase_unique"),
            models.CheckConstraint(
                condition=models.Q(effect__in=RulePhraseEffect.values), name="triage_rule_phrase_effect_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rule}: {self.phrase} ({self.effect})"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        from simadu.triage.normalize import normalize
        from simadu.triage.rules import EDITABLE

        self.phrase = normalize(self.phrase or "")
        if not self.phrase:
            raise ValidationError({"phrase": _("Frasa kosong setelah dibakukan.")})
        rule = next((r for r in EDITABLE if r.name == self.rule), None)
        shipped = () if rule is None else (*rule.phrases, *rule.unless)
        if self.effect == RulePhraseEffect.DISABLED and self.phrase not in shipped:
            raise ValidationError({"phrase": _("Frasa ini bukan frasa bawaan aturan tersebut.")})
