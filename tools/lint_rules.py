#!/usr/bin/env python3
"""SIMADU's own lint rules, run by `make lint`. Each rule is a habit of docs/../style.md the tools cannot see.

1. status-only-through-transition: only cases/services.py assigns `.status =` on a case.
2. unseal-only-in-the-sealing-layer: crypto.unseal/unwrap are called only where sealed data is meant to be opened.
3. no-print-in-src: user-facing output goes through management commands' stdout, never print().
4. imports-run-one-way: a lower layer never imports a higher one.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "simadu"

UNSEAL_ALLOWED = {
    "core/crypto.py",
    "confidentiality/sealing.py",
    "confidentiality/attachments.py",
    "outbox/services.py",
    "intake/services.py",
    "accounts/twofactor.py",  # a staff member's own TOTP secret, opened only to check their code
}
# Layers from the top (pages and doors) to the ground; an app may import its own layer or lower.
LAYERS = {
    "portal": 3,
    "workspace": 3,
    "tracking": 3,
    "intake": 3,
    "integrations": 3,
    "cases": 2,
    "confidentiality": 2,
    "deadlines": 2,
    "transparency": 2,
    "triage": 1,
    "audit": 1,
    "outbox": 1,
    "accounts": 1,
    "core": 0,
}
_STATUS = re.compile(r"\b\w+\.status\s*=[^=]")
_UNSEAL = re.compile(r"crypto\.(unseal|unwrap)\(")
_PRINT = re.compile(r"^\s*print\(")
_IMPORT = re.compile(r"^\s*(?:from|import)\s+simadu\.(\w+)")


def check() -> list[str]:
    problems = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if "/migrations/" in rel:
            continue
        app = rel.split("/")[0]
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            code = line.split("#", 1)[0]
            if _STATUS.search(code) and rel != "cases/services.py":
                problems.append(f"{rel}:{n}: status-only-through-transition: use cases.services.transition()")
            if _UNSEAL.search(code) and rel not in UNSEAL_ALLOWED:
                problems.append(f"{rel}:{n}: unseal-only-in-the-sealing-layer: use confidentiality.sealing")
            if _PRINT.search(code):
                problems.append(f"{rel}:{n}: no-print-in-src: write to a command's self.stdout")
            m = _IMPORT.search(code)
            if m and app in LAYERS and m.group(1) in LAYERS and LAYERS[m.group(1)] > LAYERS[app]:
                problems.append(
                    f"{rel}:{n}: imports-run-one-way: {app} (layer {LAYERS[app]}) imports "
                    f"{m.group(1)} (layer {LAYERS[m.group(1)]})"
                )
    return problems


if __name__ == "__main__":
    found = check()
    for p in found:
        print(p)
    sys.exit(1 if found else 0)
