"""Photos and screenshots (JPEG, PNG, WebP) rebuilt from their pixels: EXIF, GPS, XMP, IPTC, comments
and text chunks are left behind, and so is anything glued after the image's end."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from PIL import ExifTags, Image, ImageOps, ImageSequence

from simadu.confidentiality.metadata.refusals import TooLarge, Unreadable

# A phone photo is 12-50 megapixels; more than this is a decompression bomb or not worth its memory.
MAX_IMAGE_PIXELS = 80_000_000


def image_cleaner(fmt: str) -> Callable[[bytes], tuple[bytes, set[str]]]:
    """A cleaner for one Pillow format; it opens only that format, so a PNG named as a JPEG is unreadable."""

    def clean(data: bytes) -> tuple[bytes, set[str]]:
        try:
            with Image.open(io.BytesIO(data), formats=[fmt]) as img:
                frames = getattr(img, "n_frames", 1) if fmt != "JPEG" else 1
                if img.width * img.height * frames > MAX_IMAGE_PIXELS:
                    raise TooLarge("image")
                img.load()
                found = _image_metadata(img)
                return _image_rebuilt(img, fmt), found
        except Image.DecompressionBombError:
            raise TooLarge("image") from None
        except TooLarge:
            raise
        except Exception as error:  # Pillow raises OSError, SyntaxError, ValueError, struct.error...
            raise Unreadable from error

    return clean


def _image_metadata(img: Image.Image) -> set[str]:
    found: set[str] = set()
    info = img.info
    try:
        exif = img.getexif()
        has_exif, has_gps = bool(len(exif) or info.get("exif")), bool(exif.get_ifd(ExifTags.IFD.GPSInfo))
    except Exception:  # a malformed EXIF block is still an EXIF block, and it may hold a position
        has_exif, has_gps = True, b"GPS" in bytes(info.get("exif") or b"")
    if has_exif:
        found.add("exif")
    if has_gps:
        found.add("gps")
    text: dict[str, Any] = dict(getattr(img, "text", {}) or {})
    if info.get("xmp") or "XML:com.adobe.xmp" in text:
        found.add("xmp")
    if info.get("photoshop"):
        found.add("iptc")
    if info.get("comment"):
        found.add("comment")
    if any(key != "XML:com.adobe.xmp" for key in text):
        found.add("png_text")
    return found


def _pixels_only(frame: Image.Image) -> Image.Image:
    """The frame's pixels, upright, in sRGB, with no info carried over for an encoder to write back."""
    icc = frame.info.get("icc_profile")
    try:
        clean = ImageOps.exif_transpose(frame)
    except Exception:  # a malformed EXIF block: the photo stays as it was shot, the block still goes
        clean = frame.copy()
    clean.info = {}
    if icc and clean.mode in ("RGB", "RGBA", "CMYK"):
        # The profile is dropped like the rest (it is free text an encoder would copy); converting keeps
        # the colours a wide-gamut phone camera recorded.
        try:
            from PIL import ImageCms

            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            target = ImageCms.createProfile("sRGB")
            mode = "RGB" if clean.mode == "CMYK" else clean.mode
            converted = ImageCms.profileToProfile(clean, source, target, outputMode=mode)
            if converted is not None:
                clean = converted
                clean.info = {}
        except Exception:  # noqa: S110  # nosec B110  # a broken profile costs colour accuracy, never the file
            pass
    return clean


def _image_rebuilt(img: Image.Image, fmt: str) -> bytes:
    out = io.BytesIO()
    params: dict[str, Any] = {"exif": b""}
    if fmt == "JPEG":
        from PIL import JpegImagePlugin

        # The original's own quantisation tables and subsampling keep the photo as sharp as it came.
        quantization = getattr(img, "quantization", None)
        if quantization:
            params["qtables"] = quantization
            sampling = JpegImagePlugin.get_sampling(img)
            if sampling != -1:
                params["subsampling"] = sampling
        else:
            params["quality"] = 95
    elif fmt == "WEBP":
        params["quality"] = 90
    if fmt != "JPEG" and getattr(img, "is_animated", False):
        frames, durations = [], []
        for frame in ImageSequence.Iterator(img):
            durations.append(frame.info.get("duration", 100))
            copy = frame.copy()
            copy.info = {}
            frames.append(copy)
        frames[0].save(
            out,
            fmt,
            save_all=True,
            append_images=frames[1:],
            duration=durations,
            loop=img.info.get("loop", 0),
            **params,
        )
        return out.getvalue()
    transparency = img.info.get("transparency")
    clean = _pixels_only(img)
    if transparency is not None and fmt == "PNG" and clean.mode in ("P", "L", "RGB", "I", "I;16"):
        params["transparency"] = transparency
    clean.save(out, fmt, **params)
    return out.getvalue()
