from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from simadu.accounts.models import User
from tests.factories import ROLES, make_staff


def pytest_configure(config: Any) -> None:
    """Test-only settings: a fast password hasher, and a per-process cache so parallel workers never clear each other's counters."""
    from django.conf import settings

    # Argon2 is slow on purpose; tests log in hundreds of times. tests/test_security_settings.py pins argon2.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    if "Redis" not in settings.CACHES["default"]["BACKEND"]:
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    """Rate-limit counters live in the cache: each test starts with none; the calendar is read afresh."""
    from simadu.deadlines import calendar

    cache.clear()
    calendar.forget()  # a test's holiday rows were rolled back with it
    yield
    cache.clear()
    calendar.forget()


@pytest.fixture(autouse=True)
def _taxonomy_after_flush(request: pytest.FixtureRequest) -> None:
    """Transactional tests flush the tables, and with them the taxonomy the data migration loaded."""
    marker = request.node.get_closest_marker("django_db")
    transactional = bool(marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])))
    if transactional or {"transactional_db", "live_server"} & set(request.fixturenames):
        from simadu.triage.services import taxonomy_ensure_defaults

        if not transactional:
            request.getfixturevalue("transactional_db")
        taxonomy_ensure_defaults()
        from simadu.deadlines.policy import deadlines_ensure_defaults

        deadlines_ensure_defaults()


@pytest.fixture
def staff(db: Any) -> dict[str, User]:
    """One user per role of tests.factories.ROLES, keyed by that name."""
    return {name: make_staff(name, **spec) for name, spec in ROLES.items()}


@pytest.fixture
def api() -> Client:
    return Client()
