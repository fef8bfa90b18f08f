"""Staff API (token authentication): the inbox and the lifecycle actions."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["staff"])
