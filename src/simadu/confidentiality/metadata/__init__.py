"""Metadata stripped from evidence on the server, because a reporter on a cheap phone cannot do it.

A phone photo carries the GPS position of the reporter's house and the phone's model; a Word file
carries the author's name and office; a voice memo carries the phone's name. Staff read a copy rebuilt
without them (the untouched original is kept sealed for break-glass, see attachments.read_original).

Rebuilding, not deleting fields, is the point: an image is re-encoded from its pixels, a PDF rewritten
from its objects, an Office file re-zipped part by part, so whatever a crafted file hides outside what
the format shows (a script after the JPEG end, HTML after the PDF end) is not carried over. A file whose
first bytes promise a format but whose body cannot be read as that format is refused, never stored as
it came. MP4/M4A boxes are blanked in place (turned into `free` boxes of the same size) so that the
sample offsets stay valid without remuxing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from simadu.confidentiality.metadata.documents import clean_office, clean_pdf
from simadu.confidentiality.metadata.images import image_cleaner
from simadu.confidentiality.metadata.media import clean_mp3, clean_mp4
from simadu.confidentiality.metadata.refusals import UNSUPPORTED, TooLarge, Unreadable
from simadu.core.errors import InvalidInput

__all__ = ["LABELS", "UNSUPPORTED", "Sanitised", "describe", "sanitise"]

# What `Sanitised.stripped` may hold, as staff read it next to the file.
LABELS: dict[str, Any] = {
    "gps": gettext_lazy("lokasi GPS"),
    "exif": gettext_lazy("data kamera"),
    "xmp": gettext_lazy("riwayat penyuntingan (XMP)"),
    "iptc": gettext_lazy("keterangan foto (IPTC)"),
    "comment": gettext_lazy("komentar tersembunyi"),
    "png_text": gettext_lazy("teks tersembunyi di gambar"),
    "pdf_info": gettext_lazy("nama penulis dan aplikasi pembuat"),
    "pdf_script": gettext_lazy("skrip di dalam PDF"),
    "office_author": gettext_lazy("nama penulis dan penyunting"),
    "office_properties": gettext_lazy("judul, tanggal dan keterangan dokumen"),
    "office_company": gettext_lazy("nama kantor atau perusahaan"),
    "office_custom": gettext_lazy("properti khusus dokumen"),
    "office_people": gettext_lazy("nama pengubah dan pemberi komentar"),
    "office_path": gettext_lazy("lokasi folder di komputer pembuat"),
    "id3": gettext_lazy("tag rekaman (judul, nama, perangkat)"),
    "media_tags": gettext_lazy("data rekaman (perangkat, tanggal, judul)"),
}


@dataclass(frozen=True)
class Sanitised:
    data: bytes
    stripped: list[str]


def sanitise(content_type: str, data: bytes, *, name: str = "") -> Sanitised:
    """The file rebuilt without its metadata, and what was found in it (see LABELS).

    Raises InvalidInput (field `files`) when the file cannot be read as its type or would unpack
    into a bomb. A type there is no cleaner for comes back unchanged, marked "unsupported".
    """
    handler = _HANDLERS.get(content_type)
    if handler is None:
        return Sanitised(data, [UNSUPPORTED])
    shown = name or _("berkas")
    try:
        clean, found = handler(data)
    except TooLarge as error:
        message = (
            _("Gambar %(name)s terlalu besar untuk diproses. Kirim foto dengan ukuran lebih kecil.")
            if error.kind == "image"
            else _(
                "Dokumen %(name)s terlalu besar setelah dibuka. Kirim dokumen yang lebih kecil atau "
                "dalam bentuk PDF."
            )
        )
        raise InvalidInput(message % {"name": shown}, code="file_too_large", field="files") from None
    except Unreadable:
        raise InvalidInput(
            _(
                "Berkas %(name)s rusak atau isinya tidak sesuai dengan jenisnya, jadi tidak dapat "
                "diterima. Coba kirim ulang berkas aslinya."
            )
            % {"name": shown},
            code="file_unreadable",
            field="files",
        ) from None
    order = [*LABELS, UNSUPPORTED]
    return Sanitised(clean, sorted(found, key=order.index))


def describe(stripped: list[str]) -> str:
    """What was removed, in the words staff read ("lokasi GPS, data kamera"); "" when nothing."""
    return ", ".join(str(LABELS[item]) for item in stripped if item in LABELS)


_HANDLERS: dict[str, Callable[[bytes], tuple[bytes, set[str]]]] = {
    "image/jpeg": image_cleaner("JPEG"),
    "image/png": image_cleaner("PNG"),
    "image/webp": image_cleaner("WEBP"),
    "application/pdf": clean_pdf,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": clean_office,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": clean_office,
    "audio/mpeg": clean_mp3,
    "audio/mp4": clean_mp4,
    "video/mp4": clean_mp4,
}
