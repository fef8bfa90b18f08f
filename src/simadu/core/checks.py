"""System checks: production refuses to start without its secrets."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def production_secrets(app_configs: Any, **kwargs: Any) -> list[checks.CheckMessage]:
    if settings.SIMADU_ENV != "production":
        return []
    required = ("SIMADU_SECRET_KEY", "SIMADU_MASTER_KEY", "DATABASE_URL")
    return [
        checks.Error(f"{name} must be set in production", id="simadu.E001")
        for name in required
        if not getattr(settings, f"_RAW_{name}", "")
    ]


@checks.register(checks.Tags.security)
def master_keyring(app_configs: Any, **kwargs: Any) -> list[checks.CheckMessage]:
    """Refuse to start with a master key that cannot work: better now than at the first report."""
    from simadu.core.crypto import KeyringError, keyring_from_settings

    if settings.SIMADU_ENV == "production" and not settings.SIMADU_MASTER_KEY:
        return []  # production_secrets says so, on deploy checks
    try:
        keyring_from_settings()
    except KeyringError as exc:
        return [checks.Error(str(exc), id="simadu.E002")]
    return []
