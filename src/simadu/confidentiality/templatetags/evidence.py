"""What the metadata stripping removed from an evidence file, in the words staff read on the case page."""

from __future__ import annotations

from django import template

from simadu.confidentiality.metadata import UNSUPPORTED, describe

register = template.Library()


@register.filter
def removed_metadata(stripped: list[str] | None) -> str:
    """ "lokasi GPS, data kamera" for ["gps", "exif"]; "" when nothing was removed."""
    return describe(list(stripped or []))


@register.filter
def metadata_kept(stripped: list[str] | None) -> bool:
    """Whether some metadata could not be removed from this file (its type, or a part of it, has no cleaner)."""
    return UNSUPPORTED in (stripped or [])
