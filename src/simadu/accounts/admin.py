from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from simadu.accounts import signin, twofactor
from simadu.accounts.models import ApiToken, User
from simadu.accounts.services import api_token_revoke


@admin.register(User)
class UserAdmin(BaseUserAdmin[User]):
    """Staff accounts. A lockout is lifted and a lost phone's 2FA reset through the two actions, which
    write their audit entries; the sign-in fields themselves are read-only here."""

    list_display = (
        "username",
        "first_name",
        "last_name",
        "role",
        "unit",
        "wbs_team",
        "two_factor",
        "locked_until",
        "is_active",
    )
    list_filter = ("role", "unit", "wbs_team", "is_active")
    fieldsets = (
        *BaseUserAdmin.fieldsets,  # type: ignore[misc]
        ("SIMADU", {"fields": ("role", "unit", "wbs_team")}),
        (gettext_lazy("Keamanan masuk"), {"fields": ("totp_confirmed_at", "failed_logins", "locked_until")}),
    )
    readonly_fields = ("totp_confirmed_at", "failed_logins", "locked_until")
    actions = ["unlock", "reset_two_factor"]

    @admin.display(description=gettext_lazy("2FA aktif"), boolean=True)
    def two_factor(self, obj: User) -> bool:
        return twofactor.is_enrolled(obj)

    @admin.action(description=gettext_lazy("Buka kunci akun terpilih"))
    def unlock(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            signin.account_unlock(user=user, actor=request.user)  # type: ignore[arg-type]
        self.message_user(request, _("Kunci akun dibuka."), messages.SUCCESS)

    @admin.action(description=gettext_lazy("Atur ulang verifikasi dua langkah (ponsel hilang atau diganti)"))
    def reset_two_factor(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            twofactor.totp_reset(user=user, actor=request.user)  # type: ignore[arg-type]
        self.message_user(
            request,
            _(
                "Verifikasi dua langkah diatur ulang: pada saat masuk berikutnya, staf mendaftarkan ponselnya lagi."
            ),
            messages.SUCCESS,
        )


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin[ApiToken]):
    """Tokens are made by `simadu create_api_token` (the key is shown once there); here they are listed and revoked."""

    list_display = ("prefix", "name", "user", "created_at", "last_used_at", "revoked_at")
    list_filter = ("revoked_at",)
    search_fields = ("name", "prefix", "user__username")
    fields = ("user", "name", "prefix", "key_hash", "created_at", "last_used_at", "revoked_at")
    readonly_fields = fields
    actions = ["revoke"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: ApiToken | None = None) -> bool:
        return False

    @admin.action(description=gettext_lazy("Cabut token terpilih"))
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        for token in queryset:
            api_token_revoke(token=token, actor=request.user)  # type: ignore[arg-type]
        self.message_user(request, _("Token dicabut."), messages.SUCCESS)
