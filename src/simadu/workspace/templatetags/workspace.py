"""Small display helpers of the staff pages."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.inclusion_tag("workspace/_days_left.html")
def days_left(days: int | None) -> dict[str, Any]:
    """Working days left in a stage: "N hari kerja lagi", or in red "terlambat N hari kerja"."""
    return {"days": days, "late": -days if days is not None and days < 0 else 0}


@register.inclusion_tag("workspace/_field.html")
def field(bound_field: Any) -> dict[str, Any]:
    return {"field": bound_field}


@register.filter
def rupiah(amount: int | None) -> str:
    """1000000000 → "1.000.000.000", as rupiah are written in Indonesia."""
    return "" if amount is None else f"{amount:,}".replace(",", ".")
