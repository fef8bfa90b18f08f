"""The reporting API answers at all: a report in, a tracking view out."""

import pytest


@pytest.mark.django_db
def test_a_report_submitted_through_the_api_can_be_tracked_with_its_secret(api):
    created = api.post(
        "/api/v1/reports",
        {"text": "Sudah tiga bulan gaji saya belum dibayar."},
        content_type="application/json",
    )
    assert created.status_code == 201
    body = created.json()
    tracked = api.get(f"/api/v1/reports/{body['tracking_id']}", HTTP_X_REPORT_SECRET=body["secret"])
    assert tracked.status_code == 200
    assert tracked.json()["status"] == "received"
