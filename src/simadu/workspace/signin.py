"""Signing staff in: the password step, the second step (enrolment or code), signing out, and the
`staff_required` guard every staff page wears.

One door for everyone, administrators included: the Django admin sends its visitors here
too (`simadu.workspace.admin_site`). A session that has passed the password but not the
code is signed in for Django and for nothing else: `twofactor.session_is_verified` is
asked by `staff_required` and by the admin. The rules are in `simadu.accounts.signin`
(lockout) and `simadu.accounts.twofactor`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, cast
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from simadu.accounts import signin, twofactor
from simadu.accounts.models import Role, User
from simadu.core import ratelimit
from simadu.core.errors import InvalidInput, RateLimited
from simadu.workspace.forms import StaffLoginForm

LOGIN_FAILURES_LIMIT = 10
LOGIN_FAILURES_WINDOW = 15 * 60

View = Callable[..., HttpResponse]


def _actor(request: HttpRequest) -> User:
    return cast(User, request.user)


def _next_url(request: HttpRequest) -> str:
    """The page asked for before signing in, if it is one of ours."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return candidate if safe else ""


def _second_step(request: HttpRequest, next_url: str) -> HttpResponse:
    """Where a password-only session goes: enrolment the first time, the code after that."""
    name = "two_factor_verify" if twofactor.is_enrolled(_actor(request)) else "two_factor_enrol"
    url = reverse(f"workspace:{name}")
    return redirect(f"{url}?{urlencode({'next': next_url})}" if next_url else url)


def staff_required(view: View) -> View:
    """Signed-in staff past the second step only; administrators configure the system in /admin/ and see no cases."""

    @wraps(view)
    @login_required
    @never_cache
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not twofactor.session_is_verified(request):
            return _second_step(request, request.get_full_path())
        if _actor(request).role == Role.ADMIN:
            return redirect("admin:index")
        return view(request, *args, **kwargs)

    return wrapped


class StaffLoginView(auth_views.LoginView):
    """Django's login with the workspace template, the lockout's one answer for every refusal, and the
    second step after it. Many wrong passwords from one client are answered 429."""

    template_name = "workspace/login.html"
    form_class = StaffLoginForm
    redirect_authenticated_user = True

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated and not twofactor.session_is_verified(request):
            return _second_step(request, _next_url(request))
        return super().dispatch(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            ratelimit.check("staff_login", request, limit=LOGIN_FAILURES_LIMIT)
        except RateLimited as exc:
            context = self.get_context_data(form=self.get_form(), throttled=exc.message)
            return self.render_to_response(context, status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: Any) -> HttpResponse:
        user = form.get_user()
        auth_login(self.request, user)  # a new session key; not yet past the second step
        if not twofactor.required():
            signin.login_succeeded(user=user, two_factor=False)
            return HttpResponseRedirect(self.get_success_url())
        return _second_step(self.request, self.get_redirect_url())

    def form_invalid(self, form: Any) -> HttpResponse:
        ratelimit.hit("staff_login", self.request, window=LOGIN_FAILURES_WINDOW)
        return super().form_invalid(form)


def _done(request: HttpRequest, user: User, next_url: str) -> HttpResponse:
    twofactor.session_mark_verified(request, user)
    return redirect(next_url or resolve_url(settings.LOGIN_REDIRECT_URL))


def _locked_out(request: HttpRequest, exc: InvalidInput) -> HttpResponse:
    """Too many wrong codes: the half-open session ends, and the login page says why."""
    auth_logout(request)
    messages.error(request, str(exc.message))
    return redirect("workspace:login")


def _code_step(request: HttpRequest, *, enrolling: bool) -> HttpResponse:
    """Enrolment (QR code, key, first code) or the code of an enrolled account: the same shape."""
    user = _actor(request)
    next_url = _next_url(request)
    if twofactor.session_is_verified(request):
        return redirect(next_url or resolve_url(settings.LOGIN_REDIRECT_URL))
    if twofactor.is_enrolled(user) is enrolling:
        return _second_step(request, next_url)
    error, status = "", 200
    if request.method == "POST":
        try:
            ratelimit.check("staff_login", request, limit=LOGIN_FAILURES_LIMIT)
            code = request.POST.get("code", "")
            if enrolling:
                user = twofactor.totp_confirm(user=user, code=code)
            else:
                user = twofactor.totp_verify(user=user, code=code)
        except RateLimited as exc:
            error, status = str(exc.message), 429
        except twofactor.AccountLocked as exc:
            return _locked_out(request, exc)
        except InvalidInput as exc:
            ratelimit.hit("staff_login", request, window=LOGIN_FAILURES_WINDOW)
            error, status = str(exc.message), 422
        else:
            return _done(request, user, next_url)
    context: dict[str, Any] = {"error": error, "next": next_url, "two_factor_pending": True}
    if enrolling:
        secret = twofactor.totp_begin(user=user)
        context["otpauth_uri"] = twofactor.provisioning_uri(user=user, secret=secret)
        context["qr_svg"] = twofactor.qr_svg(context["otpauth_uri"])
        context["key"] = twofactor.key_groups(secret)
    template = "workspace/two_factor_enrol.html" if enrolling else "workspace/two_factor_verify.html"
    return render(request, template, context, status=status)


@never_cache
@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
@login_required
def two_factor_enrol(request: HttpRequest) -> HttpResponse:
    """First sign-in: the QR code and the key for the authenticator app, and its first code."""
    return _code_step(request, enrolling=True)


@never_cache
@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
@login_required
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    """Every later sign-in: the code from the app."""
    return _code_step(request, enrolling=False)


login = StaffLoginView.as_view()
logout = auth_views.LogoutView.as_view()  # the audit entry comes from accounts' user_logged_out receiver
