"""The merge form of the case page's duplicates panel (workspace/_duplicates.html). Input only: the rules
are `cases.merge.case_merge`'s."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from simadu.workspace.forms import WorkspaceForm

KEEP_THIS, KEEP_OTHER = "this", "other"


class MergeForm(WorkspaceForm):
    other = forms.CharField(
        label=_("Nomor laporan lain"),
        help_text=_("Contoh: SMD-7KQ2-M9XC"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "autocomplete": "off"}),
    )
    keep = forms.ChoiceField(
        label=_("Laporan mana yang tetap ditangani?"),
        choices=[
            (KEEP_THIS, _("Laporan ini. Laporan lain digabung ke sini dan diarsipkan.")),
            (KEEP_OTHER, _("Laporan lain. Laporan ini digabung ke sana dan diarsipkan.")),
        ],
        widget=forms.RadioSelect,
        initial=KEEP_THIS,
    )
    note = forms.CharField(
        label=_("Catatan internal (boleh kosong)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
