"""Domain errors: a stable code, a translated message and the HTTP status they map to.

One handler (`simadu.core.api`) renders them as `{"detail", "code"}`; pages show
`message` next to the form.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    status = 400
    code = "invalid"
    default_message: Any = _("Permintaan tidak dapat diproses.")

    def __init__(self, message: Any = None, *, code: str | None = None, field: str | None = None) -> None:
        self.message = message if message is not None else self.default_message
        if code:
            self.code = code
        self.field = field
        super().__init__(str(self.message))


class InvalidInput(DomainError):
    status = 422
    code = "invalid"


class NotFound(DomainError):
    status = 404
    code = "not_found"
    default_message = _("Tidak ditemukan.")


class PermissionDenied(DomainError):
    status = 403
    code = "forbidden"
    default_message = _("Anda tidak berwenang melakukan tindakan ini.")


class TransitionNotAllowed(DomainError):
    status = 409
    code = "transition_not_allowed"
    default_message = _("Tindakan ini tidak dapat dilakukan pada tahap laporan saat ini.")


class Conflict(DomainError):
    status = 409
    code = "conflict"


class RateLimited(DomainError):
    status = 429
    code = "rate_limited"
    default_message = _("Terlalu banyak percobaan. Silakan coba lagi beberapa menit lagi.")
