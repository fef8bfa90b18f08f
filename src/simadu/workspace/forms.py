"""The forms of the staff pages: inbox filters, the workflow actions and the message composer.

Forms only read and check input; every rule about who may do what lives in the
permission policy and the services they call.
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from simadu.accounts import signin
from simadu.cases.models import Case, Channel, ForwardChannel, ReportType
from simadu.cases.workflow import ArchiveReason, Status
from simadu.triage.models import Category, Unit

_ANY = [("", _("Semua"))]


class WorkspaceForm(forms.Form):
    """Labels without the trailing colon, as on the rest of SIMADU."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class InboxFilterForm(WorkspaceForm):
    """GET filters of the inbox. The template adds a hidden `f=1`: with it, an unticked "open only" box means off."""

    q = forms.CharField(label=_("Cari nomor laporan atau judul"), required=False, max_length=200)
    channel = forms.ChoiceField(label=_("Kanal"), required=False, choices=_ANY + list(Channel.choices))
    status = forms.ChoiceField(label=_("Tahap"), required=False, choices=_ANY + list(Status.choices))
    unit = forms.ModelChoiceField(
        label=_("Unit"), required=False, queryset=Unit.objects.filter(internal=True), empty_label=_("Semua")
    )
    category = forms.ModelChoiceField(
        label=_("Kategori"), required=False, queryset=Category.objects.all(), empty_label=_("Semua")
    )
    overdue = forms.BooleanField(label=_("Hanya yang terlambat"), required=False)
    open = forms.BooleanField(label=_("Hanya yang belum selesai"), required=False)


class VerifyForm(WorkspaceForm):
    """Mulai verifikasi: no input, only the decision."""


class StartForm(WorkspaceForm):
    """Mulai tindak lanjut: no input."""


class RequestInfoForm(WorkspaceForm):
    question = forms.CharField(
        label=_("Pertanyaan untuk pelapor"),
        help_text=_("Pelapor akan membaca pertanyaan ini. Tulis dengan kata-kata yang mudah dipahami."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
    )


class AssignForm(WorkspaceForm):
    unit = forms.ModelChoiceField(
        label=_("Unit yang berwenang"),
        queryset=Unit.objects.filter(internal=True, active=True),
        empty_label=None,
    )
    category = forms.ModelChoiceField(
        label=_("Kategori"),
        queryset=Category.objects.filter(active=True),
        empty_label=None,
        help_text=_("Ubah bila saran klasifikasi keliru; perubahan dicatat sebagai koreksi."),
    )
    report_type = forms.ChoiceField(label=_("Jenis laporan"), choices=ReportType.choices)
    note = forms.CharField(
        label=_("Catatan untuk unit (internal)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=5000,
    )

    @classmethod
    def for_case(cls, case: Case, data: Any = None) -> AssignForm:
        """Prefilled from the case: the triage unit (or the unit already set), the category and the type."""
        unit = case.unit_id or case.triage.get("unit") or case.category.default_unit_id
        initial = {"unit": unit, "category": case.category_id, "report_type": case.report_type}
        return cls(data, initial=initial, auto_id="assign_%s")


class RespondForm(WorkspaceForm):
    text = forms.CharField(
        label=_("Jawaban untuk pelapor"),
        help_text=_("Pelapor akan membaca jawaban ini."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10000,
    )


class CloseForm(WorkspaceForm):
    note = forms.CharField(
        label=_("Catatan penutupan (internal)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=5000,
    )


class ForwardForm(WorkspaceForm):
    agency = forms.ModelChoiceField(
        label=_("Instansi tujuan"),
        queryset=Unit.objects.filter(internal=False, active=True),
        empty_label=None,
        help_text=_("Pelapor akan membaca nama instansi dan kontaknya."),
    )
    channel = forms.ChoiceField(
        label=_("Cara pengalihan"),
        choices=[("", _("Cara yang biasa untuk instansi ini")), *ForwardChannel.choices],
        required=False,
    )
    reference = forms.CharField(
        label=_("Nomor laporan di instansi tujuan (opsional)"),
        help_text=_(
            "Nomor surat atau nomor tiket dari instansi tujuan; pelapor memakainya saat menghubungi mereka."
        ),
        required=False,
        max_length=100,
    )
    reason = forms.CharField(
        label=_("Alasan pengalihan"),
        help_text=_("Pelapor akan membaca alasan ini. Tulis dengan kata-kata yang mudah dipahami."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
    )


class ArchiveForm(WorkspaceForm):
    reason_code = forms.ChoiceField(label=_("Alasan pengarsipan"), choices=ArchiveReason.choices)
    note = forms.CharField(
        label=_("Pesan untuk pelapor (opsional)"),
        help_text=_("Bila diisi, pelapor akan membaca pesan ini."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=5000,
    )


class Visibility:
    INTERNAL = "internal"
    PUBLIC = "public"


class NoteForm(WorkspaceForm):
    """The composer: an internal note by default; a reply to the reporter only when chosen."""

    text = forms.CharField(label=_("Pesan"), widget=forms.Textarea(attrs={"rows": 4}), max_length=10000)
    visibility = forms.ChoiceField(
        label=_("Siapa yang dapat membaca"),
        choices=[
            (Visibility.INTERNAL, _("Catatan internal")),
            (Visibility.PUBLIC, _("Balasan ke pelapor")),
        ],
        initial=Visibility.INTERNAL,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, may_reply: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not may_reply:
            field = cast(forms.ChoiceField, self.fields["visibility"])
            field.choices = [(Visibility.INTERNAL, _("Catatan internal"))]

    @property
    def public(self) -> bool:
        return bool(self.is_valid() and self.cleaned_data["visibility"] == Visibility.PUBLIC)


ACTION_FORMS: dict[str, type[forms.Form]] = {
    "verify": VerifyForm,
    "request_info": RequestInfoForm,
    "assign": AssignForm,
    "start": StartForm,
    "respond": RespondForm,
    "close": CloseForm,
    "forward": ForwardForm,
    "archive": ArchiveForm,
}


class StaffLoginForm(AuthenticationForm):
    """Django's login form with one answer for every refusal: an unknown name, a wrong password and a
    locked or inactive account read the same, so the page tells nobody which accounts exist."""

    error_messages = {
        "invalid_login": _(
            "Nama pengguna atau kata sandi salah, atau akun sedang dikunci. "
            "Setelah 5 kali salah, akun dikunci selama 15 menit."
        ),
        "inactive": _(
            "Nama pengguna atau kata sandi salah, atau akun sedang dikunci. "
            "Setelah 5 kali salah, akun dikunci selama 15 menit."
        ),
    }

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is not None and password:
            user = signin.password_check(request=self.request, username=username, password=password)
            if user is None:
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(user)
            self.user_cache = user
        return self.cleaned_data
