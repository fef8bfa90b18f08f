"""The demo data set that `make run` loads into an empty database.

The full load runs once for this module (it takes seconds) inside a transaction that is
rolled back at the end, so no other test sees the demo cases.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from simadu.accounts.models import User
from simadu.cases.models import Case, CaseEvent, Channel
from simadu.cases.workflow import ArchiveReason, Status
from simadu.confidentiality.policy import visible_cases
from simadu.confidentiality.sealing import identity_of
from simadu.core import clock
from simadu.triage import taxonomy
from simadu.workspace.demo import DEMO_PASSWORD, demo_logins, load_demo_data
from simadu.workspace.demo import texts as demo_reports
from tests.factories import login_staff

INTERNAL_UNITS = {slug for slug, (internal, _name) in taxonomy.UNITS.items() if internal}
OUTSIDE_AGENCIES = {slug for slug, (internal, _name) in taxonomy.UNITS.items() if not internal}


LOAD_OUTPUT = StringIO()


@pytest.fixture(scope="module")
def demo(django_db_setup: Any, django_db_blocker: Any) -> Iterator[int]:
    """The demo data set, loaded once through `simadu load_demo`; returns how many cases it created."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=LOAD_OUTPUT)
        yield Case.objects.count()
        transaction.set_rollback(True)


@pytest.mark.slow
@pytest.mark.django_db
def test_the_demo_fills_every_stage_channel_and_internal_unit(demo: int) -> None:
    """About 300 cases, in every state of the workflow, every channel and every unit of the ministry."""
    assert demo >= 280
    assert set(Case.objects.values_list("status", flat=True)) == set(Status.values)
    assert set(Case.objects.values_list("channel", flat=True)) == set(Channel.values)
    assert set(Case.objects.exclude(unit=None).values_list("unit_id", flat=True)) == INTERNAL_UNITS


@pytest.mark.slow
@pytest.mark.django_db
def test_the_demo_forwards_to_every_outside_agency_and_archives_with_several_reasons(demo: int) -> None:
    """Dialihkan cases reach BPJS Ketenagakerjaan, KP2MI, the regions and other agencies; archives say why."""
    forwarded = Case.objects.filter(status=Status.FORWARDED)
    assert set(forwarded.values_list("forwarded_to_id", flat=True)) == OUTSIDE_AGENCIES
    assert all(forwarded.values_list("forward_reference", flat=True))
    reasons = set(Case.objects.filter(status=Status.ARCHIVED).values_list("archive_reason", flat=True))
    assert reasons == set(ArchiveReason.values)


@pytest.mark.slow
@pytest.mark.django_db
def test_the_demo_has_ratings_objections_and_overdue_cases(demo: int) -> None:
    """Reporters rated answers (mostly well, some badly), a few objected, and some open cases are late."""
    ratings = Counter(Case.objects.exclude(rating=None).values_list("rating", flat=True))
    assert set(ratings) == {1, 2, 3, 4, 5}
    assert ratings[4] + ratings[5] > ratings[1] + ratings[2] > 0
    assert Case.objects.filter(status=Status.REOPENED).exists()
    assert Case.objects.filter(status=Status.CLOSED, objected_at__isnull=False).exists()
    now = clock.now()
    open_cases = Case.objects.exclude(status__in=[Status.CLOSED, Status.FORWARDED, Status.ARCHIVED])
    overdue = open_cases.filter(stage_due_at__lt=now).count()
    assert 0 < overdue < open_cases.count() / 2


@pytest.mark.slow
@pytest.mark.django_db
def test_the_demo_spreads_four_months_of_work_with_nothing_in_the_future(demo: int) -> None:
    """Reports came in over about 120 days; each timeline runs forward and ends before now."""
    now = clock.now()
    received = sorted(Case.objects.values_list("received_at", flat=True))
    assert 100 <= (now - received[0]).days <= 130
    assert (now - received[-1]).days <= 3
    assert not CaseEvent.objects.filter(at__gt=now).exists()
    for case in Case.objects.prefetch_related("events"):
        times = [e.at for e in sorted(case.events.all(), key=lambda e: e.pk)]
        assert times == sorted(times), case.tracking_id
        assert times[0] == case.received_at
        assert case.status_changed_at >= case.received_at


@pytest.mark.slow
@pytest.mark.django_db
def test_demo_reporters_are_anonymous_or_give_only_example_addresses(demo: int) -> None:
    """Many reporters stay anonymous; those who leave an e-mail use the reserved example.org domain."""
    cases = list(Case.objects.all())
    assert sum(c.anonymous for c in cases) > len(cases) / 4
    emails = {identity_of(c).get("email") for c in cases if c.has_contact}
    assert emails
    assert all(e.endswith("@example.org") for e in emails)


@pytest.mark.slow
@pytest.mark.django_db
def test_the_audit_chain_is_intact_after_loading_the_demo(demo: int) -> None:
    """`simadu audit verify` passes: the demo moves case dates, never audit entries."""
    out = StringIO()
    call_command("audit", "verify", stdout=out)
    assert "intact" in out.getvalue()


@pytest.mark.slow
@pytest.mark.django_db
def test_loading_the_demo_again_creates_nothing(demo: int) -> None:
    """A database that already has cases is left alone, by the function and by the command."""
    assert load_demo_data() == 0
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "tidak dimuat" in out.getvalue()
    assert Case.objects.count() == demo


@pytest.mark.slow
@pytest.mark.django_db
@pytest.mark.parametrize("username", [row[0] for row in demo_logins()])
def test_every_demo_login_printed_at_start_can_sign_in(demo: int, username: str) -> None:
    """Each account shown at start-up signs in with the one documented demo password."""
    assert Client().login(username=username, password=DEMO_PASSWORD)


@pytest.mark.slow
@pytest.mark.django_db
def test_the_printed_demo_logins_say_that_staff_enrol_two_factor_at_first_login(demo: int) -> None:
    """The demo keeps two-factor sign-in; the list of accounts tells people what to expect."""
    printed = LOAD_OUTPUT.getvalue()
    assert "verifikasi dua langkah" in printed
    assert "pertama kali masuk" in printed


@pytest.mark.slow
@pytest.mark.django_db
def test_the_admin_demo_account_opens_the_django_admin_and_sees_no_case(demo: int) -> None:
    """`admin` is a superuser for /admin/ (after the second step, like everyone); the policy shows it no case."""
    client = Client()
    assert client.login(username="admin", password=DEMO_PASSWORD)
    assert client.get("/admin/").status_code == 302, "the password alone does not open the admin"
    login_staff(client, User.objects.get(username="admin"))
    assert client.get("/admin/").status_code == 200
    assert not visible_cases(User.objects.get(username="admin")).exists()


def test_the_demo_reports_are_many_distinct_hand_written_texts_across_the_taxonomy() -> None:
    """At least 120 different reports, every category of the taxonomy, every outside agency as a target."""
    texts = [s.text for s in demo_reports.STORIES]
    assert len(set(texts)) >= 120
    assert {s.category for s in demo_reports.STORIES} == set(taxonomy.CATEGORIES)
    assert {s.unit for s in demo_reports.STORIES} >= OUTSIDE_AGENCIES | INTERNAL_UNITS
    assert {s.final_channel for s in demo_reports.STORIES} == set(Channel.values)


def test_every_story_a_unit_answers_has_an_answer_that_fits_it() -> None:
    """A story handled inside the ministry has its own answer or one from its category's pool."""
    for story in demo_reports.STORIES:
        if story.archive or not taxonomy.UNITS[story.unit][0]:
            continue
        own = story.reply or demo_reports.ANSWERS.get(story.title)
        pool_key = "supervisory" if taxonomy.CATEGORIES[story.category][0] else story.category
        pool = demo_reports.REPLIES.get(pool_key, ())
        fitting = [r for r in pool if "{pt}" not in r or "{pt}" in story.text]
        assert own or fitting, story.title
