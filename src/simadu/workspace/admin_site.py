"""The Django admin behind the staff sign-in: the same password step, the same second step, one lockout.

Installed as the default admin site (`SimaduAdminConfig` in INSTALLED_APPS), so every
ModelAdmin registered with `admin.site` is behind it without knowing.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from simadu.accounts import twofactor


class StaffAdminSite(admin.AdminSite):
    def has_permission(self, request: HttpRequest) -> bool:
        return super().has_permission(request) and twofactor.session_is_verified(request)

    def login(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        """No second login form: the workspace's sign-in, then back to the admin page asked for."""
        if twofactor.session_is_verified(request):
            # Fully signed in but not an administrator: say so, rather than send them round in circles.
            return render(request, "workspace/forbidden.html", status=403)
        next_url = request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index", current_app=self.name)
        return redirect_to_login(next_url, settings.LOGIN_URL)
