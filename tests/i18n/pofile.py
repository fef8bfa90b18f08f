"""A small reader for gettext .po files, enough for the checks in this folder (no polib dependency)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
# printf-style placeholders as Python and gettext's python-format see them; `%%` is a literal percent.
PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[sdifrxXeEgGcoua%]")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str = ""
    msgctxt: str | None = None
    msgstr: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)
    references: list[str] = field(default_factory=list)
    obsolete: bool = False

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def plural(self) -> bool:
        return bool(self.msgid_plural)


def _unquote(text: str) -> str:
    body = text.strip()
    if not (body.startswith('"') and body.endswith('"')):
        raise ValueError(f"not a quoted po string: {text!r}")
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), body[1:-1])


def parse(path: Path) -> list[Entry]:
    """Every entry of the file, the header (msgid "") included, in file order."""
    entries: list[Entry] = []
    current = Entry()
    started = False
    target: tuple[str, int] | None = None

    def finish() -> None:
        nonlocal current, started, target
        if started:
            entries.append(current)
        current, started, target = Entry(), False, None

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            finish()
            continue
        if line.startswith("#~"):
            current.obsolete = True
            started = True
            continue
        if line.startswith("#,"):
            current.flags |= {f.strip() for f in line[2:].split(",") if f.strip()}
            continue
        if line.startswith("#:"):
            current.references += line[2:].split()
            continue
        if line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            if target is None:
                raise ValueError(f"continuation line without a keyword: {raw!r}")
            keyword, rest = "", line
        else:
            started = True
            match = re.fullmatch(r"msgstr\[(\d+)\]", keyword)
            if match:
                target = ("msgstr", int(match.group(1)))
            elif keyword in ("msgid", "msgid_plural", "msgctxt", "msgstr"):
                target = (keyword, 0)
            else:
                raise ValueError(f"unknown po line: {raw!r}")
        value = _unquote(rest)
        name, index = target  # type: ignore[misc]
        if name == "msgstr":
            while len(current.msgstr) <= index:
                current.msgstr.append("")
            current.msgstr[index] += value
        elif name == "msgctxt":
            current.msgctxt = (current.msgctxt or "") + value
        else:
            setattr(current, name, getattr(current, name) + value)
    finish()
    return entries


def placeholders(text: str) -> list[str]:
    """The placeholders of a message, sorted, without literal percents."""
    return sorted(p for p in PLACEHOLDER.findall(text) if p != "%%")


def tags(text: str) -> list[str]:
    """The HTML tag names of a message, in order (attributes ignored)."""
    return [re.match(r"</?[a-zA-Z]+", t).group(0) for t in TAG.findall(text)]  # type: ignore[union-attr]
