"""Helpers for the API tests: bearer headers for staff, and the reporting API's JSON door."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from simadu.accounts.models import User
from simadu.accounts.services import api_token_create


@pytest.fixture
def bearer(db: Any) -> Callable[[User], dict[str, str]]:
    """`bearer(user)` makes an API token for the user and answers the request headers that carry it."""

    def make(user: User) -> dict[str, str]:
        _, key = api_token_create(user=user, name="uji")
        return {"HTTP_AUTHORIZATION": f"Bearer {key}"}

    return make


def post_json(client: Client, path: str, body: Any, **headers: Any) -> Any:
    return client.post(path, body, content_type="application/json", **headers)


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    """Staff fixtures hash nine passwords; a fast hasher keeps these tests quick (the API uses tokens)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
