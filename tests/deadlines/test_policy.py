"""The SLA policy: the most specific active row wins; without rows the built-in defaults apply."""

from __future__ import annotations

import pytest

from simadu.deadlines.models import SlaPolicy, Stage
from simadu.deadlines.policy import policy_for

pytestmark = pytest.mark.django_db


def _days(
    stage: str, channel: str = "lapor", report_type: str = "pengaduan", supervisory: bool = False
) -> int:
    return policy_for(stage=stage, channel=channel, report_type=report_type, supervisory=supervisory).days


def test_the_seeded_policy_gives_the_days_of_product_md():
    assert _days(Stage.VERIFY) == 3
    assert _days(Stage.FIRST_FOLLOW_UP) == 5
    assert _days(Stage.RESOLVE) == 14
    assert _days(Stage.RESOLVE, supervisory=True) == 60
    assert _days(Stage.RESOLVE, channel="wbs") == 60
    assert _days(Stage.RESOLVE, report_type="permintaan_informasi") == 10
    assert _days(Stage.AUTO_CLOSE) == 10
    answer = policy_for(
        stage=Stage.REPORTER_ANSWER, channel="lapor", report_type="pengaduan", supervisory=False
    )
    assert (answer.days, answer.calendar_days) == (14, True)
    info = policy_for(
        stage=Stage.RESOLVE, channel="lapor", report_type="permintaan_informasi", supervisory=False
    )
    assert info.max_extension_days == 7


def test_a_row_naming_more_of_the_case_wins_and_matches_only_such_cases():
    """An administrator gives helpdesk information requests 5 days: that row names two things of the case, so
    it beats the information-request row (one) and the catch-all (none), and leaves other cases alone."""
    SlaPolicy.objects.create(
        stage=Stage.RESOLVE,
        channel="helpdesk",
        report_type="permintaan_informasi",
        days=5,
        max_extension_days=2,
    )

    assert _days(Stage.RESOLVE, channel="helpdesk", report_type="permintaan_informasi") == 5
    assert _days(Stage.RESOLVE, channel="lapor", report_type="permintaan_informasi") == 10
    assert _days(Stage.RESOLVE, channel="helpdesk", report_type="pengaduan") == 14


def test_equally_specific_rows_prefer_the_channel_then_supervisory_then_the_type():
    assert _days(Stage.RESOLVE, report_type="permintaan_informasi", supervisory=True) == 60
    SlaPolicy.objects.create(stage=Stage.RESOLVE, channel="helpdesk", days=7)
    assert _days(Stage.RESOLVE, channel="helpdesk", supervisory=True) == 7


def test_an_inactive_row_does_not_count():
    SlaPolicy.objects.filter(stage=Stage.RESOLVE, supervisory=True).update(active=False)
    assert _days(Stage.RESOLVE, supervisory=True) == 14


def test_without_any_row_the_built_in_defaults_apply():
    SlaPolicy.objects.all().delete()

    fallback = policy_for(stage=Stage.RESOLVE, channel="wbs", report_type="pengaduan", supervisory=False)
    assert (fallback.pk, fallback.days, fallback.max_extension_days) == (None, 60, 30)
    assert _days(Stage.VERIFY) == 3
    assert _days(Stage.RESOLVE, report_type="permintaan_informasi") == 10
