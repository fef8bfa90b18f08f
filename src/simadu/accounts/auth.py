"""Bearer-token authentication for the staff API (`Authorization: Bearer smd_…`)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja.security import HttpBearer

from simadu.accounts.models import User
from simadu.accounts.services import api_token_authenticate


class ApiTokenAuth(HttpBearer):
    """Resolves a token to its active staff member; anything else is answered 401 by simadu.core.api."""

    openapi_description = "Token API staf dari `simadu create_api_token USERNAME`."

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = api_token_authenticate(key=token)
        if user is not None:
            # The permission policy reads the actor from here, as it does for the staff pages.
            request.user = user
        return user


staff_token = ApiTokenAuth()
