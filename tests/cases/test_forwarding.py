"""Dialihkan: a case handed to an outside agency, what the reporter reads about it, and its follow-up.

Every case goes through the real services; what is checked is what a reporter or a verifier would
notice: the words on the reporter's page, the follow-up date in working days, the recorded outcome.
"""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from simadu.audit.models import AuditEntry
from simadu.cases import forwarding
from simadu.cases.models import CaseEvent, ForwardChannel, Forwarding
from simadu.cases.workflow import Status
from simadu.core.clock import WIB
from simadu.core.errors import Conflict, InvalidInput, PermissionDenied
from simadu.triage import taxonomy
from simadu.triage.models import Unit
from simadu.triage.services import taxonomy_ensure_defaults
from tests.cases.states import case_in
from tests.factories import submit

JHT = "Klaim JHT saya di kantor BPJS sudah dua bulan belum cair, tiap ditanya disuruh menunggu."
REASON = "Pencairan JHT diurus langsung oleh BPJS Ketenagakerjaan, bukan oleh Kementerian."
REFERENCE = "BPJSTK/ADU/2026/001234"
FRIDAY_13_MARCH = dt.datetime(2026, 3, 13, 10, 0, tzinfo=WIB)


def _bpjs() -> Unit:
    taxonomy_ensure_defaults()  # the maintained list: BPJS Ketenagakerjaan's public contact
    return Unit.objects.get(pk="bpjs_ketenagakerjaan")


def _reporter_page(client, case, secret: str) -> str:
    assert client.post("/lacak", {"tracking_id": case.tracking_id, "secret": secret}).status_code == 302
    page = client.get(f"/lacak/{case.tracking_id}")
    assert page.status_code == 200
    return page.content.decode()


@pytest.mark.django_db
def test_the_reporter_reads_where_the_case_went_why_its_number_there_and_how_to_reach_the_agency(
    staff, client
):
    """Given a JHT claim forwarded to BPJS Ketenagakerjaan with its ticket number, the reporter's page names
    the agency, the reason in the verifier's words, the number to quote, and the agency's phone line."""
    case, secret = submit(JHT)
    agency = _bpjs()

    forwarding.case_forward(
        case=case, actor=staff["verifier"], agency=agency, channel="", reason=REASON, reference=REFERENCE
    )

    page = _reporter_page(client, case, secret)
    assert "Dialihkan ke: BPJS Ketenagakerjaan" in page
    assert "Laporan Anda kami alihkan ke BPJS Ketenagakerjaan" in page
    assert REASON in page
    assert REFERENCE in page
    assert "Layanan masyarakat 175" in page
    assert "Nomor laporan Anda di instansi tersebut" in page


@pytest.mark.django_db
def test_forwarding_keeps_a_record_with_the_channel_and_asks_the_agency_after_14_working_days(staff):
    """Given a case forwarded on Friday 13 March 2026 (Nyepi, Lebaran and cuti bersama fall on 18-24 March, Good
    Friday on 3 April), the follow-up is due at the end of Friday 10 April WIB: 14 working days, never earlier
    because of a holiday. With no channel chosen, the agency's usual channel is used."""
    agency = _bpjs()
    with time_machine.travel(FRIDAY_13_MARCH, tick=False):
        case, _ = submit(JHT)
        forwarding.case_forward(case=case, actor=staff["verifier"], agency=agency, channel="", reason=REASON)

    record = Forwarding.objects.get(case=case)
    assert record.follow_up_due_at == dt.datetime(2026, 4, 10, 23, 59, 59, tzinfo=WIB)
    assert record.follow_up_due_at > dt.datetime(
        2026, 4, 2, 23, 59, 59, tzinfo=WIB
    )  # 14 weekdays, no holidays
    assert (record.agency_id, record.channel, record.reason, record.forwarded_by) == (
        "bpjs_ketenagakerjaan",
        ForwardChannel.SP4N_LAPOR,
        REASON,
        staff["verifier"],
    )
    assert record.forwarded_at == FRIDAY_13_MARCH
    assert (record.reminded_at, record.followed_up_at) == (None, None)


@pytest.mark.django_db
def test_a_chosen_channel_and_the_reference_are_kept_on_the_record_and_in_the_audit_log(staff):
    case = case_in(Status.VERIFYING, staff)

    forwarding.case_forward(
        case=case,
        actor=staff["verifier"],
        agency=_bpjs(),
        channel=ForwardChannel.EMAIL,
        reason=REASON,
        reference=f"  {REFERENCE}  ",
    )

    record = Forwarding.objects.get(case=case)
    assert (record.channel, record.reference) == ("email", REFERENCE)
    entry = AuditEntry.objects.filter(action="case.forward", object_id=case.tracking_id).get()
    assert (entry.data["channel"], entry.data["reference"]) == ("email", REFERENCE)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("agency", "channel", "field"),
    [
        ("itjen", "", "agency"),  # inside the ministry: assign, not forward
        ("bpjs_ketenagakerjaan", "fax", "channel"),
    ],
)
def test_forwarding_is_refused_to_a_ministry_unit_or_by_an_unknown_channel(agency, channel, field, staff):
    case = case_in(Status.VERIFYING, staff)

    with pytest.raises(InvalidInput) as refused:
        forwarding.case_forward(
            case=case,
            actor=staff["verifier"],
            agency=Unit.objects.get(pk=agency),
            channel=channel,
            reason=REASON,
        )

    assert refused.value.field == field
    case.refresh_from_db()
    assert case.status == Status.VERIFYING
    assert not Forwarding.objects.filter(case=case).exists()


@pytest.mark.django_db
def test_an_agency_taken_off_the_list_cannot_be_chosen(staff):
    case = case_in(Status.VERIFYING, staff)
    Unit.objects.filter(pk="kp2mi").update(active=False)

    with pytest.raises(InvalidInput):
        forwarding.case_forward(
            case=case, actor=staff["verifier"], agency=Unit.objects.get(pk="kp2mi"), channel="", reason=REASON
        )


@pytest.mark.django_db
def test_what_the_agency_did_is_recorded_and_the_reporter_reads_it_when_told(staff, client):
    """Given a forwarded case, when the verifier records BPJS's answer and chooses to tell the reporter, the
    record holds it, the staff timeline has it, and the reporter reads it on their page; an answer recorded
    without telling stays internal."""
    case, secret = submit(JHT)
    forwarding.case_forward(case=case, actor=staff["verifier"], agency=_bpjs(), channel="", reason=REASON)

    forwarding.forwarding_record_outcome(
        case=case, actor=staff["verifier"], outcome="Masih diverifikasi kantor cabang.", tell_reporter=False
    )
    assert "Masih diverifikasi kantor cabang." not in _reporter_page(client, case, secret)

    done = "JHT sudah dicairkan ke rekening pelapor pada 2 April 2026."
    record = forwarding.forwarding_record_outcome(
        case=case, actor=staff["verifier"], outcome=done, tell_reporter=True
    )

    assert record.agency_outcome == done
    assert record.followed_up_at is not None
    page = _reporter_page(client, case, secret)
    assert "Kabar dari BPJS Ketenagakerjaan" in page
    assert done in page
    events = case.events.filter(kind=CaseEvent.Kind.FORWARD_FOLLOW_UP)
    assert [e.visibility for e in events] == ["internal", "internal", "public"]
    assert AuditEntry.objects.filter(action="case.forward_outcome", object_id=case.tracking_id).count() == 2


@pytest.mark.django_db
def test_an_outcome_needs_words_a_forwarded_case_and_someone_from_itjen_intake(staff):
    forwarded = case_in(Status.FORWARDED, staff)
    not_forwarded = case_in(Status.VERIFYING, staff)

    with pytest.raises(InvalidInput):
        forwarding.forwarding_record_outcome(
            case=forwarded, actor=staff["verifier"], outcome="  ", tell_reporter=True
        )
    with pytest.raises(Conflict):
        forwarding.forwarding_record_outcome(
            case=not_forwarded, actor=staff["verifier"], outcome="Sudah.", tell_reporter=False
        )
    for who in ("auditor", "officer_phi", "leader_phi"):
        with pytest.raises(PermissionDenied):
            forwarding.forwarding_record_outcome(
                case=forwarded, actor=staff[who], outcome="Sudah.", tell_reporter=False
            )
    forwarding.forwarding_record_outcome(
        case=forwarded, actor=staff["leader_itjen"], outcome="Sudah ditangani.", tell_reporter=False
    )


@pytest.mark.django_db
def test_a_wbs_case_forwarded_keeps_its_reason_sealed(staff):
    """The words the reporter reads about a forwarded WBS case are sealed at rest like every WBS event."""
    case, _ = submit("Pejabat menerima gratifikasi dari perusahaan.", channel="wbs")
    forwarding.case_forward(
        case=case,
        actor=staff["verifier_wbs"],
        agency=_bpjs(),
        channel="letter",
        reason="Bukan pegawai kementerian.",
    )

    event = case.events.get(kind=CaseEvent.Kind.TRANSITION, action="forward")
    assert event.body == ""
    assert event.sealed_body


@pytest.mark.django_db
def test_the_agency_list_gets_known_contacts_only_where_an_administrator_left_them_blank():
    """taxonomy_ensure_defaults fills BPJS's public line and each agency's usual channel where blank, and never
    overwrites what an administrator wrote; agencies without a known public contact stay blank."""
    Unit.objects.filter(pk="pemda").update(contact="Disnaker setempat", forward_channel="letter")
    Unit.objects.filter(pk="bpjs_ketenagakerjaan").update(contact="", forward_channel="")

    taxonomy_ensure_defaults()

    units = {u.pk: u for u in Unit.objects.filter(internal=False)}
    assert units["pemda"].contact == "Disnaker setempat"
    assert units["pemda"].forward_channel == "letter"
    assert units["bpjs_ketenagakerjaan"].contact == taxonomy.AGENCY_DEFAULTS["bpjs_ketenagakerjaan"][0]
    assert units["bpjs_ketenagakerjaan"].forward_channel == "sp4n_lapor"
    assert units["kp2mi"].contact == ""
    assert {u.forward_channel for u in units.values()} <= set(ForwardChannel.values)
    assert set(taxonomy.AGENCY_DEFAULTS) == set(units)
