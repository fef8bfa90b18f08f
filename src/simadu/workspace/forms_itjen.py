"""Forms of the case page's Itjen panel (steps, state loss, handler) and of the forwarding follow-up.

They read and check input only; who may do what is the permission policy's, and the rules are the
services' (`cases.itjen`, `cases.forwarding`).
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from simadu.accounts.models import User
from simadu.cases.models import Case
from simadu.cases.workflow import ITJEN_STEPS, ItjenStep
from simadu.workspace.forms import WorkspaceForm


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class ForwardOutcomeForm(WorkspaceForm):
    outcome = forms.CharField(
        label=_("Apa yang sudah dilakukan instansi tujuan"),
        help_text=_("Tulis jawaban instansi tujuan saat ditanya perkembangan laporan ini."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
    )
    tell_reporter = forms.BooleanField(
        label=_("Sampaikan juga kepada pelapor"),
        help_text=_("Bila dicentang, pelapor membaca kabar ini di halaman laporannya."),
        required=False,
    )


class ItjenStepForm(WorkspaceForm):
    """The next step of the examination, or the current one again to add a note and documents."""

    step = forms.ChoiceField(label=_("Tahap"))
    note = forms.CharField(
        label=_("Catatan tahap ini (internal)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=10000,
    )
    # Named as check_file names it; the metaclass moves it off the class, so it never hides BaseForm.files.
    # The view reads the uploads (request.FILES) and checks each by its content.
    files = forms.Field(  # type: ignore[assignment]
        label=_("Dokumen (opsional)"),
        help_text=_("PDF, dokumen Word/Excel atau foto; paling banyak 5 berkas."),
        required=False,
        widget=MultipleFileInput(),
    )

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        current = ITJEN_STEPS.index(case.itjen_step) if case.itjen_step else -1
        choices = []
        for index, value in enumerate(ITJEN_STEPS):
            if index < current:
                continue
            label: Any = ItjenStep(value).label
            if index == current:
                label = _("%(step)s (tambah catatan/dokumen)") % {"step": label}
            choices.append((value, label))
        field = cast(forms.ChoiceField, self.fields["step"])
        field.choices = choices
        field.initial = ITJEN_STEPS[current + 1] if current + 1 < len(ITJEN_STEPS) else case.itjen_step


class StateLossForm(WorkspaceForm):
    amount = forms.IntegerField(
        label=_("Perkiraan kerugian negara (rupiah)"),
        help_text=_(
            "Tulis angka saja, tanpa titik. Rp1.000.000.000 atau lebih ditandai untuk koordinasi dengan KPK."
        ),
        min_value=0,
        max_value=10**17,
    )


class StaffChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj} ({obj.get_role_display()})"


class HandlerForm(WorkspaceForm):
    """Leadership names who holds the case (or nobody)."""

    handler = StaffChoiceField(
        label=_("Pemegang laporan"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("— Belum ada —"),
    )

    def __init__(self, *args: Any, candidates: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(StaffChoiceField, self.fields["handler"])
        field.queryset = User.objects.filter(pk__in=[u.pk for u in candidates]).order_by("first_name", "pk")
