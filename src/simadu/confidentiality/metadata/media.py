"""Recordings: MP3 tags cut off (ID3, APE), MP4/M4A metadata boxes blanked in place (`free` boxes of the
same size) so every sample offset stays right without remuxing."""

from __future__ import annotations

from collections.abc import Iterator

from simadu.confidentiality.metadata.refusals import UNSUPPORTED, Unreadable

# How far into an MP3 (after its tags) the first audio frame must show.
MP3_SYNC_WINDOW = 64 * 1024

# ---- MP3 ---------------------------------------------------------------------------------------


def clean_mp3(data: bytes) -> tuple[bytes, set[str]]:
    """The audio frames without the ID3v1/ID3v2/APE tags around them."""
    found: set[str] = set()
    start, end = 0, len(data)
    while data[start : start + 3] == b"ID3":  # ID3v2 at the front, possibly more than one
        header = data[start : start + 10]
        if len(header) < 10 or any(byte & 0x80 for byte in header[6:10]):
            raise Unreadable
        size = (header[6] << 21) | (header[7] << 14) | (header[8] << 7) | header[9]
        start += 10 + size + (10 if header[5] & 0x10 else 0)
        if start > end:
            raise Unreadable
        found.add("id3")
    if data[end - 10 : end - 7] == b"3DI":  # ID3v2.4 appended at the end, found by its footer
        footer = data[end - 10 : end]
        size = (footer[6] << 21) | (footer[7] << 14) | (footer[8] << 7) | footer[9]
        end = max(start, end - 20 - size)
        found.add("id3")
    if end - start >= 128 and data[end - 128 : end - 125] == b"TAG":  # ID3v1 at the end
        end -= 128
        found.add("id3")
        if end - start >= 227 and data[end - 227 : end - 223] == b"TAG+":
            end -= 227
    if end - start >= 32 and data[end - 32 : end - 24] == b"APETAGEX":  # APEv2, before ID3v1
        size = int.from_bytes(data[end - 20 : end - 16], "little")
        flags = int.from_bytes(data[end - 12 : end - 8], "little")
        end = max(start, end - size - (32 if flags & 0x80000000 else 0))
        found.add("id3")
    return _mpeg_frames(data[start:end]), found


def _mpeg_frames(audio: bytes) -> bytes:
    """The whole MPEG audio frames, and nothing else: padding before them, anything glued after them (a tag
    we do not know, a web page) and damaged stretches between them go. A damaged stretch does not cut the
    recording short: reading resumes at the next two frames that follow each other."""
    pos = _next_frame_pair(audio, 0, MP3_SYNC_WINDOW)
    if pos < 0:
        raise Unreadable
    kept = []
    while pos >= 0:
        end = pos
        length = _mpeg_frame_length(audio[end : end + 4])
        while length and end + length <= len(audio):
            end += length
            length = _mpeg_frame_length(audio[end : end + 4])
        kept.append(audio[pos:end])
        pos = _next_frame_pair(audio, end, len(audio))
    return b"".join(kept)


def _next_frame_pair(audio: bytes, start: int, limit: int) -> int:
    """Where the first two MPEG audio frames that follow each other start (from start, before limit); -1 if none."""
    pos = audio.find(b"\xff", start)
    while 0 <= pos < limit:
        length = _mpeg_frame_length(audio[pos : pos + 4])
        if length and _mpeg_frame_length(audio[pos + length : pos + length + 4]):
            return pos
        pos = audio.find(b"\xff", pos + 1)
    return -1


_BITRATES = {  # kbit/s by (MPEG-1?, layer) and index 1..14
    (True, 1): (32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448),
    (True, 2): (32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384),
    (True, 3): (32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    (False, 1): (32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256),
    (False, 2): (8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
    (False, 3): (8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_SAMPLE_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def _mpeg_frame_length(header: bytes) -> int:
    """The length of the MPEG audio frame starting with this header, or 0 when it is not one."""
    if len(header) < 4 or header[0] != 0xFF or header[1] & 0xE0 != 0xE0:
        return 0
    version = (header[1] >> 3) & 0x3  # 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5, 1: reserved
    layer = 4 - ((header[1] >> 1) & 0x3)  # 4 means reserved
    bitrate_index = header[2] >> 4
    rate_index = (header[2] >> 2) & 0x3
    if version == 1 or layer == 4 or bitrate_index in (0, 15) or rate_index == 3:
        return 0
    mpeg1 = version == 3
    bitrate = _BITRATES[(mpeg1, layer)][bitrate_index - 1] * 1000
    rate = _SAMPLE_RATES[version][rate_index]
    padding = (header[2] >> 1) & 0x1
    if layer == 1:
        return (12 * bitrate // rate + padding) * 4
    per_frame = 144 if layer == 2 or mpeg1 else 72
    return per_frame * bitrate // rate + padding


# ---- MP4 and M4A -------------------------------------------------------------------------------

# Boxes the metadata sits in, and boxes that hold them, per ISO/IEC 14496-12 and QuickTime.
_MP4_METADATA = {b"udta", b"meta"}
_MP4_CONTAINERS = {b"moov", b"trak", b"mdia"}
# Top-level boxes a player reads; any other top-level box is blanked.
_MP4_TOP_LEVEL = {
    b"ftyp",
    b"moov",
    b"mdat",
    b"moof",
    b"mfra",
    b"styp",
    b"sidx",
    b"ssix",
    b"prft",
    b"emsg",
    b"pdin",
}
_MP4_PADDING = {b"free", b"skip", b"wide"}
_XMP_UUID = bytes.fromhex("BE7ACFCB97A942E89C71999491E3AFAC")
_LOCATION_MARKERS = (b"\xa9xyz", b"loci", b"location.ISO6709", b"location")


def clean_mp4(data: bytes) -> tuple[bytes, set[str]]:
    """The same bytes with every metadata box turned into zeroed padding; a file without a movie box is unreadable."""
    found: set[str] = set()
    clean = bytearray(data)
    top = list(_mp4_boxes(data, 0, len(data), top_level=True))
    if not any(kind == b"moov" for _, _, _, kind in top):
        raise Unreadable
    _mp4_walk(data, clean, top, found, depth=0)
    return bytes(clean), found


def _mp4_walk(
    data: bytes, clean: bytearray, boxes: list[tuple[int, int, int, bytes]], found: set[str], depth: int
) -> None:
    for start, header, end, kind in boxes:
        payload = data[start + header : end]
        if kind in _MP4_METADATA or (kind == b"uuid" and payload[:16] == _XMP_UUID):
            found.add("xmp" if kind == b"uuid" else "media_tags")
            if any(marker in payload for marker in _LOCATION_MARKERS):
                found.add("gps")
            # Same size, type `free`, zeroed: every offset into the file stays right.
            clean[start + 4 : start + 8] = b"free"
            clean[start + header : end] = bytes(end - start - header)
        elif depth == 0 and kind not in _MP4_TOP_LEVEL:
            # Padding (free, skip, wide) and vendor boxes: nothing a player needs, and a place to hide a
            # page or a vendor's own location record.
            if kind not in _MP4_PADDING and payload.strip(b"\x00"):
                found.add("media_tags")
            clean[start + 4 : start + 8] = b"free"
            clean[start + header : end] = bytes(end - start - header)
        elif kind == b"hdlr" and payload[8:12] == b"meta":
            # A timed-metadata track (GPS telemetry of action cameras, for instance) lives in the media
            # data itself; blanking it needs remuxing, which is not done here.
            found.add(UNSUPPORTED)
        elif kind in _MP4_CONTAINERS and depth < 4:
            _mp4_walk(data, clean, list(_mp4_boxes(data, start + header, end)), found, depth + 1)


def _mp4_boxes(
    data: bytes, start: int, end: int, *, top_level: bool = False
) -> Iterator[tuple[int, int, int, bytes]]:
    """(start, header length, end, type) of each box between start and end; Unreadable when they do not fit."""
    pos = start
    while pos < end:
        if end - pos < 8:
            raise Unreadable
        size = int.from_bytes(data[pos : pos + 4], "big")
        kind = data[pos + 4 : pos + 8]
        header = 8
        if size == 1:
            if end - pos < 16:
                raise Unreadable
            size = int.from_bytes(data[pos + 8 : pos + 16], "big")
            header = 16
        elif size == 0:
            size = end - pos
        if top_level and kind == b"mdat" and pos + size > end:
            size = end - pos  # a recording cut short: its last media data box runs past the end
        if size < header or pos + size > end:
            raise Unreadable
        yield pos, header, pos + size, kind
        pos += size
