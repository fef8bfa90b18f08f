"""The holiday table and the SLA policy, edited by administrators. Clocks and extensions live on the case page."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from simadu.deadlines import calendar
from simadu.deadlines.models import DayOff, SlaPolicy


class YearFilter(admin.SimpleListFilter):
    title = _("tahun")
    parameter_name = "tahun"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        years = DayOff.objects.dates("date", "year", order="DESC")
        return [(str(d.year), str(d.year)) for d in years]

    def queryset(self, request: HttpRequest, queryset: QuerySet[DayOff]) -> QuerySet[DayOff]:
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(date__year=int(value))
        return queryset


@admin.register(DayOff)
class DayOffAdmin(admin.ModelAdmin[DayOff]):
    list_display = ("date", "kind", "name", "basis", "updated_at")
    list_filter = ("kind", YearFilter)
    search_fields = ("name", "basis")
    ordering = ("date",)
    date_hierarchy = "date"

    def save_model(self, request: HttpRequest, obj: DayOff, form: Any, change: bool) -> None:
        """The first row of a year makes the table that year's calendar, replacing the `holidays` package;
        so the package's days of that year are copied in first, or the year would lose every other holiday
        (a lone cuti bersama row would make 17 August a working day)."""
        year = obj.date.year
        if not DayOff.objects.filter(date__year=year).exclude(pk=obj.pk).exists():
            try:
                copied = calendar.calendar_import(year=year, actor=request.user)
            except calendar.CalendarProblem:
                copied = 0
            else:
                messages.info(
                    request,
                    _(
                        "Tahun %(year)s belum ada di tabel: %(n)s hari libur dari paket holidays disalin lebih "
                        "dulu. Periksa dan sesuaikan dengan SKB 3 Menteri."
                    )
                    % {"year": year, "n": copied},
                )
            if copied:
                clash = DayOff.objects.filter(date=obj.date).exclude(pk=obj.pk).first()
                if clash is not None:  # the package already had that day: keep the administrator's words
                    clash.delete()
        super().save_model(request, obj, form, change)


@admin.register(SlaPolicy)
class SlaPolicyAdmin(admin.ModelAdmin[SlaPolicy]):
    list_display = (
        "stage",
        "channel",
        "report_type",
        "supervisory",
        "days",
        "calendar_days",
        "max_extension_days",
        "basis",
        "active",
    )
    list_filter = ("stage", "active", "calendar_days")
