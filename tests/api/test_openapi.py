"""The OpenAPI document: served at /api/v1/openapi.json and checked in as docs/openapi.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from config.api import api as ninja_api

SNAPSHOT = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"


def test_the_checked_in_openapi_snapshot_matches_the_code():
    """docs/openapi.json is what the code documents; a change to the API without `make openapi` fails here."""
    current = json.loads(json.dumps(ninja_api.get_openapi_schema(), default=str))
    snapshot = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert current == snapshot, (
        "docs/openapi.json is out of date with the API. Run `make openapi` and commit the result."
    )


def test_the_snapshot_is_written_the_way_the_command_writes_it():
    """Sorted keys and a two-space indent, so a diff of the snapshot shows only real changes."""
    from simadu.core.management.commands.export_openapi import render_openapi

    assert SNAPSHOT.read_text(encoding="utf-8") == render_openapi(), "Run `make openapi`."


@pytest.mark.django_db
def test_the_api_serves_its_openapi_document_with_the_contract_routes(client):
    """GET /api/v1/openapi.json answers 200 and documents the four routes of contracts.md."""
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "post" in paths["/api/v1/reports"]
    assert "get" in paths["/api/v1/reports/{tracking_id}"]
    assert "post" in paths["/api/v1/reports/{tracking_id}/messages"]
    assert "get" in paths["/api/v1/statistics"]


def test_every_staff_route_needs_the_bearer_token_and_names_its_operation():
    """Each staff operation has an operation id, a 200 schema, a 401 schema and the bearer security."""
    schema = ninja_api.get_openapi_schema()
    assert schema["components"]["securitySchemes"]["ApiTokenAuth"]["scheme"] == "bearer"
    staff_ops = [
        (path, op)
        for path, item in schema["paths"].items()
        if path.startswith("/api/v1/staff/")
        for op in item.values()
    ]
    assert len(staff_ops) == 13  # the inbox, a case, its identity (break-glass), nine actions, and triage
    for path, op in staff_ops:
        assert op["operationId"].startswith("staff_")
        assert op["security"] == [{"ApiTokenAuth": []}]
        documented = {int(status) for status in op["responses"]}
        assert {200, 401} <= documented
        if "{tracking_id}" in path:
            assert 404 in documented, f"{path} fetches a case: its 404 must be documented"
