"""Real evidence files, built the way phones and office programs write them, each carrying metadata that
would give a reporter away. Every marker is letters and digits only (a PDF escapes a hyphen) and appears
nowhere else, so finding one in a download or in the media store is a leak.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from PIL import ExifTags, Image
from PIL.PngImagePlugin import PngInfo
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

CAMERA = b"KameraPelapor5521"
GPS_DATUM = b"DatumRumahPelapor8841"
PHOTO_COMMENT = b"KomentarFoto8842"
PHOTO_XMP = b"PenyuntingFoto8843"
PNG_AUTHOR = b"PenulisGambar7731"
PDF_AUTHOR = b"PenulisSurat6612"
PDF_CREATOR = b"AplikasiKantor6613"
PDF_XMP = b"RiwayatSurat6614"
PDF_TEXT = b"IsiSuratTetapAda6615"
DOCX_CREATOR = b"PenulisDokumen4410"
DOCX_EDITOR = b"PengubahDokumen4411"
DOCX_COMPANY = b"KantorPelapor4412"
DOCX_CUSTOM = b"PropertiRahasia4413"
DOCX_REVISER = b"PenyuntingLacak4414"
DOCX_TEXT = b"IsiDokumenTetapAda4415"
XLSX_CREATOR = b"PenulisTabel4420"
XLSX_TEXT = b"IsiTabelTetapAda4421"
MP3_ARTIST = b"NamaPerekam3301"
MP3_TITLE = b"JudulRekaman3302"
MP4_PLACE = b"+06.2088+106.8456/"
MP4_DEVICE = b"PonselPelapor2290"

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def jpeg_with_gps(size: tuple[int, int] = (64, 48)) -> bytes:
    """A phone photo: camera make, GPS position, XMP and a comment; taken with the phone turned
    (orientation 6), so its pixels lie on their side until the viewer turns them upright."""
    image = Image.new("RGB", size, "white")
    image.paste((200, 0, 0), (0, 0, size[0] // 2, size[1]))  # left half red, to see which way is up
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = CAMERA.decode()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "S",
        ExifTags.GPS.GPSLatitude: (6.0, 12.0, 31.68),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (106.0, 50.0, 44.16),
        ExifTags.GPS.GPSMapDatum: GPS_DATUM.decode(),
    }
    out = io.BytesIO()
    image.save(
        out,
        "JPEG",
        exif=exif,
        comment=PHOTO_COMMENT,
        xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/">' + PHOTO_XMP + b"</x:xmpmeta>",
    )
    return out.getvalue()


def png_with_text() -> bytes:
    """A screenshot whose tool wrote the author into a text chunk."""
    info = PngInfo()
    info.add_text("Author", PNG_AUTHOR.decode())
    out = io.BytesIO()
    Image.new("RGB", (20, 10), "blue").save(out, "PNG", pnginfo=info)
    return out.getvalue()


def pdf_with_author(*, script: bool = False) -> bytes:
    """A two-page letter with its author, the program that made it and XMP; optionally a script that
    runs when it opens."""
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.add_blank_page(200, 200)
    page = writer.pages[0]
    page[NameObject("/Annots")] = writer._add_object(  # a visible note, to show content stays
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Text"),
                NameObject("/Contents"): TextStringObject(PDF_TEXT.decode()),
            }
        )
    )
    writer.add_metadata({"/Author": PDF_AUTHOR.decode(), "/Creator": PDF_CREATOR.decode()})
    writer.xmp_metadata = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">' + PDF_XMP + b"</x:xmpmeta>"
    if script:
        writer.root_object[NameObject("/OpenAction")] = DictionaryObject(
            {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert(1)")}
        )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _office(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in parts.items():
            archive.writestr(name, body)
    return out.getvalue()


_CORE = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    b'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    b"<dc:creator>%s</dc:creator><cp:lastModifiedBy>%s</cp:lastModifiedBy>"
    b'<dcterms:created xsi:type="dcterms:W3CDTF">2026-03-01T08:00:00Z</dcterms:created>'
    b"</cp:coreProperties>"
)
_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="%s"/>'
    b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    b'<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
    b'<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>'
    b"</Relationships>"
)


def docx_with_creator() -> bytes:
    """A Word document: author, last editor, company, a custom property, a tracked change with the
    reviser's name, and a phone photo pasted in (with its GPS)."""
    return _office(
        {
            "[Content_Types].xml": (
                b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                b'<Default Extension="xml" ContentType="application/xml"/>'
                b'<Default Extension="jpeg" ContentType="image/jpeg"/>'
                b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                b"</Types>"
            ),
            "_rels/.rels": _RELS % b"word/document.xml",
            "word/document.xml": (
                b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                b"<w:p><w:r><w:t>%s</w:t></w:r></w:p>"
                b'<w:p><w:ins w:id="1" w:author="%s" w:date="2026-03-01T08:00:00Z"><w:r><w:t>tambahan</w:t></w:r></w:ins></w:p>'
                b"</w:body></w:document>"
            )
            % (DOCX_TEXT, DOCX_REVISER),
            "word/media/image1.jpeg": jpeg_with_gps(),
            "docProps/core.xml": _CORE % (DOCX_CREATOR, DOCX_EDITOR),
            "docProps/app.xml": (
                b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                b"<Application>Microsoft Office Word</Application><Company>%s</Company></Properties>"
            )
            % DOCX_COMPANY,
            "docProps/custom.xml": (
                b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
                b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
                b'<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Pemilik">'
                b"<vt:lpwstr>%s</vt:lpwstr></property></Properties>"
            )
            % DOCX_CUSTOM,
        }
    )


def xlsx_with_creator() -> bytes:
    """An Excel sheet (a payslip summary) with its author."""
    return _office(
        {
            "[Content_Types].xml": (
                b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                b'<Default Extension="xml" ContentType="application/xml"/></Types>'
            ),
            "_rels/.rels": _RELS % b"xl/workbook.xml",
            "xl/workbook.xml": b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
            "xl/sharedStrings.xml": b"<sst><si><t>%s</t></si></sst>" % XLSX_TEXT,
            "docProps/core.xml": _CORE % (XLSX_CREATOR, XLSX_CREATOR),
        }
    )


def _mp3_frame() -> bytes:
    """One silent MPEG-1 Layer III frame, 128 kbit/s at 44.1 kHz (417 bytes)."""
    return b"\xff\xfb\x90\x00" + bytes(413)


def _syncsafe(size: int) -> bytes:
    return bytes([(size >> 21) & 0x7F, (size >> 14) & 0x7F, (size >> 7) & 0x7F, size & 0x7F])


def mp3_with_id3() -> bytes:
    """A voice recording with the recorder's name in an ID3v2 tag and a title in an ID3v1 tag."""
    text = b"\x00" + MP3_ARTIST
    frame = b"TPE1" + struct.pack(">I", len(text)) + b"\x00\x00" + text
    id3v2 = b"ID3\x03\x00\x00" + _syncsafe(len(frame)) + frame
    id3v1 = b"TAG" + MP3_TITLE.ljust(30, b"\x00") + bytes(95)
    return id3v2 + _mp3_frame() * 8 + id3v1


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def mp4_with_gps(*, telemetry: bool = False) -> bytes:
    """A phone video: where it was filmed (©xyz) and the phone's name in the user data box; optionally
    a timed-metadata track (the GPS telemetry of an action camera), which lives in the media data."""
    handler = b"meta" if telemetry else b"soun"
    track = _box(b"trak", _box(b"mdia", _box(b"hdlr", bytes(8) + handler + bytes(12) + b"Handler\x00")))
    user_data = _box(
        b"udta",
        _box(b"\xa9xyz", struct.pack(">HH", len(MP4_PLACE), 0x15C7) + MP4_PLACE)
        + _box(b"\xa9mod", struct.pack(">HH", len(MP4_DEVICE), 0x15C7) + MP4_DEVICE),
    )
    movie = _box(b"moov", _box(b"mvhd", bytes(100)) + track + user_data)
    return _box(b"ftyp", b"isom\x00\x00\x02\x00isomiso2mp41") + movie + _box(b"mdat", bytes(256))


def png_bomb(side: int) -> bytes:
    """A one-bit PNG of side × side pixels, all black: a few kilobytes that unpack to side² pixels."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    packer = zlib.compressobj(9)
    row = bytes(1 + (side + 7) // 8)
    body = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0))
        + chunk(b"IDAT", body)
        + chunk(b"IEND", b"")
    )


def docx_zip_bomb(unpacked_mib: int) -> bytes:
    """A .docx whose document part unpacks to `unpacked_mib` MiB of zeros (about 1 KiB per MiB packed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            block = bytes(2**20)
            for _ in range(unpacked_mib):
                part.write(block)
    return out.getvalue()
