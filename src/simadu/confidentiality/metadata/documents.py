"""PDF letters rewritten from their objects, and Word/Excel files re-zipped part by part, without the
author, the office, the editing history or the pictures' own metadata."""

from __future__ import annotations

import io
import re
import zipfile

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject

from simadu.confidentiality.metadata.images import image_cleaner
from simadu.confidentiality.metadata.refusals import UNSUPPORTED, TooLarge, Unreadable

# Office files are zips: their parts, unpacked, may not add up to more than this (zip bombs).
MAX_UNPACKED_BYTES = 200 * 2**20
MAX_ZIP_ENTRIES = 5_000

# ---- PDF ---------------------------------------------------------------------------------------

_SCRIPT_ACTIONS = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/Rendition"}


def clean_pdf(data: bytes) -> tuple[bytes, set[str]]:
    """The PDF rewritten from the objects its pages and catalogue use, without /Info, XMP or opening scripts."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            # A password the reporter did not give: nothing can be read, so nothing can be removed.
            return data, {UNSUPPORTED}
        if len(reader.pages) == 0:
            raise Unreadable
        found: set[str] = set()
        try:
            info = reader.metadata
            if info and any(str(value).strip() for value in info.values()):
                found.add("pdf_info")
        except Exception:  # a damaged information dictionary is dropped like a sound one
            found.add("pdf_info")
        writer = PdfWriter(clone_from=reader)
        writer.metadata = None
        root = writer.root_object
        if "/Metadata" in root:
            found.add("xmp")
        writer.xmp_metadata = None
        for key in ("/PieceInfo", "/AA"):
            if key in root:
                del root[NameObject(key)]
        for page in writer.pages:
            for key in ("/Metadata", "/PieceInfo"):
                if key in page:
                    found.add("xmp" if key == "/Metadata" else "pdf_info")
                    del page[NameObject(key)]
        if _drop_document_scripts(root):
            found.add("pdf_script")
        # What the catalogue no longer points at (the XMP stream, old revisions) is left out of the file.
        writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue(), found
    except Unreadable:
        raise
    except Exception as error:  # pypdf raises PdfReadError, KeyError, ValueError, RecursionError...
        raise Unreadable from error


def _drop_document_scripts(root: DictionaryObject) -> bool:
    """Scripts run when the document opens: not metadata, but no evidence needs them either."""
    dropped = False
    action = root.get("/OpenAction")
    if action is not None:
        action = action.get_object()
        if isinstance(action, DictionaryObject) and action.get("/S") in _SCRIPT_ACTIONS:
            del root[NameObject("/OpenAction")]
            dropped = True
    names = root.get("/Names")
    if names is not None:
        names = names.get_object()
        if isinstance(names, DictionaryObject) and "/JavaScript" in names:
            del names[NameObject("/JavaScript")]
            dropped = True
    return dropped


# ---- Word and Excel ----------------------------------------------------------------------------

_EMPTY_CORE = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    b'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    b'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    b"</cp:coreProperties>"
)
_EMPTY_APP = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"></Properties>'
)
# custom.xml is emptied rather than deleted: deleting it would leave the package's relationship and
# content-type entries pointing at nothing, which Word reports as a damaged file.
_EMPTY_CUSTOM = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
    b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"></Properties>'
)


def _has_value(xml: bytes, *elements: str) -> bool:
    """Whether any of these elements (any namespace prefix) holds text; a regex, so no XML entity is ever expanded."""
    names = "|".join(elements)
    return re.search(rb"<(?:\w+:)?(?:" + names.encode() + rb")\b[^>]*(?<!/)>\s*[^<\s]", xml) is not None


# Who edited or commented, in Word's tracked changes and comments and in Excel's comment authors.
_WORD_PEOPLE = re.compile(rb'(\s\w+:(?:author|initials|userId|providerId)=")([^"]*)(")')
_EXCEL_AUTHORS = re.compile(rb"(<author>)([^<]*)(</author>)")
_EXCEL_PERSONS = re.compile(rb'(\s(?:displayName|userId|providerId)=")([^"]*)(")')
_EXCEL_ABSPATH = re.compile(rb'(<\w+:absPath\b[^>]*\burl=")([^"]*)(")')
_IMAGE_PARTS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
# Office does not mind a PNG named .jpeg; the picture's own first bytes say which it is.
_IMAGE_MAGIC = ((b"\xff\xd8\xff", "JPEG"), (b"\x89PNG\r\n\x1a\n", "PNG"), (b"RIFF", "WEBP"))


def clean_office(data: bytes) -> tuple[bytes, set[str]]:
    """The package re-zipped part by part, with the identifying parts and values emptied."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise Unreadable from error
    names = [entry.filename for entry in entries]
    if len(entries) > MAX_ZIP_ENTRIES or sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES:
        raise TooLarge("zip")
    if (
        "[Content_Types].xml" not in names
        or len(set(names)) != len(names)  # two parts of one name: readers would disagree which is real
        or any(entry.flag_bits & 0x1 for entry in entries)  # encrypted parts
    ):
        raise Unreadable
    found: set[str] = set()
    budget = MAX_UNPACKED_BYTES
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as rebuilt:
        for entry in entries:
            if entry.is_dir():
                continue
            try:
                with archive.open(entry) as part:
                    body = part.read(budget + 1)
            except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as error:
                raise Unreadable from error
            budget -= len(body)
            if budget < 0:
                raise TooLarge("zip")
            body = _office_part(entry.filename, body, found)
            # A fixed date: the parts' own timestamps tell when the document was last saved.
            fresh = zipfile.ZipInfo(entry.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fresh.compress_type = (
                zipfile.ZIP_STORED if entry.compress_type == zipfile.ZIP_STORED else zipfile.ZIP_DEFLATED
            )
            rebuilt.writestr(fresh, body)
    return out.getvalue(), found


def _office_part(name: str, body: bytes, found: set[str]) -> bytes:
    lowered = name.lower()
    if lowered == "docprops/core.xml":
        if _has_value(body, "creator", "lastModifiedBy"):
            found.add("office_author")
        if _has_value(
            body,
            "title",
            "subject",
            "keywords",
            "description",
            "category",
            "created",
            "modified",
            "lastPrinted",
        ):
            found.add("office_properties")
        return _EMPTY_CORE
    if lowered == "docprops/app.xml":
        if _has_value(body, "Company", "Manager", "HyperlinkBase"):
            found.add("office_company")
        return _EMPTY_APP
    if lowered == "docprops/custom.xml":
        if b"<property" in body or re.search(rb"<\w+:property\b", body):
            found.add("office_custom")
        return _EMPTY_CUSTOM
    if lowered.startswith("word/") and lowered.endswith(".xml"):
        return _blank(_WORD_PEOPLE, body, found, "office_people")
    if lowered.startswith("xl/") and lowered.endswith(".xml"):
        if lowered.startswith("xl/comments"):
            body = _blank(_EXCEL_AUTHORS, body, found, "office_people")
        if lowered.startswith("xl/persons/"):
            body = _blank(_EXCEL_PERSONS, body, found, "office_people")
        if lowered == "xl/workbook.xml":
            body = _blank(_EXCEL_ABSPATH, body, found, "office_path")
        return body
    extension = lowered[lowered.rfind(".") :] if "." in lowered else ""
    if extension in _IMAGE_PARTS:
        fmt = next((f for magic, f in _IMAGE_MAGIC if body.startswith(magic)), _IMAGE_PARTS[extension])
        try:
            clean, image_found = image_cleaner(fmt)(body)
        except TooLarge:
            raise TooLarge("zip") from None
        except Unreadable:
            # Word accepts pictures Pillow cannot read; keep it, and say this file is not fully clean.
            found.add(UNSUPPORTED)
            return body
        found.update(image_found)
        return clean
    return body


def _blank(pattern: re.Pattern[bytes], body: bytes, found: set[str], label: str) -> bytes:
    """Each match's value (group 2) emptied between its opening (1) and closing (3) text."""

    def replace(match: re.Match[bytes]) -> bytes:
        if match.group(2).strip():
            found.add(label)
        return match.group(1) + match.group(3)

    return pattern.sub(replace, body)
