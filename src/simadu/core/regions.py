"""Kemendagri region codes (provinces and regencies), shipped as data in `core/data/`."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_DATA = Path(__file__).with_name("data")


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    province_code: str


@cache
def provinces() -> dict[str, Region]:
    with (_DATA / "provinces.csv").open(encoding="utf-8") as f:
        return {r["code"]: Region(r["code"], r["name"], r["code"]) for r in csv.DictReader(f)}


@cache
def regencies() -> dict[str, Region]:
    with (_DATA / "regencies.csv").open(encoding="utf-8") as f:
        return {r["code"]: Region(r["code"], r["name"], r["province_code"]) for r in csv.DictReader(f)}


def regencies_of(province_code: str) -> list[Region]:
    return [r for r in regencies().values() if r.province_code == province_code]


def province_name(code: str | None) -> str:
    region = provinces().get(code or "")
    return region.name if region else ""


def regency_name(code: str | None) -> str:
    region = regencies().get(code or "")
    return region.name if region else ""
