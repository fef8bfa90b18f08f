"""The staff triage endpoint answers the same suggestion intake stores, and only to staff."""

import pytest

from tests.api.conftest import post_json


@pytest.mark.django_db
def test_staff_get_the_engines_suggestion_with_its_reason_for_any_text(api, staff, bearer):
    """A Helpdesk problem is routed to Pusdatin, with the words that decided it."""
    answer = post_json(
        api,
        "/api/v1/staff/triage",
        {"text": "kode OTP SIAPkerja tidak masuk ke hp saya"},
        **bearer(staff["verifier"]),
    )

    assert answer.status_code == 200
    body = answer.json()
    assert (body["channel"], body["category"], body["unit"]) == (
        "helpdesk",
        "akses_layanan_digital",
        "pusdatin",
    )
    assert body["explanation"]
    assert body["version"]


@pytest.mark.django_db
def test_the_triage_endpoint_needs_a_staff_token_and_a_text(api, staff, bearer):
    assert post_json(api, "/api/v1/staff/triage", {"text": "gaji belum dibayar"}).status_code == 401
    empty = post_json(api, "/api/v1/staff/triage", {"text": ""}, **bearer(staff["verifier"]))
    assert empty.status_code == 422
    assert empty.json()["code"] == "invalid"
