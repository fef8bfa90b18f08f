from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from simadu.triage import rules
from simadu.triage.models import (
    Category,
    TriageExample,
    TriageModelVersion,
    TriagePhrase,
    TriageRulePhrase,
    Unit,
)


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin[Unit]):
    """Units of the ministry and the maintained list of outside agencies a case can be forwarded to
    (filter "unit kementerian: Tidak"): their contact for reporters and their usual forwarding channel."""

    list_display = ("slug", "name", "internal", "contact", "forward_channel", "email", "time_zone", "active")
    list_filter = ("internal", "active", "forward_channel", "time_zone")
    search_fields = ("slug", "name", "contact", "email")

    def get_readonly_fields(self, request, obj=None):  # type: ignore[no-untyped-def]
        return ("slug",) if obj else ()


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin[Category]):
    list_display = ("slug", "name", "supervisory", "default_unit", "active")
    list_filter = ("supervisory", "active")
    search_fields = ("slug", "name")

    def get_readonly_fields(self, request, obj=None):  # type: ignore[no-untyped-def]
        return ("slug",) if obj else ()


@admin.register(TriageExample)
class TriageExampleAdmin(admin.ModelAdmin[TriageExample]):
    """Corrections kept for training. The report text is not shown here: a case is read only through the
    workspace, under the permission policy. Deleting a mistaken correction keeps it out of the next model."""

    list_display = ("tracking_id", "category", "unit", "source", "created_at", "created_by")
    list_filter = ("source",)
    search_fields = ("tracking_id",)
    fields = ("tracking_id", "labels", "reporter_type", "anonymous", "source", "created_at", "created_by")
    readonly_fields = fields

    @admin.display(description=_("kategori"))
    def category(self, obj: TriageExample) -> str:
        return str(obj.labels.get("category", ""))

    @admin.display(description=_("unit"))
    def unit(self, obj: TriageExample) -> str:
        return str(obj.labels.get("unit", ""))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: TriageExample | None = None) -> bool:
        return False


@admin.register(TriageModelVersion)
class TriageModelVersionAdmin(admin.ModelAdmin[TriageModelVersion]):
    """The record of trained models; `simadu triage train` makes and activates them, never this page."""

    list_display = ("version", "created_at", "trained_on", "corrections", "mean_accuracy", "active")
    list_filter = ("active",)
    fields = ("version", "created_at", "trained_on", "corrections", "active", "note", "scores")
    readonly_fields = fields

    @admin.display(description=_("akurasi rata-rata"))
    def mean_accuracy(self, obj: TriageModelVersion) -> str:
        value = obj.scores.get("mean_accuracy")
        return f"{value:.3f}" if isinstance(value, int | float) else "–"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: TriageModelVersion | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: TriageModelVersion | None = None) -> bool:
        return False


@admin.register(TriagePhrase)
class TriagePhraseAdmin(admin.ModelAdmin[TriagePhrase]):
    """Phrases take effect at the next `simadu triage train`."""

    list_display = ("phrase", "category", "active", "created_at")
    list_filter = ("category", "active")
    search_fields = ("phrase",)


@admin.register(TriageRulePhrase)
class TriageRulePhraseAdmin(admin.ModelAdmin[TriageRulePhrase]):
    """Edits of the override rules; they decide within half a minute, with no retraining. The list shows
    every rule with its shipped phrases, so an administrator sees what an edit adds to or takes away from."""

    list_display = ("phrase", "rule", "effect", "active", "note", "created_at")
    list_filter = ("rule", "effect", "active")
    search_fields = ("phrase", "note")
    fields = ("rule", "effect", "phrase", "note", "active")
    change_list_template = "admin/triage/triagerulephrase/change_list.html"

    def changelist_view(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> Any:
        from simadu.triage.engine import active_rules

        in_force = active_rules()
        shipped = [
            {
                "name": rule.name,
                "says": rule.says,
                "phrases": rule.phrases,
                "unless": rule.unless,
                "in_force": getattr(in_force, field),
            }
            for field, rule in ((f, getattr(rules.SHIPPED, f)) for f in rules.SHIPPED.__dataclass_fields__)
        ]
        return super().changelist_view(request, {**(extra_context or {}), "shipped_rules": shipped})

    def save_model(self, request: HttpRequest, obj: TriageRulePhrase, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        from simadu.triage.engine import forget_rules

        forget_rules()
