"""Why a file cannot be cleaned: the cleaners raise these, `sanitise` turns them into the reporter's message."""

from __future__ import annotations

# In `stripped`: this file (or a part of it) kept metadata no cleaner could remove.
UNSUPPORTED = "unsupported"


class Unreadable(Exception):
    """The bytes start like the format but are not a readable file of it (corrupt, or a polyglot)."""


class TooLarge(Exception):
    """The file would unpack into far more than it weighs (decompression or zip bomb)."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind
