from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from simadu.accounts.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin[User]):
    list_display = ("username", "first_name", "last_name", "role", "unit", "wbs_team", "is_active")
    list_filter = ("role", "unit", "wbs_team", "is_active")
    fieldsets = (
        *BaseUserAdmin.fieldsets,  # type: ignore[misc]
        ("SIMADU", {"fields": ("role", "unit", "wbs_team")}),
    )
