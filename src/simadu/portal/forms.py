"""The forms of the public pages: the one report form, tracking, and the reporter's replies.

Forms read and show input; the rules of a submission live in
`intake.services.validate_submission` and `confidentiality.attachments.check_file`,
and their messages are shown next to the field they name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from simadu.cases.models import Channel, ReporterType, Source
from simadu.cases.services import Submission
from simadu.confidentiality.attachments import MAX_FILES, CheckedFile, check_file
from simadu.core import clock, regions
from simadu.core.errors import DomainError
from simadu.intake.services import SHORT_MAX, TEXT_MAX, TEXT_MIN, TITLE_MAX, validate_submission

AUTO = ""


@dataclass(frozen=True)
class ChannelOption:
    value: str
    label: Promise | str
    help: Promise


CHANNEL_OPTIONS: tuple[ChannelOption, ...] = (
    ChannelOption(
        AUTO,
        _("Biarkan sistem memilih"),
        _("Tidak yakin? Pilih ini. Petugas akan memasukkan laporan Anda ke jalur yang tepat."),
    ),
    ChannelOption(
        Channel.HELPDESK,
        Channel.HELPDESK.label,
        _(
            "Masalah situs atau aplikasi Kemnaker, misalnya SIAPkerja: tidak bisa masuk, kode OTP tidak datang."
        ),
    ),
    ChannelOption(
        Channel.LAPOR,
        Channel.LAPOR.label,
        _("Pengaduan soal upah, THR, PHK, keselamatan kerja, lowongan, layanan, atau permintaan informasi."),
    ),
    ChannelOption(
        Channel.WBS,
        Channel.WBS.label,
        _("Melaporkan pelanggaran oleh pegawai Kemnaker. Identitas Anda dirahasiakan."),
    ),
)


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class DomainErrorsMixin:
    """Shows a DomainError next to the field it names, or on top of the form."""

    def apply_error(self: Any, error: DomainError) -> None:
        self.add_error(error.field if error.field in self.fields else None, str(error.message))


def _checked_files(form: Any, uploads: list[UploadedFile[Any]]) -> list[CheckedFile]:
    """Each upload checked by its content; every refusal shows at the files field."""
    if len(uploads) > MAX_FILES:
        form.add_error("files", _("Paling banyak %(n)s berkas.") % {"n": MAX_FILES})
        return []
    checked = []
    for upload in uploads:
        try:
            checked.append(check_file(upload.name or "", upload))
        except DomainError as error:
            form.add_error("files", str(error.message))
    return checked


def region_choices() -> list[tuple[str, Any]]:
    """Provinces for the province select, by name."""
    ordered = sorted(regions.provinces().values(), key=lambda r: r.name)
    return [("", _("Pilih provinsi")), *((r.code, r.name) for r in ordered)]


def regency_choices(province_code: str = "") -> list[tuple[str, Any]]:
    """Regencies of one province; or every regency grouped by province (the page without JavaScript)."""
    empty: list[tuple[str, Any]] = [("", _("Pilih kabupaten/kota"))]
    if province_code in regions.provinces():
        return empty + [(r.code, r.name) for r in regions.regencies_of(province_code)]
    groups: list[tuple[str, Any]] = [
        (province.name, [(r.code, r.name) for r in regions.regencies_of(province.code)])
        for province in sorted(regions.provinces().values(), key=lambda r: r.name)
    ]
    return empty + groups


class ReportForm(DomainErrorsMixin, forms.Form):
    """The one form for every channel. Field names are those of `validate_submission`."""

    # One key per rendered form: a double tap on a slow phone (no JavaScript to stop it)
    # replays the first receipt instead of filing the report twice.
    submission_key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    channel = forms.CharField(
        label=_("Jalur laporan"),
        widget=forms.RadioSelect(choices=[(o.value, o.label) for o in CHANNEL_OPTIONS]),
        required=False,
        initial=AUTO,
    )
    title = forms.CharField(
        label=_("Judul singkat"),
        help_text=_("Contoh: Gaji bulan Mei belum dibayar."),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": TITLE_MAX}),
    )
    text = forms.CharField(
        label=_("Ceritakan kejadiannya"),
        help_text=_(
            "Apa yang terjadi, siapa yang terlibat, kapan, dan di mana. Tulis dengan kata-kata Anda sendiri."
        ),
        required=False,
        widget=forms.Textarea(
            attrs={"rows": 8, "required": True, "minlength": TEXT_MIN, "maxlength": TEXT_MAX}
        ),
    )
    incident_date = forms.CharField(
        label=_("Tanggal kejadian"),
        help_text=_("Boleh dikosongkan jika lupa."),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    province_code = forms.CharField(label=_("Provinsi"), required=False, widget=forms.Select)
    regency_code = forms.CharField(
        label=_("Kabupaten/kota"),
        help_text=_("Pilih provinsi dulu agar daftarnya lebih pendek."),
        required=False,
        widget=forms.Select,
    )
    location_detail = forms.CharField(
        label=_("Tempat kejadian"),
        help_text=_("Alamat atau nama perusahaan/kantor."),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": SHORT_MAX}),
    )
    reported_party = forms.CharField(
        label=_("Pihak yang dilaporkan"),
        help_text=_("Nama perusahaan, kantor, atau jabatan orang yang Anda laporkan."),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": SHORT_MAX}),
    )
    reporter_type = forms.CharField(
        label=_("Anda melapor sebagai"),
        widget=forms.RadioSelect(
            choices=[
                (ReporterType.PUBLIC, _("Masyarakat (pekerja, pencari kerja, pengusaha, warga)")),
                (ReporterType.INTERNAL, _("Pegawai Kemnaker")),
            ]
        ),
        initial=ReporterType.PUBLIC,
        required=False,
    )
    name = forms.CharField(
        label=_("Nama"), required=False, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.CharField(
        label=_("E-mail"),
        help_text=_("Untuk kabar perkembangan laporan."),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Nomor telepon/WhatsApp"),
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
    )
    anonymous = forms.BooleanField(label=_("Sembunyikan identitas saya (anonim)"), required=False)
    confidential = forms.BooleanField(
        label=_("Rahasia: jangan tampilkan laporan ini di statistik/publik"), required=False
    )
    # "Ikuti laporan ini": the signed reference of a similar open report (cases.duplicates), never its
    # tracking id; the radios are drawn by portal/_similar.html.
    follow = forms.CharField(required=False, max_length=300, widget=forms.HiddenInput)
    # Named as validate_submission and check_file name it; the metaclass moves it off the class,
    # so it never hides BaseForm.files.
    files = forms.Field(  # type: ignore[assignment]
        label=_("Bukti"),
        help_text=_("Foto (JPG, PNG), PDF, dokumen Word/Excel, atau rekaman suara/video (MP3, M4A, MP4)."),
        required=False,
        widget=MultipleFileInput(),
    )

    def __init__(self, *args: Any, uploads: Iterable[UploadedFile[Any]] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.uploads = [f for f in uploads if f.name]
        self.submission: Submission | None = None
        self.checked_files: list[CheckedFile] = []
        self.fields["files"].label = _("Bukti (boleh lebih dari satu, paling banyak %(n)s berkas)") % {
            "n": MAX_FILES
        }
        self.fields["incident_date"].widget.attrs["max"] = (
            clock.now().astimezone(clock.WIB).date().isoformat()
        )
        self.fields["province_code"].widget.choices = region_choices()
        # With htmx, choosing a province narrows the regency list; without it the list is grouped.
        self.fields["province_code"].widget.attrs.update(
            {"hx-get": reverse("portal:regencies"), "hx-target": "#id_regency_code", "hx-trigger": "change"}
        )
        self.fields["regency_code"].widget.choices = regency_choices(self._chosen_province())
        # With htmx, a pause in typing the story asks for similar open reports (portal/_similar.html);
        # only these fields are sent, not the reporter's name or contact.
        self.fields["text"].widget.attrs.update(
            {
                "hx-post": reverse("portal:similar"),
                "hx-trigger": "keyup changed delay:800ms",
                "hx-target": "#laporan-serupa",
                "hx-sync": "this:replace",
                "hx-params": "csrfmiddlewaretoken,text,title,channel,follow",
                "aria-controls": "laporan-serupa",
            }
        )

    def _chosen_province(self) -> str:
        value = self.data.get("province_code") if self.is_bound else self.initial.get("province_code")
        return str(value or "")

    def channel_options(self) -> list[tuple[Any, ChannelOption]]:
        """(radio, option) pairs, so the page can put a plain explanation under each channel."""
        return list(zip(self["channel"], CHANNEL_OPTIONS, strict=True))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        try:
            self.submission = validate_submission(
                {
                    **{k: v for k, v in data.items() if k not in ("name", "email", "phone", "files")},
                    "channel": data.get("channel") or None,
                    "reporter": {k: data.get(k) for k in ("name", "email", "phone")},
                    "source": Source.WEB,
                }
            )
        except DomainError as error:
            self.apply_error(error)
        self.checked_files = _checked_files(self, self.uploads)
        return data


class TrackForm(forms.Form):
    tracking_id = forms.CharField(
        label=_("Nomor laporan"),
        max_length=40,
        widget=forms.TextInput(
            attrs={"placeholder": "SMD-XXXX-XXXX", "autocapitalize": "characters", "autocomplete": "off"}
        ),
    )
    secret = forms.CharField(
        label=_("Kode rahasia"),
        max_length=60,
        widget=forms.TextInput(
            attrs={"autocapitalize": "characters", "autocomplete": "off", "spellcheck": "false"}
        ),
    )


class ReceiptForm(forms.Form):
    """The hidden fields of the receipt page's download button."""

    tracking_id = forms.CharField(max_length=40, widget=forms.HiddenInput)
    secret = forms.CharField(max_length=60, widget=forms.HiddenInput)


class ReporterMessageForm(DomainErrorsMixin, forms.Form):
    text = forms.CharField(
        label=_("Pesan atau jawaban Anda"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    files = forms.Field(label=_("Tambah bukti"), required=False, widget=MultipleFileInput())  # type: ignore[assignment]

    def __init__(self, *args: Any, uploads: Iterable[UploadedFile[Any]] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.uploads = [f for f in uploads if f.name]
        self.checked_files: list[CheckedFile] = []

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.checked_files = _checked_files(self, self.uploads)
        return data


RATINGS = [
    (5, _("Sangat puas")),
    (4, _("Puas")),
    (3, _("Cukup")),
    (2, _("Kurang puas")),
    (1, _("Tidak puas")),
]


class RatingForm(DomainErrorsMixin, forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Nilai"), choices=[(str(n), label) for n, label in RATINGS], coerce=int
    )
    comment = forms.CharField(
        label=_("Komentar (boleh kosong)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ObjectionForm(DomainErrorsMixin, forms.Form):
    reason = forms.CharField(
        label=_("Alasan keberatan"),
        help_text=_("Jelaskan mengapa jawaban petugas belum menyelesaikan masalah Anda."),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
