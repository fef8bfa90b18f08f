from django.contrib import admin

from simadu.triage.models import Category, Unit


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin[Unit]):
    list_display = ("slug", "name", "internal", "time_zone", "active")
    list_filter = ("internal", "active")
    search_fields = ("slug", "name")

    def get_readonly_fields(self, request, obj=None):  # type: ignore[no-untyped-def]
        return ("slug",) if obj else ()


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin[Category]):
    list_display = ("slug", "name", "supervisory", "default_unit", "active")
    list_filter = ("supervisory", "active")
    search_fields = ("slug", "name")

    def get_readonly_fields(self, request, obj=None):  # type: ignore[no-untyped-def]
        return ("slug",) if obj else ()
