"""The staff API: the inbox, one case and the lifecycle actions, through a bearer token."""

from __future__ import annotations

import pytest

from simadu.audit.models import AuditEntry
from simadu.cases.models import Case
from tests.api.conftest import post_json
from tests.factories import advance, submit

BASE = "/api/v1/staff/cases"
WAGES = "Sudah tiga bulan gaji saya di PT Contoh Makmur Bekasi belum dibayar."
BRIBE = "Pejabat pengawas di dinas meminta uang lima juta rupiah agar laporan pemeriksaan perusahaan diubah."


def _tids(response):
    return [item["tracking_id"] for item in response.json()["items"]]


# ---- authentication -------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer smd_" + "x" * 40, "Bearer bukan-token", "Token smd_" + "x" * 40],
    ids=["no header", "unknown token", "malformed token", "wrong scheme"],
)
def test_the_staff_api_answers_401_in_the_error_shape_without_a_valid_token(api, authorization):
    """Without a token that belongs to someone, the answer is 401 {"detail", "code": "unauthorized"}."""
    headers = {"HTTP_AUTHORIZATION": authorization} if authorization else {}
    response = api.get(BASE, **headers)
    assert response.status_code == 401
    body = response.json()
    assert body["code"] == "unauthorized"
    assert body["detail"]


# ---- the inbox ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_inbox_lists_what_the_policy_lets_each_role_see(api, staff, bearer):
    """A verifier sees every non-WBS case; a unit officer only the cases assigned to their unit."""
    waiting, _ = submit(WAGES)
    assigned, _ = submit("Perusahaan tempat saya bekerja tidak membayar THR tahun ini sama sekali.")
    advance(assigned, "assigned", verifier=staff["verifier"])

    as_verifier = api.get(BASE, **bearer(staff["verifier"]))
    as_officer = api.get(BASE, **bearer(staff["officer_phi"]))
    as_other_unit = api.get(BASE, **bearer(staff["officer_pusdatin"]))

    assert as_verifier.status_code == 200
    assert set(_tids(as_verifier)) == {waiting.tracking_id, assigned.tracking_id}
    assert _tids(as_officer) == [assigned.tracking_id]
    assert _tids(as_other_unit) == []


@pytest.mark.django_db
def test_a_wbs_case_is_listed_without_its_title_and_nothing_sealed_is_opened(api, staff, bearer, monkeypatch):
    """The WBS team sees the case in the list with title null; the list never decrypts anything."""
    wbs, _ = submit(BRIBE, title="Suap pengawas di dinas", channel="wbs")
    lapor, _ = submit(WAGES, title="Gaji belum dibayar", channel="lapor")
    headers = bearer(staff["verifier_wbs"])

    def refuse(*args, **kwargs):
        raise AssertionError("a list must not decrypt")

    monkeypatch.setattr("simadu.core.crypto.unseal", refuse)
    monkeypatch.setattr("simadu.core.crypto.unwrap", refuse)
    response = api.get(BASE, **headers)

    assert response.status_code == 200
    items = {item["tracking_id"]: item for item in response.json()["items"]}
    assert items[wbs.tracking_id]["title"] is None
    assert items[wbs.tracking_id]["channel"] == "wbs"
    assert items[lapor.tracking_id]["title"] == "Gaji belum dibayar"
    assert "Suap" not in response.content.decode()
    assert not AuditEntry.objects.filter(action="case.content_read").exists()


@pytest.mark.django_db
def test_a_verifier_outside_the_wbs_team_never_sees_a_wbs_case(api, staff, bearer):
    """WBS cases exist only for Itjen's WBS team: not in the list, 404 on the case itself."""
    wbs, _ = submit(BRIBE, channel="wbs")
    headers = bearer(staff["verifier"])
    assert wbs.tracking_id not in _tids(api.get(BASE, **headers))
    assert api.get(f"{BASE}/{wbs.tracking_id}", **headers).status_code == 404


@pytest.mark.django_db
def test_the_inbox_filters_by_the_same_fields_as_the_workspace(api, staff, bearer):
    """channel, status, open_only and q narrow the list as the inbox selector does."""
    helpdesk, _ = submit(
        "Saya tidak bisa login ke akun SIAPkerja, kode OTP tidak pernah masuk.", channel="helpdesk"
    )
    lapor, _ = submit(WAGES, title="Gaji ditahan", channel="lapor")
    advance(lapor, "verifying", verifier=staff["verifier"])
    headers = bearer(staff["verifier"])

    assert _tids(api.get(BASE, {"channel": "helpdesk"}, **headers)) == [helpdesk.tracking_id]
    assert _tids(api.get(BASE, {"status": "verifying"}, **headers)) == [lapor.tracking_id]
    assert _tids(api.get(BASE, {"q": "ditahan"}, **headers)) == [lapor.tracking_id]
    assert _tids(api.get(BASE, {"q": helpdesk.tracking_id}, **headers)) == [helpdesk.tracking_id]
    assert len(_tids(api.get(BASE, {"open_only": "true"}, **headers))) == 2


@pytest.mark.django_db
def test_an_unknown_filter_value_is_a_422_not_an_empty_list(api, staff, bearer):
    """A typo in a filter is said out loud rather than silently answered with nothing."""
    response = api.get(BASE, {"status": "selesai"}, **bearer(staff["verifier"]))
    assert response.status_code == 422
    assert response.json()["code"] == "invalid"


@pytest.mark.django_db
def test_the_inbox_pages_with_limit_and_offset_up_to_100(api, staff, bearer):
    """Pages follow one another through next_offset; more than 100 per page is refused."""
    filed = {
        submit(f"Laporan nomor {n}: gaji saya belum dibayar perusahaan.")[0].tracking_id for n in range(3)
    }
    headers = bearer(staff["verifier"])

    first = api.get(BASE, {"limit": 2}, **headers).json()
    assert len(first["items"]) == 2
    assert first["next_offset"] == 2
    second = api.get(BASE, {"limit": 2, "offset": first["next_offset"]}, **headers).json()
    assert len(second["items"]) == 1
    assert second["next_offset"] is None
    assert {i["tracking_id"] for i in first["items"] + second["items"]} == filed

    assert api.get(BASE, {"limit": 101}, **headers).status_code == 422


@pytest.mark.django_db
def test_the_inbox_costs_the_same_number_of_queries_for_5_and_for_30_cases(
    api, staff, bearer, django_assert_max_num_queries
):
    """The list query does not grow with the page: 30 cases cost what 5 cost."""
    headers = bearer(staff["verifier"])
    api.get(BASE, **headers)  # the token's first use records last_used_at; later ones do not
    budget = 2  # the token with its user, and one page of the inbox

    for n in range(5):
        submit(f"Laporan nomor {n}: gaji saya belum dibayar perusahaan.", channel="lapor")
    with django_assert_max_num_queries(budget) as few:
        small = api.get(BASE, {"limit": 100}, **headers)
    for n in range(25):
        submit(f"Laporan nomor {n + 5}: THR saya belum dibayar perusahaan.", channel="helpdesk")
    with django_assert_max_num_queries(budget) as many:
        large = api.get(BASE, {"limit": 100}, **headers)

    assert len(small.json()["items"]) == 5
    assert len(large.json()["items"]) == 30
    assert len(many.captured_queries) == len(few.captured_queries)


# ---- one case -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_case_shows_its_content_and_timeline_but_no_identity_unless_asked(api, staff, bearer):
    """The reporter's name comes only with include_identity=true; the content and timeline always."""
    case, _ = submit(WAGES, title="Gaji ditahan", name="Siti Aminah", email="siti@example.com")
    headers = bearer(staff["verifier"])

    plain = api.get(f"{BASE}/{case.tracking_id}", **headers)
    assert plain.status_code == 200
    body = plain.json()
    assert body["title"] == "Gaji ditahan"
    assert body["text"] == WAGES
    assert body["identity"] is None
    assert "Siti" not in plain.content.decode()
    assert [e["kind"] for e in body["timeline"]] == ["received"]

    revealed = api.get(f"{BASE}/{case.tracking_id}", {"include_identity": "true"}, **headers).json()
    assert revealed["identity"]["name"] == "Siti Aminah"
    assert revealed["identity"]["email"] == "siti@example.com"


@pytest.mark.django_db
def test_an_anonymous_reporter_stays_hidden_from_the_unit_even_when_it_asks(api, staff, bearer):
    """Anonim: only Itjen's verifiers may read the identity, with a reason (POST .../identity, break-glass);
    the unit gets null from the GET, not an error, and a 404 from the POST."""
    case, _ = submit(WAGES, anonymous=True, name="Budi Santoso")
    advance(case, "assigned", verifier=staff["verifier"])

    as_officer = api.get(
        f"{BASE}/{case.tracking_id}", {"include_identity": "true"}, **bearer(staff["officer_phi"])
    )
    assert as_officer.status_code == 200
    assert as_officer.json()["identity"] is None
    assert "Budi" not in as_officer.content.decode()

    reason = {"reason": "Klarifikasi kronologi dengan pelapor."}
    assert (
        post_json(
            api, f"{BASE}/{case.tracking_id}/identity", reason, **bearer(staff["officer_phi"])
        ).status_code
        == 404
    )

    as_verifier = api.get(
        f"{BASE}/{case.tracking_id}", {"include_identity": "true"}, **bearer(staff["verifier"])
    )
    assert as_verifier.json()["identity"] is None  # a GET never breaks the glass
    opened = post_json(api, f"{BASE}/{case.tracking_id}/identity", reason, **bearer(staff["verifier"]))
    assert opened.json()["name"] == "Budi Santoso"
    assert AuditEntry.objects.filter(action="case.break_glass", object_id=case.tracking_id).count() == 1


@pytest.mark.django_db
def test_reading_a_wbs_case_reveals_its_content_to_the_wbs_team_and_records_the_read(api, staff, bearer):
    """WBS content is unsealed for the WBS team on the case itself, and every such read is audited."""
    wbs, _ = submit(BRIBE, title="Suap pengawas", channel="wbs")
    response = api.get(f"{BASE}/{wbs.tracking_id}", **bearer(staff["verifier_wbs"]))
    assert response.status_code == 200
    assert response.json()["title"] == "Suap pengawas"
    assert response.json()["text"] == BRIBE
    assert AuditEntry.objects.filter(action="case.content_read", object_id=wbs.tracking_id).count() == 1


@pytest.mark.django_db
def test_a_missing_case_and_a_forbidden_case_get_the_same_404(api, staff, bearer):
    """Nobody learns that a case exists by asking for it: missing and forbidden answer byte for byte alike."""
    case, _ = submit(WAGES)  # not assigned yet: the unit cannot see it
    headers = bearer(staff["officer_phi"])
    forbidden = api.get(f"{BASE}/{case.tracking_id}", **headers)
    missing = api.get(f"{BASE}/SMD-0000-0000", **headers)
    forbidden_action = post_json(api, f"{BASE}/{case.tracking_id}/start", {}, **headers)
    assert forbidden.status_code == missing.status_code == forbidden_action.status_code == 404
    assert forbidden.content == missing.content == forbidden_action.content
    assert forbidden.json()["code"] == "not_found"


@pytest.mark.django_db
def test_a_tracking_id_is_found_however_staff_type_it(api, staff, bearer):
    """Lower case and look-alike letters find the case; text that cannot be an id is a plain 404."""
    case, _ = submit(WAGES)
    headers = bearer(staff["verifier"])
    typed = case.tracking_id.lower().replace("1", "l").replace("0", "o")
    assert api.get(f"{BASE}/{typed}", **headers).json()["tracking_id"] == case.tracking_id
    assert api.get(f"{BASE}/SMD-%00", **headers).status_code == 404
    assert api.get(BASE, {"q": "gaji\x00"}, **headers).status_code == 422


# ---- actions --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_case_walks_its_whole_happy_path_through_the_api(api, staff, bearer):
    """verify → assign → start → respond → close, each answering the case summary."""
    case, _ = submit(WAGES)
    verifier, officer = bearer(staff["verifier"]), bearer(staff["officer_phi"])
    url = f"{BASE}/{case.tracking_id}"

    steps = [
        (verifier, "verify", {}, "verifying"),
        (verifier, "assign", {"unit": "ditjen_phi_jamsos", "note": "Upah: kewenangan PHI."}, "assigned"),
        (officer, "start", {}, "in_progress"),
        (officer, "respond", {"text": "Perusahaan sudah dipanggil dan gaji dibayar."}, "responded"),
        (officer, "close", {"note": "Bukti transfer terlampir."}, "closed"),
    ]
    for headers, action, body, expected in steps:
        response = post_json(api, f"{url}/{action}", body, **headers)
        assert response.status_code == 200, (action, response.json())
        summary = response.json()
        assert summary["tracking_id"] == case.tracking_id
        assert summary["status"] == expected
        assert set(summary) == {"tracking_id", "status", "unit", "stage_due_at"}
    assert summary["unit"] == "ditjen_phi_jamsos"
    assert summary["stage_due_at"] is None
    case.refresh_from_db()
    assert case.status == "closed"


@pytest.mark.django_db
def test_actions_without_required_fields_accept_a_post_with_no_body(api, staff, bearer):
    """verify and close (whose note is optional) work with an empty POST, as `curl -X POST` sends it."""
    fresh, _ = submit(WAGES)
    answered, _ = submit("Perusahaan tempat saya bekerja tidak membayar THR tahun ini sama sekali.")
    advance(answered, "responded", verifier=staff["verifier"], officer=staff["officer_phi"])
    headers = bearer(staff["verifier"])

    verified = api.generic("POST", f"{BASE}/{fresh.tracking_id}/verify", **headers)
    closed = api.generic("POST", f"{BASE}/{answered.tracking_id}/close", **headers)

    assert (verified.status_code, verified.json()["status"]) == (200, "verifying")
    assert (closed.status_code, closed.json()["status"]) == (200, "closed")


@pytest.mark.django_db
def test_a_question_to_the_reporter_is_shown_to_them_and_pauses_the_case(api, staff, bearer):
    """request-info moves the case to awaiting_info and the reporter reads the question."""
    case, secret = submit(WAGES)
    response = post_json(
        api,
        f"{BASE}/{case.tracking_id}/request-info",
        {"question": "Nama perusahaan dan alamatnya apa?"},
        **bearer(staff["verifier"]),
    )
    assert response.status_code == 200
    assert response.json()["status"] == "awaiting_info"
    view = api.get(f"/api/v1/reports/{case.tracking_id}", HTTP_X_REPORT_SECRET=secret).json()
    assert "Nama perusahaan dan alamatnya apa?" in [e["text"] for e in view["timeline"]]


@pytest.mark.django_db
def test_a_case_is_forwarded_to_an_outside_agency_with_its_reason(api, staff, bearer):
    """forward hands the case to an agency outside the ministry; the reporter reads the reason."""
    case, secret = submit(WAGES)
    reason = "Pengawasan perusahaan ini wewenang Disnaker provinsi."
    response = post_json(
        api,
        f"{BASE}/{case.tracking_id}/forward",
        {"agency": "pemda", "reason": reason, "reference": "B/12"},
        **bearer(staff["verifier"]),
    )
    assert response.status_code == 200
    assert response.json()["status"] == "forwarded"
    case.refresh_from_db()
    assert case.forwarded_to_id == "pemda"
    assert case.forward_reference == "B/12"
    view = api.get(f"/api/v1/reports/{case.tracking_id}", HTTP_X_REPORT_SECRET=secret).json()
    assert any(reason in e["text"] for e in view["timeline"])


@pytest.mark.django_db
def test_a_case_is_archived_with_a_reason_code(api, staff, bearer):
    """archive records its reason; an unknown reason code is refused."""
    case, _ = submit(WAGES)
    headers = bearer(staff["verifier"])
    refused = post_json(api, f"{BASE}/{case.tracking_id}/archive", {"reason_code": "bosan"}, **headers)
    assert refused.status_code == 422
    archived = post_json(api, f"{BASE}/{case.tracking_id}/archive", {"reason_code": "spam"}, **headers)
    assert archived.status_code == 200
    assert archived.json()["status"] == "archived"
    case.refresh_from_db()
    assert case.archive_reason == "spam"


@pytest.mark.django_db
def test_notes_are_internal_by_default_and_a_public_one_reaches_the_reporter(api, staff, bearer):
    """An internal note stays off the reporter's view; public: true is a reply they read."""
    case, secret = submit(WAGES)
    headers = bearer(staff["verifier"])
    url = f"{BASE}/{case.tracking_id}/notes"
    internal = post_json(api, url, {"text": "Cek apakah perusahaan ini sudah pernah dilaporkan."}, **headers)
    public = post_json(
        api, url, {"text": "Terima kasih, laporan Anda sedang kami periksa.", "public": True}, **headers
    )
    assert internal.status_code == public.status_code == 200
    assert public.json()["status"] == "received"

    texts = [
        e["text"]
        for e in api.get(f"/api/v1/reports/{case.tracking_id}", HTTP_X_REPORT_SECRET=secret).json()[
            "timeline"
        ]
    ]
    assert "Terima kasih, laporan Anda sedang kami periksa." in texts
    assert "Cek apakah perusahaan ini sudah pernah dilaporkan." not in texts
    staff_view = api.get(f"{BASE}/{case.tracking_id}", **headers).json()
    assert {e["visibility"] for e in staff_view["timeline"] if e["kind"] in ("note", "reply")} == {
        "internal",
        "public",
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("action", "body", "field"),
    [
        ("assign", {"unit": "ditjen_tidak_ada"}, "unit"),
        ("assign", {"unit": "ditjen_phi_jamsos", "category": "kategori_tidak_ada"}, "category"),
        ("forward", {"agency": "lembaga_tidak_ada", "reason": "Bukan wewenang kami."}, "agency"),
    ],
    ids=["unknown unit", "unknown category", "unknown agency"],
)
def test_an_unknown_slug_is_answered_422_in_indonesian(api, staff, bearer, action, body, field):
    """A unit, category or agency that does not exist is named in a plain Indonesian message."""
    case, _ = submit(WAGES)
    response = post_json(api, f"{BASE}/{case.tracking_id}/{action}", body, **bearer(staff["verifier"]))
    assert response.status_code == 422
    answer = response.json()
    assert answer["field"] == field
    assert "tidak dikenal" in answer["detail"]
    assert Case.objects.get(pk=case.pk).status == "received"


@pytest.mark.django_db
def test_forwarding_to_a_unit_inside_the_ministry_is_refused(api, staff, bearer):
    """Dialihkan is for outside agencies; a ministry unit is reached with assign."""
    case, _ = submit(WAGES)
    response = post_json(
        api,
        f"{BASE}/{case.tracking_id}/forward",
        {"agency": "pusdatin", "reason": "Salah kanal."},
        **bearer(staff["verifier"]),
    )
    assert response.status_code == 422
    assert response.json()["field"] == "agency"


@pytest.mark.django_db
def test_an_action_the_stage_does_not_allow_is_a_409(api, staff, bearer):
    """Closing a case nobody has answered yet is refused with transition_not_allowed."""
    case, _ = submit(WAGES)
    response = post_json(api, f"{BASE}/{case.tracking_id}/close", {}, **bearer(staff["verifier"]))
    assert response.status_code == 409
    assert response.json()["code"] == "transition_not_allowed"


@pytest.mark.django_db
def test_an_action_the_role_may_not_take_is_a_403(api, staff, bearer):
    """Leadership sees every case but does not verify: 403 forbidden, and nothing changes."""
    case, _ = submit(WAGES)
    response = post_json(api, f"{BASE}/{case.tracking_id}/verify", {}, **bearer(staff["leader_itjen"]))
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"
    assert Case.objects.get(pk=case.pk).status == "received"


@pytest.mark.django_db
def test_an_empty_answer_to_the_reporter_is_refused(api, staff, bearer):
    """respond with blank text is a 422 naming the field; the case stays where it was."""
    case, _ = submit(WAGES)
    advance(case, "in_progress", verifier=staff["verifier"], officer=staff["officer_phi"])
    response = post_json(
        api, f"{BASE}/{case.tracking_id}/respond", {"text": "   "}, **bearer(staff["officer_phi"])
    )
    assert response.status_code == 422
    assert response.json()["field"] == "text"
    assert Case.objects.get(pk=case.pk).status == "in_progress"
