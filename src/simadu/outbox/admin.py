from typing import Any

from django import forms
from django.contrib import admin
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from simadu.outbox.models import MessageTemplate, OutboxMessage
from simadu.outbox.templates import TemplateProblem, template_check
from simadu.outbox.templates_default import DEFAULTS, PLACEHOLDER_HELP, REPORTER


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin[OutboxMessage]):
    list_display = ("pk", "kind", "topic", "state", "attempts", "created_at", "sent_at", "last_error")
    list_filter = ("kind", "state", "topic")
    exclude = ("data_key", "payload")
    readonly_fields = ("case", "message_id")  # a case is opened in the workspace, never picked here

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False


def placeholder_help(key: str) -> str:
    """The placeholders template `key` may use, each with its meaning, for the administrator."""
    default = DEFAULTS.get(key)
    if default is None:
        return ""
    names = "; ".join(
        f"{{{name}}} = {_(PLACEHOLDER_HELP.get(name, name))}" for name in sorted(default.placeholders)
    )
    audience = _("pelapor") if default.audience == REPORTER else _("staf")
    return _("Untuk %(audience)s. Placeholder yang boleh dipakai: %(names)s.") % {
        "audience": audience,
        "names": names,
    }


class MessageTemplateForm(forms.ModelForm[MessageTemplate]):
    key = forms.ChoiceField(label=gettext_lazy("Jenis pesan"), choices=())

    class Meta:
        model = MessageTemplate
        fields = ("key", "language", "subject", "body")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["key"].choices = [(k, k) for k in DEFAULTS]  # type: ignore[attr-defined]
        key = self.instance.key if self.instance and self.instance.key else ""
        if key:
            help_text = placeholder_help(key)
        else:
            help_text = _("Pilih jenis pesan; placeholder yang boleh dipakai tercantum di halaman ubah.")
        self.fields["body"].help_text = help_text
        self.fields["subject"].help_text = _(
            "Hanya untuk e-mail. Pesan SMS dan WhatsApp memakai isi pesan saja."
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        key = data.get("key") or ""
        if key not in DEFAULTS:
            return data
        for field in ("subject", "body"):
            try:
                template_check(key, data.get(field) or "")
            except TemplateProblem as exc:
                self.add_error(field, str(exc))
        if "\n" in (data.get("subject") or "") or "\r" in (data.get("subject") or ""):
            self.add_error("subject", _("Judul e-mail harus satu baris."))
        return data


@admin.register(MessageTemplate)
class MessageTemplateAdmin(admin.ModelAdmin[MessageTemplate]):
    form = MessageTemplateForm
    list_display = ("key", "language", "subject", "updated_at")
    list_filter = ("language",)
    search_fields = ("key", "subject", "body")
    readonly_fields = ("allowed_placeholders",)
    fields = ("key", "language", "subject", "body", "allowed_placeholders")

    @admin.display(description=gettext_lazy("Placeholder yang boleh dipakai"))
    def allowed_placeholders(self, obj: MessageTemplate | None) -> str:
        if obj is None or not obj.key:
            return "; ".join(f"{key}: " + ", ".join(sorted(d.placeholders)) for key, d in DEFAULTS.items())
        return placeholder_help(obj.key)
