"""Helpers of the staff-workspace tests: evidence files stored under a temporary folder, signed-in clients."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from simadu.accounts.models import User
from tests.factories import login_staff


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Path) -> None:
    """Evidence files written by a test land in its own temporary folder."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media"},
        },
    }


@pytest.fixture
def as_user(staff: dict[str, User]) -> Callable[[str], Client]:
    """A client signed in (both steps) as one of the `staff` users, by its ROLES name."""

    def make(name: str) -> Client:
        return login_staff(Client(), staff[name])

    return make
