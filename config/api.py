"""Wiring: the apps' routers mounted on the one API object of `simadu.core.api`."""

from simadu.cases.api import router as staff_router
from simadu.core.api import api
from simadu.intake.api import router as intake_router
from simadu.tracking.api import router as tracking_router
from simadu.transparency.api import router as transparency_router
from simadu.triage.api import router as triage_router

api.add_router("/reports", intake_router)
api.add_router("/reports", tracking_router)
api.add_router("/statistics", transparency_router)
api.add_router("/staff", staff_router)
api.add_router("/staff", triage_router)

__all__ = ["api"]
