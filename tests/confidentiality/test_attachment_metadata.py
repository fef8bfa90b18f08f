"""Evidence loses what would give the reporter away before staff ever see it.

A reporter sends a phone photo, a letter, a Word file or a recording through the report form. Staff
download a copy without the GPS position, camera, authors and tags; the untouched original stays sealed
for the break-glass read (read_original); and nothing of it is in plain text in the media store.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import ExifTags, Image
from pypdf import PdfReader

from simadu.accounts.models import User
from simadu.cases.models import Attachment, Case
from simadu.confidentiality.attachments import read_original
from tests.confidentiality import evidence_files as ev
from tests.factories import login_staff
from tests.portal.pages import field_error, form_data

EVIDENCE = [
    pytest.param(
        "foto-rumah.jpg",
        ev.jpeg_with_gps,
        [ev.CAMERA, ev.GPS_DATUM, ev.PHOTO_COMMENT, ev.PHOTO_XMP],
        ["gps", "exif", "xmp", "comment"],
        "Metadata dihapus: lokasi GPS, data kamera",
        id="phone photo",
    ),
    pytest.param(
        "tangkapan-layar.png",
        ev.png_with_text,
        [ev.PNG_AUTHOR],
        ["png_text"],
        "Metadata dihapus: teks tersembunyi di gambar",
        id="screenshot",
    ),
    pytest.param(
        "surat.pdf",
        ev.pdf_with_author,
        [ev.PDF_AUTHOR, ev.PDF_CREATOR, ev.PDF_XMP],
        ["xmp", "pdf_info"],
        "Metadata dihapus: riwayat penyuntingan (XMP), nama penulis dan aplikasi pembuat",
        id="letter",
    ),
    pytest.param(
        "kronologi.docx",
        ev.docx_with_creator,
        [
            ev.DOCX_CREATOR,
            ev.DOCX_EDITOR,
            ev.DOCX_COMPANY,
            ev.DOCX_CUSTOM,
            ev.DOCX_REVISER,
            ev.GPS_DATUM,
            ev.CAMERA,
        ],
        [
            "gps",
            "exif",
            "xmp",
            "comment",
            "office_author",
            "office_properties",
            "office_company",
            "office_custom",
            "office_people",
        ],
        "nama penulis dan penyunting",
        id="word document",
    ),
    pytest.param(
        "rekap-gaji.xlsx",
        ev.xlsx_with_creator,
        [ev.XLSX_CREATOR],
        ["office_author", "office_properties"],
        "Metadata dihapus: nama penulis dan penyunting",
        id="excel sheet",
    ),
    pytest.param(
        "rekaman.mp3",
        ev.mp3_with_id3,
        [ev.MP3_ARTIST, ev.MP3_TITLE],
        ["id3"],
        "Metadata dihapus: tag rekaman (judul, nama, perangkat)",
        id="voice recording",
    ),
    pytest.param(
        "video.mp4",
        ev.mp4_with_gps,
        [ev.MP4_PLACE, ev.MP4_DEVICE],
        ["gps", "media_tags"],
        "Metadata dihapus: lokasi GPS, data rekaman (perangkat, tanggal, judul)",
        id="phone video",
    ),
]


def _file_report(client: Client, name: str, data: bytes) -> Case:
    """Send the report form with one evidence file, as a reporter's phone does."""
    upload = SimpleUploadedFile(name, data, content_type="application/octet-stream")
    response = client.post("/lapor", {**form_data(), "files": [upload]})
    assert response.status_code == 200, field_error(response.content.decode(), "files")
    return Case.objects.get()


def _staff(user: User) -> Client:
    return login_staff(Client(), user)


def _everything_stored(media_root: Path) -> bytes:
    return b"".join(path.read_bytes() for path in media_root.rglob("*") if path.is_file())


def _all_parts(data: bytes) -> bytes:
    """An Office file's parts unpacked (their text is deflated inside the zip)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return b"".join(archive.read(name) for name in archive.namelist())


def _readable(name: str, data: bytes) -> bytes:
    return _all_parts(data) if name.endswith((".docx", ".xlsx")) else data


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "build", "markers", "stripped", "note"), EVIDENCE)
def test_staff_download_evidence_without_the_metadata_that_identifies_the_reporter(
    client, staff, media_root, name, build, markers, stripped, note
):
    """Given a report sent with a file full of identifying metadata, the verifier's download holds none of
    it, the case page says what was removed, the sealed original still holds all of it, and the media
    store holds none of it in plain text."""
    original = build()
    assert all(marker in _readable(name, original) for marker in markers), "the test file must carry them"
    case = _file_report(client, name, original)
    attachment = Attachment.objects.get(case=case)
    verifier = _staff(staff["verifier"])

    download = verifier.get(f"/staf/kasus/{case.tracking_id}/lampiran/{attachment.pk}")
    page = verifier.get(f"/staf/kasus/{case.tracking_id}").content.decode()

    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert [m for m in markers if m in _readable(name, download.content)] == []
    assert attachment.stripped == stripped
    assert attachment.size == len(download.content)
    assert note in page
    assert read_original(case, attachment) == original
    assert [m for m in markers if m in _everything_stored(media_root)] == []


@pytest.mark.django_db
def test_a_photo_taken_with_the_phone_turned_stays_upright_and_keeps_its_pixels(client, staff):
    """The photo's pixels lay on their side with an EXIF orientation; the clean copy has no EXIF at all,
    so its pixels are turned upright instead, with the red half where the photographer saw it."""
    case = _file_report(client, "foto.jpg", ev.jpeg_with_gps(size=(64, 48)))
    attachment = Attachment.objects.get(case=case)

    data = _staff(staff["verifier"]).get(f"/staf/kasus/{case.tracking_id}/lampiran/{attachment.pk}").content
    photo = Image.open(io.BytesIO(data))

    assert photo.format == "JPEG"
    assert photo.size == (48, 64)
    assert ExifTags.Base.Orientation not in photo.getexif()
    assert not photo.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    top, bottom = photo.convert("RGB").getpixel((24, 8)), photo.convert("RGB").getpixel((24, 56))
    assert top[0] > 150, "the red half is at the top, as the photographer held the phone"
    assert top[1] < 80
    assert min(bottom) > 200


@pytest.mark.django_db
def test_a_letter_keeps_its_pages_and_content_and_loses_its_opening_script(client, staff):
    """The PDF comes back with both pages and its note, without its author, XMP or a script that would run
    when staff open it."""
    case = _file_report(client, "surat.pdf", ev.pdf_with_author(script=True))
    attachment = Attachment.objects.get(case=case)

    data = _staff(staff["verifier"]).get(f"/staf/kasus/{case.tracking_id}/lampiran/{attachment.pk}").content
    letter = PdfReader(io.BytesIO(data))

    assert len(letter.pages) == 2
    assert ev.PDF_TEXT.decode() in str(letter.pages[0]["/Annots"].get_object()["/Contents"])
    assert not letter.metadata
    assert letter.xmp_metadata is None
    assert "/OpenAction" not in letter.trailer["/Root"]
    assert "pdf_script" in attachment.stripped


@pytest.mark.django_db
def test_a_word_file_keeps_its_text_and_parts_and_opens_as_a_word_file(client, staff):
    """The document's text and every part of the package are still there (custom properties emptied, not
    deleted, so no relationship points at nothing); only the identifying values are gone."""
    original = ev.docx_with_creator()
    case = _file_report(client, "kronologi.docx", original)
    attachment = Attachment.objects.get(case=case)

    data = _staff(staff["verifier"]).get(f"/staf/kasus/{case.tracking_id}/lampiran/{attachment.pk}").content

    with zipfile.ZipFile(io.BytesIO(data)) as clean, zipfile.ZipFile(io.BytesIO(original)) as sent:
        assert clean.namelist() == sent.namelist()
        assert ev.DOCX_TEXT in clean.read("word/document.xml")
        assert b'w:author=""' in clean.read("word/document.xml")
        photo = Image.open(io.BytesIO(clean.read("word/media/image1.jpeg")))
        assert not photo.getexif()


@pytest.mark.django_db
def test_a_file_whose_metadata_cannot_all_be_removed_is_flagged_to_staff(client, staff):
    """A video with a timed-metadata track (GPS telemetry inside the media data) has its tags removed, but
    the track cannot be: staff are warned next to the file instead of trusting it blindly."""
    case = _file_report(client, "kamera-aksi.mp4", ev.mp4_with_gps(telemetry=True))
    attachment = Attachment.objects.get(case=case)

    page = _staff(staff["verifier"]).get(f"/staf/kasus/{case.tracking_id}").content.decode()

    assert "unsupported" in attachment.stripped
    assert "Metadata belum dapat dihapus dari berkas jenis ini" in page


@pytest.mark.django_db
def test_a_clean_file_says_nothing_was_removed_and_keeps_no_second_copy(client, staff):
    """An MP3 without tags is stored as it came: no note on the page and no separate original."""
    clean_mp3 = ev.mp3_with_id3()
    clean_mp3 = clean_mp3[clean_mp3.index(b"\xff\xfb") : -128]
    case = _file_report(client, "suara.mp3", clean_mp3)
    attachment = Attachment.objects.get(case=case)

    page = _staff(staff["verifier"]).get(f"/staf/kasus/{case.tracking_id}").content.decode()

    assert attachment.stripped == []
    assert attachment.original_storage_name == ""
    assert read_original(case, attachment) == clean_mp3
    assert "Metadata dihapus" not in page
