"""The one permission policy: who sees which case, whose identity, and that list and detail never disagree.

The matrix is every role of `tests.factories.ROLES` against a set of cases that covers
the channels, units, stages and confidentiality modes; the expected rows below are
the rules of `confidentiality/policy.py` written out as a table a reader can check.
"""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from simadu.accounts.models import Role, User
from simadu.cases import forwarding, services
from simadu.cases.models import Case
from simadu.cases.workflow import ArchiveReason, Status
from simadu.confidentiality.policy import access_case, can, sees_case, visible_cases
from simadu.core.errors import NotFound
from simadu.triage.models import Unit
from tests.factories import ROLES, advance, make_staff, submit

WAGE = "Sudah tiga bulan gaji saya di PT Contoh Makmur Bekasi belum dibayar."
HELPDESK = "Situs SIAPkerja tidak bisa dibuka, muncul error saat login akun saya."
PUNGLI = "Petugas dinas meminta pungutan liar Rp500.000 untuk mengurus surat rekomendasi, tanpa kuitansi."
GRATIFIKASI = (
    "Pejabat eselon di kementerian menerima gratifikasi dari perusahaan penyalur untuk meloloskan izin."
)

CASES = (
    "lapor_received",
    "lapor_assigned_phi",
    "helpdesk_assigned_pusdatin",
    "pungli_received",
    "wbs",
    "anonymous_lapor",
)
NOT_WBS = frozenset(CASES) - {"wbs"}

# role name -> the cases it sees (list and detail alike)
VISIBLE: dict[str, frozenset[str]] = {
    "verifier": NOT_WBS,
    "verifier_wbs": frozenset(CASES),
    "officer_phi": frozenset({"lapor_assigned_phi"}),
    "officer_pusdatin": frozenset({"helpdesk_assigned_pusdatin"}),
    "auditor": frozenset({"pungli_received"}),
    "auditor_wbs": frozenset({"pungli_received", "wbs"}),
    "leader_itjen": NOT_WBS,
    "leader_phi": frozenset({"lapor_assigned_phi"}),
    "admin": frozenset(),
}
# role name -> the cases whose reporter identity it may reveal
IDENTITY: dict[str, frozenset[str]] = {
    "verifier": NOT_WBS,
    "verifier_wbs": frozenset(CASES),
    "officer_phi": frozenset({"lapor_assigned_phi"}),
    "officer_pusdatin": frozenset({"helpdesk_assigned_pusdatin"}),
    "auditor": frozenset({"pungli_received"}),
    "auditor_wbs": frozenset({"pungli_received", "wbs"}),
    "leader_itjen": NOT_WBS - {"anonymous_lapor"},  # anonim: Itjen intake only
    "leader_phi": frozenset({"lapor_assigned_phi"}),
    "admin": frozenset(),
}
REPORTER = {"name": "Siti Rahmawati", "email": "siti.r@contoh.id", "phone": "081234567890"}


@pytest.fixture
def cases(staff: dict[str, User]) -> dict[str, Case]:
    """One case of each kind of CASES, made and moved through the real services."""
    verifier, officer = staff["verifier"], staff["officer_phi"]
    made = {
        "lapor_received": submit(WAGE, **REPORTER)[0],
        "lapor_assigned_phi": advance(submit(WAGE, **REPORTER)[0], "assigned", verifier=verifier),
        "helpdesk_assigned_pusdatin": advance(
            submit(HELPDESK, channel="helpdesk", **REPORTER)[0],
            "assigned",
            verifier=verifier,
            unit="pusdatin",
        ),
        "pungli_received": submit(PUNGLI, channel="lapor", **REPORTER)[0],
        "wbs": submit(GRATIFIKASI, channel="wbs", reported_party="Pejabat eselon III", **REPORTER)[0],
        "anonymous_lapor": submit(WAGE, anonymous=True, email="tanpa.nama@contoh.id")[0],
    }
    assert officer.unit_id == "ditjen_phi_jamsos"
    expected = {
        "lapor_received": ("lapor", "received", None, False, False),
        "lapor_assigned_phi": ("lapor", "assigned", "ditjen_phi_jamsos", False, False),
        "helpdesk_assigned_pusdatin": ("helpdesk", "assigned", "pusdatin", False, False),
        "pungli_received": ("lapor", "received", None, True, False),
        "wbs": ("wbs", "received", None, True, False),  # named, so not anonymous: still sealed
        "anonymous_lapor": ("lapor", "received", None, False, True),
    }
    got = {n: (c.channel, c.status, c.unit_id, c.supervisory, c.anonymous) for n, c in made.items()}
    assert got == expected, "the cases are not the kinds the tables below describe"
    return {name: Case.objects.get(pk=case.pk) for name, case in made.items()}


def test_the_matrix_has_a_row_for_every_role_and_a_column_for_every_case():
    """The expected tables name every role of ROLES and only known cases."""
    assert set(VISIBLE) == set(IDENTITY) == set(ROLES)
    assert all(row <= set(CASES) for row in (*VISIBLE.values(), *IDENTITY.values()))
    assert all(IDENTITY[role] <= VISIBLE[role] for role in ROLES)


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(ROLES))
def test_the_list_and_the_detail_of_cases_never_disagree(role, staff, cases):
    """Given every kind of case, when a role lists its cases and opens each one, the list
    (visible_cases), the in-memory check (sees_case), can("case.view") and access_case give the same
    answer, and it is the row of VISIBLE for that role."""
    user = staff[role]
    listed = {name for name, case in cases.items() if visible_cases(user).filter(pk=case.pk).exists()}
    seen = {name for name, case in cases.items() if sees_case(user, case)}
    allowed = {name for name, case in cases.items() if can(user, "case.view", case)}
    opened = set()
    for name, case in cases.items():
        try:
            access_case(user, case.tracking_id)
        except NotFound:
            continue
        opened.add(name)

    assert listed == seen == allowed == opened == VISIBLE[role]
    assert visible_cases(user).count() == len(VISIBLE[role])


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(ROLES))
def test_wbs_reports_exist_only_for_the_wbs_team(role, staff, cases):
    """Given a WBS report, whoever is not on Itjen's WBS team neither lists nor opens it, nor may read its
    content or identity; the WBS team may."""
    user, wbs = staff[role], cases["wbs"]
    on_team = bool(ROLES[role].get("wbs_team"))

    assert visible_cases(user).filter(channel="wbs").exists() is on_team
    for action in ("case.view", "case.view_content", "case.view_identity", "case.download"):
        assert can(user, action, wbs) is on_team, action


@pytest.mark.django_db
def test_a_unit_officer_sees_a_case_only_once_it_is_assigned_to_their_unit(staff):
    """Given a wage complaint that triage routes to Ditjen PHI-Jamsos, the PHI officer does not see it while
    Itjen verifies it, sees it from assignment until it is closed, and the Pusdatin officer never does."""
    phi, pusdatin = staff["officer_phi"], staff["officer_pusdatin"]
    case, _ = submit(WAGE)
    assert case.triage["unit"] == "ditjen_phi_jamsos"

    def seen_by(user: User) -> tuple[bool, bool]:
        fresh = Case.objects.get(pk=case.pk)
        return visible_cases(user).filter(pk=case.pk).exists(), sees_case(user, fresh)

    timeline = [("received", (False, False))]
    services.case_verify(case=case, actor=staff["verifier"])
    timeline.append(("verifying", seen_by(phi)))
    services.case_request_info(case=case, actor=staff["verifier"], question="Sejak kapan?")
    timeline.append(("awaiting_info", seen_by(phi)))
    services.case_reporter_message(case=case, text="Sejak Januari.")
    services.case_assign(case=case, actor=staff["verifier"], unit=Unit.objects.get(pk="ditjen_phi_jamsos"))
    timeline.append(("assigned", seen_by(phi)))
    services.case_start(case=case, actor=phi)
    timeline.append(("in_progress", seen_by(phi)))
    services.case_respond(case=case, actor=phi, text="Sudah dibayar.")
    timeline.append(("responded", seen_by(phi)))
    services.case_object(case=case, reason="Baru dibayar separuh.")
    timeline.append(("reopened", seen_by(phi)))
    services.case_respond(case=case, actor=phi, text="Sisanya dibayar hari ini.")
    services.case_close(case=case, actor=phi)
    timeline.append(("closed", seen_by(phi)))

    assert timeline == [
        ("received", (False, False)),
        ("verifying", (False, False)),
        ("awaiting_info", (False, False)),
        ("assigned", (True, True)),
        ("in_progress", (True, True)),
        ("responded", (True, True)),
        ("reopened", (True, True)),
        ("closed", (True, True)),
    ]
    assert seen_by(pusdatin) == (False, False)


@pytest.mark.django_db
@pytest.mark.parametrize("status", [Status.FORWARDED, Status.ARCHIVED])
def test_a_case_that_never_reached_a_unit_stays_out_of_every_unit_inbox(status, staff):
    """Given a case forwarded or archived during verification, no unit officer sees it."""
    case, _ = submit(WAGE)
    if status == Status.FORWARDED:
        agency = Unit.objects.get(pk="bpjs_ketenagakerjaan")
        forwarding.case_forward(
            case=case, actor=staff["verifier"], agency=agency, channel="email", reason="Urusan BPJS."
        )
    else:
        services.case_archive(case=case, actor=staff["verifier"], reason_code=ArchiveReason.SPAM)
    case.refresh_from_db()

    for officer in (staff["officer_phi"], staff["officer_pusdatin"]):
        assert not visible_cases(officer).filter(pk=case.pk).exists()
        assert not sees_case(officer, case)


@pytest.mark.django_db
def test_an_administrator_sees_no_case_at_all(staff, cases):
    """Given cases of every kind, the administrator (a superuser) lists none and may do nothing with any."""
    admin = staff["admin"]
    assert admin.is_superuser

    assert Case.objects.count() == len(CASES)
    assert list(visible_cases(admin)) == []
    for case in cases.values():
        for action in (
            "case.view",
            "case.view_identity",
            "case.view_content",
            "case.download",
            "case.verify",
        ):
            assert can(admin, action, case) is False
        with pytest.raises(NotFound):
            access_case(admin, case.tracking_id)


@pytest.mark.django_db
def test_a_deactivated_verifier_sees_nothing(staff, cases):
    """Given a verifier whose account was switched off, nothing is listed or opened for them any more."""
    verifier = staff["verifier"]
    verifier.is_active = False
    verifier.save(update_fields=["is_active"])

    assert list(visible_cases(verifier)) == []
    assert not any(can(verifier, "case.view", case) for case in cases.values())


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(ROLES))
def test_a_reporter_identity_is_revealed_only_to_whom_its_mode_allows(role, staff, cases):
    """Given reports of every mode, a role may reveal the reporter's identity exactly on the row of IDENTITY:
    biasa to whoever handles it, anonim to Itjen's verifiers only, WBS to the WBS team only."""
    user = staff[role]
    revealable = {name for name, case in cases.items() if can(user, "case.view_identity", case)}

    assert revealable == IDENTITY[role]
    assert ("anonymous_lapor" in revealable) is (ROLES[role]["role"] == Role.VERIFIER)
    assert ("wbs" in revealable) is bool(ROLES[role].get("wbs_team"))


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(ROLES))
def test_a_missing_case_and_a_forbidden_case_look_the_same(role, staff, cases):
    """Given a role and every case it may not see, when it asks for one of them and for an id that does
    not exist, both answers are the same NotFound: same class, code, status and message."""
    user = staff[role]

    def refusal(tracking_id: str) -> tuple[type, str, int, str]:
        with pytest.raises(NotFound) as raised:
            access_case(user, tracking_id)
        return type(raised.value), raised.value.code, raised.value.status, str(raised.value.message)

    missing = refusal("SMD-0000-0000")
    forbidden = [name for name in CASES if name not in VISIBLE[role]]
    for name in forbidden:
        assert refusal(cases[name].tracking_id) == missing, name
    for tracking_id in ("", "smd-0000-0000", cases["lapor_received"].tracking_id.lower()):
        assert refusal(tracking_id) == missing


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "unit"),
    [
        (Role.VERIFIER, "ditjen_phi_jamsos"),
        (Role.LEADERSHIP, "pusdatin"),
        (Role.VERIFIER, None),
        (Role.ADMIN, None),
    ],
)
def test_the_database_refuses_a_wbs_team_member_outside_itjen(role, unit):
    """Given a staff member of another unit (or of none), when they are put on the WBS team, the database
    itself refuses: no form or admin slip can open WBS to them."""
    with pytest.raises(IntegrityError), transaction.atomic():
        make_staff("luar", role=role, unit=unit, wbs_team=True)

    insider = make_staff("orang_dalam", role=role, unit=unit)
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.filter(pk=insider.pk).update(wbs_team=True)


@pytest.mark.django_db
def test_the_database_accepts_an_itjen_wbs_team_member():
    """An Itjen verifier can be on the WBS team: the constraint refuses only outsiders."""
    member = make_staff("tim_wbs", role=Role.VERIFIER, unit="itjen", wbs_team=True)
    assert User.objects.get(pk=member.pk).wbs_team is True


@pytest.mark.django_db
def test_the_database_refuses_a_unit_officer_without_a_unit():
    """Given a unit officer with no unit, the database refuses them (they would see no case or, worse, any)."""
    with pytest.raises(IntegrityError), transaction.atomic():
        make_staff("tanpa_unit", role=Role.UNIT_OFFICER, unit=None)

    officer = make_staff("petugas", role=Role.UNIT_OFFICER, unit="pusdatin")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.filter(pk=officer.pk).update(unit=None)
