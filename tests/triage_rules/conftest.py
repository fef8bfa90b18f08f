"""Shared by the triage-rule tests: the shipped model, built once per test process."""

from __future__ import annotations

import pytest

from simadu.triage import engine
from simadu.triage.model import TriageModel


@pytest.fixture(scope="session")
def triage_model() -> TriageModel:
    """The model `simadu triage` uses, trained once (or read from var/triage/) and kept in the engine's cache.

    Every command test asks for it so that training happens once, before the first command runs."""
    return engine.active_model()
