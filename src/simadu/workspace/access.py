"""How every staff view takes its actor and its case: the same 404 for a case that does not exist and one
the actor may not see (`policy.access_case`), and one 403 page when they see it but may not act on it."""

from __future__ import annotations

from typing import cast

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from simadu.accounts.models import User
from simadu.cases.models import Case
from simadu.confidentiality import policy
from simadu.core.errors import NotFound


def staff_actor(request: HttpRequest) -> User:
    return cast(User, request.user)  # staff_required let only signed-in staff through


def case_or_404(request: HttpRequest, tracking_id: str) -> Case:
    try:
        return policy.access_case(staff_actor(request), tracking_id)
    except NotFound:
        raise Http404 from None


def forbidden(request: HttpRequest) -> HttpResponse:
    return render(request, "workspace/forbidden.html", status=403)
