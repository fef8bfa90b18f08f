"""The case page's duplicates panel: a verifier sees likely duplicates among the cases they may see, in
plain words, and merges them choosing which case is kept; nobody else sees the panel or may merge."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from simadu.cases.models import Case
from simadu.triage.corpus import CORPUS_DIR, read_jsonl
from tests.cases.test_duplicates import THR, THR_RETOLD
from tests.factories import advance, decision, submit

OTHER = "Aplikasi SIAPkerja selalu force close setiap buka menu Profil sejak pembaruan kemarin."


def _file(text: str, **fields: object) -> Case:
    case, _ = submit(text, triage=decision(str(fields.pop("category", "thr"))), **fields)  # type: ignore[arg-type]
    return case


def _panel(html: str) -> str:
    match = re.search(r'<section class="ws-card" id="duplikat".*?</section>', html, re.DOTALL)
    return match.group(0) if match else ""


@pytest.mark.django_db
def test_a_verifier_sees_the_likely_duplicate_in_plain_words_with_both_ways_to_merge(as_user):
    """On an open case, the verifier's panel lists the case of the same incident (its number, title and a
    piece of its story, "mirip" or "sangat mirip") with a button for each way of merging; an unrelated case
    is not listed."""
    first = _file(THR, title="THR belum dibayar")
    second = _file(THR_RETOLD)
    unrelated = _file(OTHER, category="akses_layanan_digital")

    panel = _panel(as_user("verifier").get(f"/staf/kasus/{second.tracking_id}").text)

    assert "Kemungkinan laporan ganda" in panel
    assert first.tracking_id in panel
    assert "THR belum dibayar" in panel
    assert unrelated.tracking_id not in panel
    assert re.search(r"(sangat mirip|mirip)", panel, re.IGNORECASE)
    assert f"Gabungkan {first.tracking_id} ke laporan ini" in panel
    assert f"Gabungkan laporan ini ke {first.tracking_id}" in panel


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["officer_phi", "auditor", "leader_itjen"])
def test_only_itjen_intake_sees_the_panel(as_user, staff, who):
    """Staff who may not archive a case (units, auditors, leadership) never see the panel."""
    first = _file(THR)
    second = advance(_file(THR_RETOLD, category="pungli"), "assigned", verifier=staff["verifier"])
    page = as_user(who).get(f"/staf/kasus/{second.tracking_id}")

    assert page.status_code in (200, 404)
    assert "Kemungkinan laporan ganda" not in page.text
    assert first.tracking_id not in page.text


@pytest.mark.django_db
def test_merging_from_the_panel_keeps_the_chosen_case_and_tells_the_verifier(as_user):
    """Gabungkan laporan ini ke X: archives this case as X's duplicate and opens X, with a message."""
    first, second = _file(THR), _file(THR_RETOLD)
    verifier = as_user("verifier")

    response = verifier.post(
        f"/staf/kasus/{second.tracking_id}/gabung", {"other": first.tracking_id, "keep": "other"}
    )

    assert response.status_code == 302
    assert response["Location"] == f"/staf/kasus/{first.tracking_id}"
    second.refresh_from_db()
    assert (second.status, second.merged_into_id) == ("archived", first.pk)
    page = verifier.get(response["Location"]).text
    assert f"Laporan {second.tracking_id} digabung ke {first.tracking_id}" in page
    assert f"Laporan {second.tracking_id} digabung ke laporan ini" in page  # the kept case's timeline
    assert "Sudah digabung ke laporan ini" in page


@pytest.mark.django_db
def test_a_refused_merge_says_why_and_changes_nothing(as_user, staff):
    """Merging a case already with a unit away, or naming a case that does not exist, is refused in plain
    words on the case page."""
    in_progress = advance(_file(THR), "in_progress", verifier=staff["verifier"], officer=staff["officer_phi"])
    fresh = _file(THR_RETOLD)
    verifier = as_user("verifier")

    refused = verifier.post(
        f"/staf/kasus/{fresh.tracking_id}/gabung", {"other": in_progress.tracking_id, "keep": "this"}
    )
    page = verifier.get(refused["Location"]).text
    assert "Hanya laporan yang belum diteruskan ke unit yang dapat digabung" in page
    missing = verifier.post(
        f"/staf/kasus/{fresh.tracking_id}/gabung", {"other": "SMD-0000-0000", "keep": "this"}
    )
    assert "tidak ditemukan" in verifier.get(missing["Location"]).text
    assert Case.objects.filter(merged_into__isnull=False).count() == 0


@pytest.mark.django_db
def test_the_wbs_team_merges_two_wbs_reports_by_number_without_any_comparison(as_user):
    """A WBS report's content is sealed and never compared: its panel offers no suggestion, only the form
    taking another WBS report's number."""
    first, second = (
        _file("", channel="wbs", category="gratifikasi"),
        _file("", channel="wbs", category="gratifikasi"),
    )
    member = as_user("verifier_wbs")

    panel = _panel(member.get(f"/staf/kasus/{second.tracking_id}").text)
    assert "tidak dibandingkan" in panel
    assert first.tracking_id not in panel

    member.post(f"/staf/kasus/{second.tracking_id}/gabung", {"other": first.tracking_id, "keep": "other"})
    second.refresh_from_db()
    assert second.merged_into_id == first.pk


@pytest.mark.django_db
def test_the_case_page_with_its_duplicates_panel_costs_the_same_queries_however_many_duplicates(as_user):
    """The panel reads the candidates in one query and the listed cases in one more: the case page costs as
    many queries with two likely duplicates as with five."""
    target = _file(THR)
    # An inbox of other reports, so that words are weighed as in a real one.
    for example in list(read_jsonl(CORPUS_DIR / "shared_dev.jsonl"))[:40]:
        _file(example.text, title=example.title, category=example.labels["category"])
    verifier = as_user("verifier")
    verifier.get(f"/staf/kasus/{target.tracking_id}")  # sessions, caches: warm

    _file(THR_RETOLD)
    _file(THR_RETOLD + " Kami bagian produksi.")
    with CaptureQueriesContext(connection) as two:
        first = verifier.get(f"/staf/kasus/{target.tracking_id}")
    for extra in (" Bagian gudang.", " Bagian kemasan.", " Bagian kantor."):
        _file(THR_RETOLD + extra)
    with CaptureQueriesContext(connection) as five:
        second = verifier.get(f"/staf/kasus/{target.tracking_id}")

    assert _panel(first.text).count("Gabungkan laporan ini ke") == 2
    assert _panel(second.text).count("Gabungkan laporan ini ke") == 5
    assert len(five) == len(two), [q["sql"] for q in five.captured_queries]
