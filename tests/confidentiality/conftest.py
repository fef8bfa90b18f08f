"""Evidence files written by a confidentiality test land in the test's own temporary folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def media_root(settings: Any, tmp_path: Path) -> Path:
    """The folder the default storage writes to during this test."""
    root = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": root}},
    }
    return root


@pytest.fixture(autouse=True)
def _media_in_tmp(media_root: Path) -> None:
    """No test here writes into var/media."""
