"""SIMADU's own middleware: the chosen language, and the Permissions-Policy header.

Indonesian first: the language is the one the person chose on the site, else Indonesian.

Django's LocaleMiddleware would follow the browser's Accept-Language, so a worker whose
cheap phone happens to be set to English would get English pages. Here only the
explicit choice (the language cookie set by /i18n/setlang/) switches to English.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

_AVAILABLE = {code for code, _ in settings.LANGUAGES}


class ChosenLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in _AVAILABLE else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response


class PermissionsPolicyMiddleware:
    """Sends `settings.SIMADU_PERMISSIONS_POLICY`: no page of SIMADU uses the camera, microphone or location,
    so a script smuggled into one could not either. (Django sends the other security headers itself.)"""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.SIMADU_PERMISSIONS_POLICY)
        return response
