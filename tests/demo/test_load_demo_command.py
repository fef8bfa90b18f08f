"""`simadu load_demo` on a database it cannot fill."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from simadu.accounts.models import User
from simadu.cases.models import Case


@pytest.mark.django_db
def test_the_command_fails_with_one_line_when_a_demo_username_is_taken() -> None:
    """An existing account with a demo name but another role stops the load before anything is written."""
    User.objects.create_user(
        username="verifikator", password="x-Sandi-2026!", role="unit_officer", unit_id="setjen"
    )
    with pytest.raises(CommandError) as failure:
        call_command("load_demo", stdout=StringIO())
    assert failure.value.returncode == 1
    assert "verifikator" in str(failure.value)
    assert "\n" not in str(failure.value)
    assert not Case.objects.exists()
