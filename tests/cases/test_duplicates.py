"""Duplicates: similar open reports are found and unrelated ones are not; a merge keeps every reporter informed.

Similarity (`cases.duplicates`) and the merge service (`cases.merge`), through the real services. The
reporter's pages and the public box are in tests/portal/test_similar.py, the verifier's panel in
tests/workspace/test_duplicates_panel.py.
"""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.test import override_settings

from simadu.audit.models import AuditEntry
from simadu.cases import services
from simadu.cases.duplicates import (
    STAFF_SIMILAR,
    likely_duplicates,
    public_candidates,
    similar_open_cases,
    similarity_scores,
)
from simadu.cases.merge import case_merge, case_root
from simadu.cases.models import Case, CaseEvent
from simadu.confidentiality.policy import visible_cases
from simadu.core.clock import WIB
from simadu.core.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from simadu.outbox.models import OutboxMessage
from tests.factories import advance, decision, submit

THR = (
    "THR saya dan 70 teman di PT Sumber Plastik Jaya, Sidoarjo belum dibayar sampai hari ini (H+14). "
    "Kami sudah tanya ke HRD tapi jawabannya tunggu keuangan. Mohon pengawas turun ke pabrik."
)
THR_RETOLD = (
    "THR kami 70 orang lebih di PT Sumber Plastik Jaya Sidoarjo sampai dua minggu setelah Lebaran belum "
    "dibayar juga. HRD cuma bilang tunggu keuangan. Mohon pengawas segera turun."
)
THR_ELSEWHERE = (
    "THR kami di toko bangunan Sinar Abadi di Ambon cuma dibayar separuh, katanya toko sedang rugi. "
    "Kami enam orang karyawan."
)
OTP = (
    "Aplikasi SIAPkerja di HP android saya selalu force close setiap buka menu Profil. Sudah hapus cache, "
    "uninstall dan install ulang tetap sama."
)
NOON = dt.datetime(2026, 4, 6, 12, 0, tzinfo=WIB)
EMAIL_KEPT, EMAIL_MERGED = "pelapor.pertama@contoh.id", "pelapor.kedua@contoh.id"


def _file(text: str, **fields: object) -> Case:
    case, _ = submit(text, triage=decision(fields.pop("category", "thr")), **fields)  # type: ignore[arg-type]
    return case


def _fresh(case: Case) -> Case:
    return Case.objects.select_related("category", "unit").get(pk=case.pk)


# ---- similarity ----------------------------------------------------------------------------------------


def test_a_retold_report_scores_above_a_report_of_the_same_complaint_elsewhere_and_an_unrelated_one():
    """The same incident in other words scores "mirip" or better; the same kind of complaint at another
    company, and a report about something else, do not reach the staff threshold."""
    scores = similarity_scores(THR_RETOLD, [THR, THR_ELSEWHERE, OTP])

    assert scores[0] >= STAFF_SIMILAR
    assert scores[1] < STAFF_SIMILAR
    assert scores[2] < STAFF_SIMILAR
    assert scores[0] > scores[1] > scores[2]


@pytest.mark.django_db
def test_the_open_report_telling_the_same_story_is_found_and_the_unrelated_ones_are_not():
    """Given three open reports, the retold one finds only the report of the same incident."""
    same = _file(THR)
    _file(THR_ELSEWHERE)
    _file(OTP, category="akses_layanan_digital")

    found = similar_open_cases(text=THR_RETOLD, candidates=Case.objects.all(), threshold=STAFF_SIMILAR)

    assert [case.pk for case, _ in found] == [same.pk]
    assert 0 < found[0][1] <= 1


@pytest.mark.django_db
def test_a_few_words_suggest_nothing_yet():
    """While the reporter has typed only a few words, nothing is suggested, even if they match."""
    _file(THR)

    assert similar_open_cases(text="THR belum dibayar", candidates=Case.objects.all(), threshold=0.01) == []


@pytest.mark.django_db
def test_finished_old_excluded_and_wbs_reports_are_never_candidates(staff):
    """Closed, archived and merged reports, reports older than 180 days, the case itself (`exclude`) and WBS
    reports (sealed: never compared) are not offered, whoever asks."""
    with time_machine.travel(NOON - dt.timedelta(days=200), tick=False):
        _file(THR)  # old
    with time_machine.travel(NOON, tick=False):
        closed = advance(_file(THR), "closed", verifier=staff["verifier"], officer=staff["officer_phi"])
        services.case_archive(case=_fresh(_file(THR)), actor=staff["verifier"], reason_code="spam")
        _file(THR, channel="wbs")
        itself = _file(THR)

        found = similar_open_cases(
            text=THR_RETOLD, candidates=Case.objects.all(), exclude=itself, threshold=0.01
        )

    assert found == []
    assert closed.status == "closed"
    assert Case.objects.filter(channel="wbs").exists()


@pytest.mark.django_db
def test_the_public_is_never_offered_a_wbs_rahasia_or_anonymous_report_and_verifiers_see_no_wbs(staff):
    """Of five reports of the same incident, the public may be offered only the ordinary one; a verifier's
    candidates hold the rahasia and anonim ones too, and a WBS-team verifier's still no WBS report."""
    biasa = _file(THR)
    rahasia = _file(THR, confidential=True)
    anonim = _file(THR, anonymous=True)
    _file(THR, channel="wbs")

    public = {
        c.pk for c, _ in similar_open_cases(text=THR_RETOLD, candidates=public_candidates(), threshold=0.01)
    }
    for who in ("verifier", "verifier_wbs"):
        seen = similar_open_cases(
            text=THR_RETOLD, candidates=visible_cases(staff[who]), threshold=0.01, limit=10
        )
        assert {c.pk for c, _ in seen} == {biasa.pk, rahasia.pk, anonim.pk}, who
    assert public == {biasa.pk}


@pytest.mark.django_db
def test_finding_similar_reports_costs_two_queries_however_many_candidates(django_assert_num_queries):
    """One query reads the candidates' words, one fetches the chosen cases: never one per candidate."""
    for _ in range(6):
        _file(THR)
    _file(OTP, category="akses_layanan_digital")

    with django_assert_num_queries(2):
        found = similar_open_cases(text=THR_RETOLD, candidates=Case.objects.all(), limit=3, threshold=0.3)

    assert len(found) == 3


@pytest.mark.django_db
def test_a_verifier_sees_likely_duplicates_with_the_way_each_merge_may_go(staff):
    """On an open case, a verifier sees the case of the same incident, "sangat mirip" or "mirip", and may
    merge it either way while both are at intake; once the other is with a unit, only into it."""
    first = _file(THR)
    second = _file(THR_RETOLD)

    (row,) = likely_duplicates(actor=staff["verifier"], case=_fresh(second))
    assert row.case.pk == first.pk
    assert row.likeness in ("sangat mirip", "mirip")
    assert (row.may_merge_here, row.may_merge_there) == (True, True)

    advance(_fresh(first), "assigned", verifier=staff["verifier"])
    (row,) = likely_duplicates(actor=staff["verifier"], case=_fresh(second))
    assert (row.may_merge_here, row.may_merge_there) == (False, True)
    assert likely_duplicates(actor=staff["verifier_wbs"], case=_fresh(_file(THR, channel="wbs"))) == []


# ---- the merge service -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_merge_archives_the_duplicate_points_it_at_the_kept_case_and_writes_both_timelines(staff):
    """The merged case is archived as a duplicate through the workflow, follows the kept case, and both
    timelines say so: internally on the kept one, in plain words for the merged case's reporter."""
    kept, duplicate = _file(THR), _file(THR_RETOLD)

    merged = case_merge(
        case=_fresh(duplicate), into=_fresh(kept), actor=staff["verifier"], note="Sama persis."
    )

    merged = _fresh(merged)
    assert (merged.status, merged.archive_reason, merged.merged_into_id) == ("archived", "duplicate", kept.pk)
    public_merge = merged.events.get(kind=CaseEvent.Kind.MERGE)
    assert public_merge.visibility == "public"
    assert "sudah ditangani, jadi kami gabungkan" in public_merge.body
    kept_merge = kept.events.get(kind=CaseEvent.Kind.MERGE)
    assert (kept_merge.visibility, kept_merge.data, kept_merge.body) == (
        "internal",
        {"merged": duplicate.tracking_id},
        "Sama persis.",
    )
    archive = merged.events.get(kind=CaseEvent.Kind.TRANSITION, action="archive")
    assert archive.visibility == "internal"
    assert archive.data["merged_into"] == kept.tracking_id
    assert AuditEntry.objects.filter(action="case.merge", object_id=duplicate.tracking_id).exists()


@pytest.mark.django_db
def test_merging_into_a_merged_case_follows_it_to_the_case_that_is_handled(staff):
    """B was merged into A; merging C into B merges it into A. When A is then merged into D, B and C follow
    D directly."""
    a, b, c, d = (_file(THR) for _ in range(4))
    verifier = staff["verifier"]
    case_merge(case=_fresh(b), into=_fresh(a), actor=verifier)

    case_merge(case=_fresh(c), into=_fresh(b), actor=verifier)
    assert _fresh(c).merged_into_id == a.pk

    case_merge(case=_fresh(a), into=_fresh(d), actor=verifier)
    assert {_fresh(x).merged_into_id for x in (a, b, c)} == {d.pk}
    assert case_root(_fresh(b)).pk == d.pk


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "error"),
    [
        ("officer_phi", NotFound),  # does not see a case at intake
        ("auditor", NotFound),  # sees only supervisory cases
        ("leader_itjen", PermissionDenied),  # sees both, may not archive
    ],
)
def test_only_a_verifier_who_sees_both_may_merge(staff, who, error):
    """Merging archives a case: Itjen's intake does it; others are refused (404 for what they cannot see)."""
    kept, duplicate = _file(THR), _file(THR_RETOLD)

    with pytest.raises(error):
        case_merge(case=_fresh(duplicate), into=_fresh(kept), actor=staff[who])
    assert _fresh(duplicate).status == "received"


@pytest.mark.django_db
def test_a_case_already_with_a_unit_cannot_be_merged_away_but_can_be_kept(staff):
    """Only a case still at intake (received, verifying, awaiting info) can be merged into another; a case
    in progress can be the one that is kept."""
    in_progress = advance(_file(THR), "in_progress", verifier=staff["verifier"], officer=staff["officer_phi"])
    fresh = _file(THR_RETOLD)

    with pytest.raises(Conflict):
        case_merge(case=_fresh(in_progress), into=_fresh(fresh), actor=staff["verifier"])
    merged = case_merge(case=_fresh(fresh), into=_fresh(in_progress), actor=staff["verifier"])
    assert merged.merged_into_id == in_progress.pk


@pytest.mark.django_db
def test_a_case_is_not_merged_into_itself_nor_into_a_finished_case(staff):
    closed = advance(_file(THR), "closed", verifier=staff["verifier"], officer=staff["officer_phi"])
    case = _file(THR_RETOLD)

    with pytest.raises(InvalidInput):
        case_merge(case=_fresh(case), into=_fresh(case), actor=staff["verifier"])
    with pytest.raises(Conflict):
        case_merge(case=_fresh(case), into=_fresh(closed), actor=staff["verifier"])


@pytest.mark.django_db
def test_wbs_reports_merge_only_with_wbs_reports_and_only_by_the_wbs_team(staff):
    """A WBS report is never merged with an ordinary one; two WBS reports only by the WBS team (a verifier
    outside it cannot even see them)."""
    wbs_a, wbs_b, ordinary = _file(THR, channel="wbs"), _file(THR, channel="wbs"), _file(THR)

    with pytest.raises(InvalidInput):
        case_merge(case=_fresh(wbs_a), into=_fresh(ordinary), actor=staff["verifier_wbs"])
    with pytest.raises(InvalidInput):
        case_merge(case=_fresh(ordinary), into=_fresh(wbs_a), actor=staff["verifier_wbs"])
    with pytest.raises(NotFound):
        case_merge(case=_fresh(wbs_a), into=_fresh(wbs_b), actor=staff["verifier"])
    merged = case_merge(case=_fresh(wbs_a), into=_fresh(wbs_b), actor=staff["verifier_wbs"])
    assert merged.merged_into_id == wbs_b.pk


# ---- after a merge: replies redirected, every reporter told ---------------------------------------------


@pytest.mark.django_db
def test_a_message_from_the_merged_reporter_lands_on_the_kept_case_for_its_handlers_only(staff):
    """The merged case's reporter writes: the message is on the kept case's timeline as a reporter message
    marked with their tracking id, internal, so the kept case's own reporter never reads it."""
    kept, duplicate = _file(THR), _file(THR_RETOLD)
    case_merge(case=_fresh(duplicate), into=_fresh(kept), actor=staff["verifier"])

    event = services.case_reporter_message(case=_fresh(duplicate), text="Saya juga karyawan bagian gudang.")

    assert event.case_id == kept.pk
    assert (event.kind, event.actor_kind, event.visibility) == ("reporter_message", "reporter", "internal")
    assert event.data == {"from_merged": duplicate.tracking_id}
    assert not _fresh(duplicate).events.filter(kind="reporter_message").exists()


@pytest.mark.django_db
@override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend", SIMADU_MAIL_CONFIGURED=True)
def test_both_reporters_are_told_of_the_merge_and_of_the_kept_cases_reply(
    staff, django_capture_on_commit_callbacks
):
    """The merged case's reporter is told it was merged (not that it was archived); when the kept case gets a
    reply, a response and its closure, its reporter is told of each and the merged reporter of the new stages,
    each with their own tracking id."""
    kept, _ = submit(THR, triage=decision("thr"), email=EMAIL_KEPT)
    duplicate, _ = submit(THR_RETOLD, triage=decision("thr"), email=EMAIL_MERGED)

    with django_capture_on_commit_callbacks(execute=True):
        case_merge(case=_fresh(duplicate), into=_fresh(kept), actor=staff["verifier"])
    assert [m.to for m in mail.outbox] == [[EMAIL_MERGED]]
    assert duplicate.tracking_id in mail.outbox[0].subject
    assert "digabung" in mail.outbox[0].subject
    assert not OutboxMessage.objects.filter(topic="case.archive").exists()

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.case_add_note(
            case=_fresh(kept), actor=staff["verifier"], text="Mohon kirim slip gaji.", public=True
        )
        advance(_fresh(kept), "closed", verifier=staff["verifier"], officer=staff["officer_phi"])

    by_reporter: dict[str, list[str]] = {}
    for message in mail.outbox:
        by_reporter.setdefault(message.to[0], []).append(message.subject)
    topics = {
        email: sorted(OutboxMessage.objects.filter(case=case).values_list("topic", flat=True))
        for email, case in ((EMAIL_KEPT, kept), (EMAIL_MERGED, duplicate))
    }
    for topic in ("case.reply", "case.respond", "case.close"):
        assert topic in topics[EMAIL_KEPT]
    # The merged reporter follows the stage (answered, then finished), not what staff wrote to the other
    # reporter: a reply to them is not news for the follower, and the answer's words are not theirs to read.
    assert topics[EMAIL_MERGED] == [
        "case.followed_update",
        "case.followed_update",
        "case.merged",
        "case.received",
    ]
    followed = [m.body for m in mail.outbox if m.to == [EMAIL_MERGED]]
    assert "Laporan Anda sudah dijawab" in followed[0]
    assert "Penanganan laporan Anda sudah selesai" in followed[1]
    assert not any("keberatan" in body for body in followed)  # they cannot object from a merged case
    assert all(kept.tracking_id in s for s in by_reporter[EMAIL_KEPT])
    assert all(duplicate.tracking_id in s for s in by_reporter[EMAIL_MERGED])
    assert "Mohon kirim slip gaji" not in "".join(m.body for m in mail.outbox)
