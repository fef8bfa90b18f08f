"""The generated permission matrix: every route of SIMADU, called by every kind of actor, on every kind of case.

`test_policy.py` pins the policy itself as a table. This module holds the pages and the API to it:

- every URL pattern of the project (read from the resolver) and every operation of the API (read from its
  OpenAPI document) must have a row in `ROUTES` / `OPERATIONS` below, so a new view cannot escape the
  matrix: adding one without saying how to call it fails `test_every_route_of_the_project_is_in_the_matrix`;
- a case route answers success exactly when `policy.sees_case` / `policy.can` says so; an actor who may not
  see the case gets the very answer an unknown tracking id gets (same status, same body, same redirect), so
  nothing tells a forbidden case from a missing one;
- the inbox and the API list hold a case exactly when its detail is reachable;
- the actors are an anonymous visitor, every role of `tests.factories.ROLES` (verifiers with and without the
  WBS team, officers of unit A and unit B, auditors, leadership of Itjen and of a unit, the administrator),
  Itjen leadership on the WBS team, a deactivated verifier holding an old API token, and reporters holding
  the grant of their own report; the reporter's doors ignore staff sessions and the staff doors ignore
  grants, so each door is tried by the actors of STAFF_DOOR_ACTORS / REPORTER_DOOR_ACTORS;
- each case carries planted strings (its reporter's name, e-mail and phone; its title, story, reported
  party, place, file name, internal note and public reply), and no response body of any route holds one
  unless the policy lets that actor read it.

Expected answers are computed from the policy, not copied: the policy's own table lives in test_policy.py.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.contrib import admin
from django.db import transaction
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver
from PIL import Image

from simadu.accounts.models import Role, User
from simadu.accounts.services import api_token_create
from simadu.cases import services
from simadu.cases.models import Attachment, Case, CaseEvent
from simadu.cases.workflow import transition
from simadu.confidentiality import policy
from simadu.confidentiality.attachments import CheckedFile
from simadu.core import ids
from simadu.triage.models import Unit
from simadu.workspace.forms import ACTION_FORMS
from tests.factories import ROLES, decision, enrol_two_factor, itjen_examined, login_staff, make_staff, submit

# ---- the world: one case of each kind, each with strings planted nowhere else ---------------------------

KINDS = (
    "biasa",  # named public complaint, waiting for Itjen's intake
    "anonim",  # anonymous with contact details, being verified
    "rahasia",  # confidential, at unit A, in progress
    "wbs",  # whistleblowing, named, sealed
    "unit_a",  # named, answered by unit A
    "unit_b",  # helpdesk, at unit B
    "supervisory",  # supervisory (pungli), waiting for intake
    "anonim_unit_a",  # anonymous, at unit A: the unit sees the case but not the reporter
    "supervisory_itjen",  # supervisory, handled by Itjen itself
)
UNIT_A, UNIT_B = "ditjen_phi_jamsos", "pusdatin"
EXTRA_STAFF = {
    "leader_itjen_wbs": {"role": Role.LEADERSHIP, "unit": "itjen", "wbs_team": True},
    "verifier_inactive": {"role": Role.VERIFIER, "unit": "itjen"},
}
AGENCY = "bpjs_ketenagakerjaan"


@dataclass(frozen=True)
class Planted:
    """The strings of one case, by who may read them."""

    identity: tuple[str, ...]
    content: tuple[str, ...]  # title, story, reported party, place, file name, the reporter's message
    internal: tuple[str, ...]  # staff's internal note
    public: tuple[str, ...]  # staff's reply to the reporter


def _planted(index: int, kind: str) -> Planted:
    tag = f"PLT{index:02d}"
    named = not kind.startswith("anonim")
    return Planted(
        identity=(
            *((f"{tag}-Nama-Pelapor",) if named else ()),
            f"{tag.lower()}.surel@contoh.id",
            f"08127{index:02d}3{index:02d}9",
        ),
        content=(
            f"{tag}-JUDUL",
            f"{tag}-KRONOLOGI",
            f"{tag}-TERLAPOR",
            f"{tag}-LOKASI",
            f"{tag.lower()}-bukti.png",
            f"{tag}-PESAN-PELAPOR",
        ),
        internal=(f"{tag}-CATATAN-INTERNAL",),
        public=(f"{tag}-BALASAN-PETUGAS",),
    )


PLANTED = {kind: _planted(i + 1, kind) for i, kind in enumerate(KINDS)}


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


@dataclass
class World:
    cases: dict[str, Case]
    secrets: dict[str, str]
    attachments: dict[str, int]
    unknown: str  # a well-formed tracking id that belongs to no case
    users: dict[str, User]
    keys: dict[str, str]  # staff API tokens by user name


def _file(kind: str, category: str, **fields: Any) -> tuple[Case, str]:
    p = PLANTED[kind]
    fields_of_identity = ("name", "email", "phone") if len(p.identity) == 3 else ("email", "phone")
    identity = dict(zip(fields_of_identity, p.identity, strict=True))  # anonymous: contact only
    overrides = {"channel": fields["channel"]} if "channel" in fields else {}
    return submit(
        f"Kronologi {p.content[1]}: gaji dan hak saya tidak dipenuhi sejak awal tahun.",
        triage=decision(category, **overrides),
        title=p.content[0],
        reported_party=p.content[2],
        location_detail=p.content[3],
        **identity,
        **fields,
    )


def _build_world() -> World:
    """Every kind of case, moved to its stage through the real services, with a message, a file, a note;
    every member of staff with a second factor and an API token."""
    staff = {name: make_staff(name, **spec) for name, spec in {**ROLES, **EXTRA_STAFF}.items()}
    keys = {}
    for name, user in staff.items():
        enrol_two_factor(user)
        keys[name] = api_token_create(user=user, name="matriks")[1]
    staff["verifier_inactive"].is_active = False  # switched off after making a token
    staff["verifier_inactive"].save(update_fields=["is_active"])
    verifier, verifier_wbs = staff["verifier"], staff["verifier_wbs"]
    officer_a, officer_b, auditor = staff["officer_phi"], staff["officer_pusdatin"], staff["auditor"]
    unit_a, unit_b, itjen = (Unit.objects.get(pk=pk) for pk in (UNIT_A, UNIT_B, "itjen"))
    made = {
        "biasa": _file("biasa", "upah"),
        "anonim": _file("anonim", "upah", anonymous=True),
        "rahasia": _file("rahasia", "thr", confidential=True),
        "wbs": _file("wbs", "gratifikasi", channel="wbs"),
        "unit_a": _file("unit_a", "upah"),
        "unit_b": _file("unit_b", "akses_layanan_digital", channel="helpdesk"),
        "supervisory": _file("supervisory", "pungli"),
        "anonim_unit_a": _file("anonim_unit_a", "phk", anonymous=True),
        "supervisory_itjen": _file("supervisory_itjen", "kkn"),
    }
    cases = {kind: case for kind, (case, _) in made.items()}
    png = _png()
    attachments = {}
    for kind, case in cases.items():
        p = PLANTED[kind]
        event = services.case_reporter_message(
            case=case, text=p.content[5], files=[CheckedFile(p.content[4], "image/png", png)]
        )
        attachments[kind] = Attachment.objects.get(event=event).pk
        author = verifier_wbs if kind == "wbs" else verifier
        services.case_add_note(case=case, actor=author, text=p.internal[0])

    def now(kind: str) -> Case:
        return Case.objects.select_related("category", "unit").get(pk=cases[kind].pk)

    services.case_verify(case=now("anonim"), actor=verifier)
    # A corrected report type: the rahasia case also leaves a triage example behind (admin must not read it).
    services.case_assign(case=now("rahasia"), actor=verifier, unit=unit_a, report_type="aspirasi")
    services.case_start(case=now("rahasia"), actor=officer_a)
    services.case_assign(case=now("unit_a"), actor=verifier, unit=unit_a)
    services.case_respond(case=now("unit_a"), actor=officer_a, text=PLANTED["unit_a"].public[0])
    services.case_assign(case=now("unit_b"), actor=verifier, unit=unit_b)
    services.case_add_note(case=now("unit_b"), actor=officer_b, text=PLANTED["unit_b"].public[0], public=True)
    services.case_assign(case=now("anonim_unit_a"), actor=verifier, unit=unit_a)
    services.case_assign(case=now("supervisory_itjen"), actor=verifier, unit=itjen)
    services.case_start(case=now("supervisory_itjen"), actor=auditor)
    # Itjen's examination done and its closure approved, so the auditor may send the final answer.
    itjen_examined(now("supervisory_itjen"), auditor=auditor, leader=staff["leader_itjen"])
    services.case_add_note(case=now("wbs"), actor=verifier_wbs, text=PLANTED["wbs"].public[0], public=True)
    services.case_add_note(case=now("biasa"), actor=verifier, text=PLANTED["biasa"].public[0], public=True)

    unknown = ids.new_tracking_id()
    while Case.objects.filter(tracking_id=unknown).exists():
        unknown = ids.new_tracking_id()
    fresh = {kind: Case.objects.select_related("category", "unit").get(pk=c.pk) for kind, c in cases.items()}
    world = World(fresh, {kind: s for kind, (_, s) in made.items()}, attachments, unknown, staff, keys)
    expected = {
        "biasa": ("lapor", "received", None, False, False, False),
        "anonim": ("lapor", "verifying", None, False, True, False),
        "rahasia": ("lapor", "in_progress", UNIT_A, False, False, True),
        "wbs": ("wbs", "received", None, True, False, True),
        "unit_a": ("lapor", "responded", UNIT_A, False, False, False),
        "unit_b": ("helpdesk", "assigned", UNIT_B, False, False, False),
        "supervisory": ("lapor", "received", None, True, False, False),
        "anonim_unit_a": ("lapor", "assigned", UNIT_A, False, True, False),
        "supervisory_itjen": ("lapor", "in_progress", "itjen", True, False, False),
    }
    got = {
        k: (c.channel, c.status, c.unit_id, c.supervisory, c.anonymous, c.confidential)
        for k, c in fresh.items()
    }
    assert got == expected, "the world is not the kinds of case this module describes"
    return world


# ---- the actors -------------------------------------------------------------------------------------------

REPORTERS = {"reporter_wbs": "wbs", "reporter_unit_a": "unit_a"}
ACTORS = ("visitor", *ROLES, *EXTRA_STAFF, *REPORTERS)
# The reporter's doors ignore staff sessions, and staff doors ignore grant cookies; each is tried by the
# actors below (not every member of staff), which keeps the matrix fast without trusting either.
REPORTER_DOOR_ACTORS = frozenset({"visitor", "verifier_wbs", "admin", *REPORTERS})
STAFF_DOOR_ACTORS = frozenset(ACTORS) - {"reporter_unit_a"}
WRONG_SECRET = "AAAAA-BBBBB-CCCCC-DDDDD"


@dataclass
class Actor:
    name: str
    client: Client
    user: User | None = None  # staff
    bearer: dict[str, str] = field(default_factory=dict)
    own: str | None = None  # reporters: the kind of case they filed
    secret: str = WRONG_SECRET

    @property
    def signed_in(self) -> bool:
        return self.user is not None and self.user.is_active

    def sees(self, case: Case) -> bool:
        return self.user is not None and policy.sees_case(self.user, case)

    def can(self, action: str, case: Case) -> bool:
        return self.user is not None and policy.can(self.user, action, case)


def _actor(name: str, world: World) -> Actor:
    """A client as this actor: staff signed in past both steps (password and code), a reporter holding the
    grant of their own report (opened with its secret at /lacak), a visitor with nothing."""
    client = Client()
    if name == "visitor":
        return Actor(name, client)
    if name in REPORTERS:
        kind = REPORTERS[name]
        case, secret = world.cases[kind], world.secrets[kind]
        granted = client.post("/lacak", {"tracking_id": case.tracking_id, "secret": secret})
        assert granted.status_code == 302, "the reporter could not open their own case"
        return Actor(name, client, own=kind, secret=secret)
    user = world.users[name]
    if user.is_active:
        login_staff(client, user)
    return Actor(name, client, user=user, bearer={"HTTP_AUTHORIZATION": f"Bearer {world.keys[name]}"})


def _readable(actor: Actor, world: World) -> set[str]:
    """Every planted string this actor may read somewhere, by the policy."""
    allowed: set[str] = set()
    for kind, case in world.cases.items():
        p = PLANTED[kind]
        if actor.own == kind:
            allowed |= {*p.identity, *p.content, *p.public}  # the reporter's own report: not staff's notes
        if actor.sees(case):
            allowed |= {*p.content, *p.internal, *p.public}
        if actor.can("case.view_identity", case):
            allowed |= set(p.identity)
    return allowed


ALL_PLANTED = {s for p in PLANTED.values() for s in (*p.identity, *p.content, *p.internal, *p.public)}


def _leaks(response: HttpResponse, allowed: set[str]) -> set[str]:
    body = b"".join(response.streaming_content) if response.streaming else response.content  # type: ignore[attr-defined]
    text = body.decode("utf-8", "replace").lower()
    return {s for s in ALL_PLANTED - allowed if s.lower() in text}


_VOLATILE = re.compile(
    r'(name="csrfmiddlewaretoken" value=")[^"]*|(nonce=")[^"]*|("csrfToken": ")[^"]*|(X-CSRFToken": ")[^"]*'
)


def _normal(response: HttpResponse, tracking_id: str, world: World) -> tuple[int, str, str]:
    """Status, redirect target and body with the tracking id and per-response tokens blanked."""
    body = response.content.decode("utf-8", "replace") if not response.streaming else ""
    body = _VOLATILE.sub(lambda m: next(g for g in m.groups() if g is not None), body)
    location = response.get("Location", "")
    for text in (tracking_id, tracking_id.lower()):
        body, location = body.replace(text, "<ID>"), location.replace(text, "<ID>")
    body, location = (re.sub(r"/lampiran/\d+", "/lampiran/<PK>", text) for text in (body, location))
    return response.status_code, location, body


@contextmanager
def _undone() -> Iterator[None]:
    """Run one write and roll it back, so every probe meets the same world."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


# ---- the routes: how to call each, and what the policy says it must answer ------------------------------

Call = Callable[[Actor, str, World, str], HttpResponse]  # actor, tracking id, world, kind of case


def _ws_case(a: Actor, tid: str, w: World, kind: str) -> HttpResponse:
    return a.client.get(f"/staf/kasus/{tid}")


REASON = "Memeriksa matriks izin akses dalam pengujian otomatis."  # break-glass asks why


def _ws_identity(a: Actor, tid: str, w: World, kind: str) -> HttpResponse:
    with _undone():
        return a.client.post(f"/staf/kasus/{tid}/identitas", {"reason": REASON}, HTTP_HX_REQUEST="true")


def _ws_original(a: Actor, tid: str, w: World, kind: str) -> HttpResponse:
    pk = w.attachments.get(kind, w.attachments["biasa"])
    with _undone():
        return a.client.post(f"/staf/kasus/{tid}/lampiran/{pk}/asli", {"reason": REASON})


ACTION_DATA: dict[str, Callable[[Case | None], dict[str, str]]] = {
    "verify": lambda c: {},
    "request_info": lambda c: {"question": "Sejak kapan?"},
    "assign": lambda c: {
        "unit": UNIT_A,
        "category": c.category_id if c else "upah",
        "report_type": c.report_type if c else "pengaduan",
        "note": "",
    },
    "start": lambda c: {},
    "respond": lambda c: {"text": "Sudah ditindaklanjuti."},
    "close": lambda c: {"note": ""},
    "forward": lambda c: {"agency": AGENCY, "reason": "Urusan BPJS.", "reference": ""},
    "archive": lambda c: {"reason_code": "spam", "note": ""},
}


def _ws_action(action: str) -> Call:
    def call(a: Actor, tid: str, w: World, kind: str) -> HttpResponse:
        with _undone():
            return a.client.post(f"/staf/kasus/{tid}/aksi/{action}", ACTION_DATA[action](w.cases.get(kind)))

    return call


def _ws_note(a: Actor, tid: str, w: World, kind: str) -> HttpResponse:
    with _undone():
        return a.client.post(f"/staf/kasus/{tid}/pesan", {"text": "Catatan uji.", "visibility": "internal"})


def _ws_post(suffix: str, data: dict[str, Any]) -> Call:
    """A staff POST about one case (Itjen's panel, the forwarding follow-up, the handler), rolled back."""

    def call(a: Actor, tid: str, w: World, kind: str) -> HttpResponse:
        with _undone():
            return a.client.post(f"/staf/kasus/{tid}/{suffix}", data)

    call.__qualname__ = f"_ws_post[{suffix}]"
    return call


def _ws_note_preview(a: Actor, tid: str, w: World, kind: str) -> HttpResponse:
    return a.client.post(f"/staf/kasus/{tid}/pesan/pratinjau", {"text": "Pratinjau.", "visibility": "public"})


def _ws_notification_resend(a: Actor, tid: str, w: World, kind: str) -> HttpResponse:
    from simadu.outbox.models import OutboxMessage

    # One message id for every probe (a redirect names it): of the first case's receipt, else none.
    pk = (
        OutboxMessage.objects.filter(case__isnull=False).order_by("pk").values_list("pk", flat=True).first()
        or 0
    )
    with _undone():
        return a.client.post(f"/staf/kasus/{tid}/pemberitahuan/{pk}/kirim-ulang")


def _ws_extension_request(a: Actor, tid: str, w: World, kind: str) -> HttpResponse:
    from simadu.deadlines.models import CaseClock

    pk = CaseClock.objects.filter(case__tracking_id=tid, stopped_at__isnull=True).values_list("pk", flat=True)
    data = {
        "clock": str(pk.first() or 0),
        "days": "1",
        "reason": "Menunggu dokumen dari perusahaan terlapor.",
    }
    with _undone():
        return a.client.post(f"/staf/kasus/{tid}/tenggat/perpanjangan", data)


def _ws_extension_decide(a: Actor, tid: str, w: World, kind: str) -> HttpResponse:
    from simadu.deadlines.models import ClockExtension

    pk = ClockExtension.objects.filter(clock__case__tracking_id=tid).values_list("pk", flat=True).first() or 0
    with _undone():
        return a.client.post(
            f"/staf/kasus/{tid}/tenggat/putusan", {"extension": str(pk), "decision": "approve", "note": ""}
        )


def _ws_merge(a: Actor, tid: str, w: World, kind: str) -> HttpResponse:
    """Merge this case into another (the supervisory one; for that one, the biasa one)."""
    other = w.cases["biasa" if kind == "supervisory" else "supervisory"].tracking_id
    with _undone():
        return a.client.post(f"/staf/kasus/{tid}/gabung", {"other": other, "keep": "other", "note": ""})


def _ws_attachment(a: Actor, tid: str, w: World, kind: str) -> HttpResponse:
    return a.client.get(f"/staf/kasus/{tid}/lampiran/{w.attachments.get(kind, w.attachments['biasa'])}")


def _api_case(include_identity: bool) -> Call:
    def call(a: Actor, tid: str, w: World, kind: str) -> HttpResponse:
        query = "?include_identity=true" if include_identity else ""
        return a.client.get(f"/api/v1/staff/cases/{tid}{query}", **a.bearer)

    return call


API_ACTION_PATHS = {
    "verify": ("verify", lambda c: {}),
    "request_info": ("request-info", lambda c: {"question": "Sejak kapan?"}),
    "assign": ("assign", lambda c: {"unit": UNIT_A}),
    "start": ("start", lambda c: {}),
    "respond": ("respond", lambda c: {"text": "Sudah ditindaklanjuti."}),
    "close": ("close", lambda c: {}),
    "forward": ("forward", lambda c: {"agency": AGENCY, "reason": "Urusan BPJS."}),
    "archive": ("archive", lambda c: {"reason_code": "spam"}),
}


def _api_action(action: str) -> Call:
    path, body = API_ACTION_PATHS[action]

    def call(a: Actor, tid: str, w: World, kind: str) -> HttpResponse:
        with _undone():
            return a.client.post(
                f"/api/v1/staff/cases/{tid}/{path}",
                json.dumps(body(w.cases.get(kind))),
                content_type="application/json",
                **a.bearer,
            )

    return call


def _api_identity(a: Actor, tid: str, w: World, kind: str) -> HttpResponse:
    with _undone():
        return a.client.post(
            f"/api/v1/staff/cases/{tid}/identity",
            json.dumps({"reason": REASON}),
            content_type="application/json",
            **a.bearer,
        )


def _api_note(a: Actor, tid: str, w: World, kind: str) -> HttpResponse:
    with _undone():
        return a.client.post(
            f"/api/v1/staff/cases/{tid}/notes",
            json.dumps({"text": "Catatan uji.", "public": False}),
            content_type="application/json",
            **a.bearer,
        )


def _track_case(a: Actor, tid: str, w: World, kind: str) -> HttpResponse:
    return a.client.get(f"/lacak/{tid}")


def _track_post(suffix: str, data: dict[str, str]) -> Call:
    def call(a: Actor, tid: str, w: World, kind: str) -> HttpResponse:
        with _undone():
            return a.client.post(f"/lacak/{tid}/{suffix}", data)

    return call


def _track_data(a: Actor, tid: str, w: World, kind: str) -> HttpResponse:
    return a.client.get(f"/lacak/{tid}/data-saya")


def _api_data(a: Actor, tid: str, w: World, kind: str) -> HttpResponse:
    return a.client.get(f"/api/v1/reports/{tid}/data", HTTP_X_REPORT_SECRET=a.secret)


def _track_lookup(a: Actor, tid: str, w: World, kind: str) -> HttpResponse:
    return Client().post("/lacak", {"tracking_id": tid, "secret": a.secret})  # a fresh client: no grant


def _receipt(a: Actor, tid: str, w: World, kind: str) -> HttpResponse:
    return a.client.post("/tanda-terima", {"tracking_id": tid, "secret": a.secret})


def _api_track(a: Actor, tid: str, w: World, kind: str) -> HttpResponse:
    return a.client.get(f"/api/v1/reports/{tid}", HTTP_X_REPORT_SECRET=a.secret)


def _api_message(a: Actor, tid: str, w: World, kind: str) -> HttpResponse:
    with _undone():
        return a.client.post(
            f"/api/v1/reports/{tid}/messages",
            json.dumps({"text": "Tambahan keterangan."}),
            content_type="application/json",
            HTTP_X_REPORT_SECRET=a.secret,
        )


def _api_attachments(a: Actor, tid: str, w: World, kind: str) -> HttpResponse:
    upload = io.BytesIO(_png())
    upload.name = "tambahan.png"
    with _undone():
        return a.client.post(
            f"/api/v1/reports/{tid}/attachments", {"files": [upload]}, HTTP_X_REPORT_SECRET=a.secret
        )


@dataclass(frozen=True)
class CaseRoute:
    """A route about one case: `door` says how a caller is let in; every policy action of `grants` must allow
    it, and then it answers `ok`; someone who sees the case but lacks a grant gets `denied`."""

    calls: tuple[Call, ...]
    door: str  # "staff" (session), "api" (bearer token), "reporter" (grant cookie), "secret" (tracking id + secret)
    grants: tuple[str, ...] = ("case.view",)
    ok: int = 200
    denied: int = 403
    transition: str = (
        ""  # API actions: the workflow step (a wrong stage answers 409 before the policy is asked)
    )


WORKSPACE_ACTIONS = {
    f"workspace:action[{a}]": CaseRoute((_ws_action(a),), "staff", (f"case.{a}",), ok=302)
    for a in ACTION_FORMS
}

# Every named URL pattern of the project. A case route is a CaseRoute; everything else says why it holds no case.
ROUTES: dict[str, CaseRoute | str] = {
    "workspace:case": CaseRoute((_ws_case,), "staff"),
    # An identity the actor may not open is "not there" for them: 404, as for a missing case.
    "workspace:identity": CaseRoute((_ws_identity,), "staff", ("case.view_identity",), denied=404),
    "workspace:action": "one CaseRoute per workflow action: WORKSPACE_ACTIONS",
    "workspace:note": CaseRoute((_ws_note,), "staff", ("case.note",), ok=302),
    "workspace:note_preview": CaseRoute((_ws_note_preview,), "staff", ("case.note",)),
    # Merging archives the case on the page (or the other one): Itjen's intake; the service says why not.
    "workspace:merge": CaseRoute((_ws_merge,), "staff", ("case.archive",), ok=302),
    "workspace:attachment": CaseRoute((_ws_attachment,), "staff", ("case.download",), denied=404),
    # Whether a clock can still be extended is the service's answer, shown as a message on the case page.
    "workspace:extension_request": CaseRoute((_ws_extension_request,), "staff", ("case.note",), ok=302),
    "workspace:extension_decide": CaseRoute(
        (_ws_extension_decide,), "staff", ("case.approve_extension",), ok=302
    ),
    "workspace:notification_resend": CaseRoute(
        (_ws_notification_resend,), "staff", ("case.notification_resend",), ok=302
    ),
    "workspace:attachment_original": CaseRoute(
        (_ws_original,), "staff", ("case.download", "case.view_identity"), denied=404
    ),
    "workspace:inbox": "list: test_the_inbox_and_the_api_list_hold_exactly_the_reachable_cases",
    "workspace:itjen_workload": "counts per auditor, tracking ids only: tests/workspace/test_itjen_pages.py",
    "workspace:forward_outcome": CaseRoute(
        (_ws_post("pengalihan/hasil", {"outcome": "Sudah ditangani.", "tell_reporter": "on"}),),
        "staff",
        ("case.forward_outcome",),
        ok=302,
    ),
    "workspace:set_handler": CaseRoute(
        (_ws_post("pemegang", {"take": "1"}),), "staff", ("case.set_handler",), ok=302
    ),
    "workspace:itjen_step": CaseRoute(
        (_ws_post("itjen/tahap", {"step": "klarifikasi", "note": "Klarifikasi."}),),
        "staff",
        ("case.itjen_step",),
        ok=302,
    ),
    "workspace:itjen_state_loss": CaseRoute(
        (_ws_post("itjen/kerugian", {"amount": "1000000000"}),), "staff", ("case.itjen_state_loss",), ok=302
    ),
    "workspace:itjen_closure_request": CaseRoute(
        (_ws_post("itjen/ajukan-penutupan", {}),), "staff", ("case.itjen_closure_request",), ok=302
    ),
    "workspace:itjen_closure_approve": CaseRoute(
        (_ws_post("itjen/setujui-penutupan", {}),), "staff", ("case.itjen_closure_approve",), ok=302
    ),
    "workspace:login": "public: PUBLIC_PAGES",
    "workspace:logout": "signs out; holds no case (PUBLIC_PAGES)",
    "workspace:two_factor_enrol": "sign-in, second step (setting up the code app); holds no case (PUBLIC_PAGES)",
    "workspace:two_factor_verify": "sign-in, second step (the 6-digit code); holds no case (PUBLIC_PAGES)",
    "portal:home": "public: PUBLIC_PAGES",
    "portal:report": "public form: PUBLIC_PAGES; its POST is tests/confidentiality/test_no_traces.py",
    "portal:similar": "public: PUBLIC_PAGES (a story like the world's; the box shows no content of any case)",
    "portal:regencies": "public: PUBLIC_PAGES",
    "portal:statistics": "public: PUBLIC_PAGES and test_public_statistics_count_wbs_and_rahasia_only_in_totals",
    "portal:track": CaseRoute((_track_lookup,), "secret"),
    "portal:track_leave": "ends the reporter's grant; holds no case (PUBLIC_PAGES)",
    "portal:track_case": CaseRoute((_track_case,), "reporter"),
    "portal:track_message": CaseRoute((_track_post("pesan", {"text": "Tambahan."}),), "reporter"),
    "portal:track_rate": CaseRoute((_track_post("nilai", {"rating": "4", "comment": ""}),), "reporter"),
    "portal:track_object": CaseRoute((_track_post("keberatan", {"reason": "Belum dibayar."}),), "reporter"),
    "portal:receipt_download": CaseRoute((_receipt,), "secret"),
    "portal:track_data_export": CaseRoute((_track_data,), "reporter"),
    "set_language": "public: PUBLIC_PAGES",
    "api:openapi-json": "public: PUBLIC_PAGES",
    "api:openapi-view": "public: PUBLIC_PAGES",
    "api:api-root": "public: PUBLIC_PAGES",
    "api:statistics": "public: PUBLIC_PAGES and test_public_statistics_count_wbs_and_rahasia_only_in_totals",
    "api:submit_report": "the API door: tests/confidentiality/test_no_traces.py",
    "api:triage": "staff tool on any text, no case (PUBLIC_PAGES checks it leaks nothing)",
    "api:list_cases": "list: test_the_inbox_and_the_api_list_hold_exactly_the_reachable_cases",
    "api:get_case": CaseRoute((_api_case(False), _api_case(True)), "api"),
    **{
        f"api:{name}": CaseRoute((_api_action(action),), "api", (f"case.{action}",), transition=action)
        for name, action in (
            ("verify", "verify"),
            ("request_info", "request_info"),
            ("assign", "assign"),
            ("start", "start"),
            ("respond", "respond"),
            ("close", "close"),
            ("forward", "forward"),
            ("archive", "archive"),
        )
    },
    "api:add_note": CaseRoute((_api_note,), "api", ("case.note",)),
    "api:open_identity": CaseRoute((_api_identity,), "api", ("case.view_identity",), denied=404),
    "api:track_report": CaseRoute((_api_track,), "secret"),
    "api:add_message": CaseRoute((_api_message,), "secret"),
    "api:export_reporter_data": CaseRoute((_api_data,), "secret"),
    "api:add_attachments": CaseRoute((_api_attachments,), "secret"),
}
# Every operation of the API, by operationId: (method, path). A new operation must be added here and above.
OPERATIONS = {
    "submit_report": ("post", "/api/v1/reports"),
    "track_report": ("get", "/api/v1/reports/{tracking_id}"),
    "export_reporter_data": ("get", "/api/v1/reports/{tracking_id}/data"),
    "add_reporter_message": ("post", "/api/v1/reports/{tracking_id}/messages"),
    "add_reporter_attachments": ("post", "/api/v1/reports/{tracking_id}/attachments"),
    "public_statistics": ("get", "/api/v1/statistics"),
    "staff_list_cases": ("get", "/api/v1/staff/cases"),
    "staff_get_case": ("get", "/api/v1/staff/cases/{tracking_id}"),
    "staff_open_identity": ("post", "/api/v1/staff/cases/{tracking_id}/identity"),
    "staff_verify_case": ("post", "/api/v1/staff/cases/{tracking_id}/verify"),
    "staff_request_info": ("post", "/api/v1/staff/cases/{tracking_id}/request-info"),
    "staff_assign_case": ("post", "/api/v1/staff/cases/{tracking_id}/assign"),
    "staff_start_case": ("post", "/api/v1/staff/cases/{tracking_id}/start"),
    "staff_respond_case": ("post", "/api/v1/staff/cases/{tracking_id}/respond"),
    "staff_close_case": ("post", "/api/v1/staff/cases/{tracking_id}/close"),
    "staff_forward_case": ("post", "/api/v1/staff/cases/{tracking_id}/forward"),
    "staff_archive_case": ("post", "/api/v1/staff/cases/{tracking_id}/archive"),
    "staff_add_note": ("post", "/api/v1/staff/cases/{tracking_id}/notes"),
    "staff_triage": ("post", "/api/v1/staff/triage"),
}
# The models the administrator may browse in /admin/; none of them is a case, an event or a file of one.
ADMIN_MODELS = {
    "auth.Group",
    "accounts.User",
    "accounts.ApiToken",
    "triage.Unit",
    "triage.Category",
    "triage.TriageExample",
    "triage.TriageModelVersion",
    "triage.TriagePhrase",
    "triage.TriageRulePhrase",
    "audit.AuditEntry",
    "outbox.OutboxMessage",
    "outbox.MessageTemplate",
    "deadlines.DayOff",
    "deadlines.SlaPolicy",
}
# Pages with no case in them: every actor may call them, and none answers a planted string.
PUBLIC_PAGES: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("get", "/", {}),
    ("get", "/lapor", {}),
    ("get", "/lapor?kanal=wbs", {}),
    # "Laporan serupa" for a story like every case's of the world: it may offer some, showing none of them.
    (
        "post",
        "/lapor/serupa",
        {"text": "Kronologi: gaji dan hak saya tidak dipenuhi sejak awal tahun, mohon dibantu."},
    ),
    ("get", "/wilayah/kabupaten?province=32", {}),
    ("get", "/lacak", {}),
    ("post", "/lacak/keluar", {}),
    ("get", "/statistik", {}),
    ("post", "/i18n/setlang/", {"language": "id", "next": "/"}),
    ("get", "/api/v1/", {}),
    ("get", "/api/v1/docs", {}),
    ("get", "/api/v1/openapi.json", {}),
    ("get", "/api/v1/statistics", {}),
    ("get", "/staf/masuk", {}),
    ("get", "/staf/masuk/pasang-kode", {}),
    ("get", "/staf/masuk/kode", {}),
)


def _route_names() -> set[str]:
    def walk(patterns: list[Any], namespace: str = "") -> Iterator[str]:
        for p in patterns:
            if isinstance(p, URLResolver):
                inner = (
                    f"{namespace}:{p.namespace}" if namespace and p.namespace else p.namespace or namespace
                )
                yield from walk(p.url_patterns, inner or "")
            elif isinstance(p, URLPattern):
                yield f"{namespace}:{p.name}" if namespace else str(p.name)

    return set(walk(get_resolver().url_patterns))


def test_every_route_of_the_project_is_in_the_matrix():
    """Every named URL pattern (admin apart: see the next test) has a row in ROUTES, and every row names a
    pattern that exists. A new view that the matrix does not know how to call fails here."""
    names = {n for n in _route_names() if not n.startswith("admin:")}

    unknown = sorted(names - set(ROUTES))
    gone = sorted(set(ROUTES) - names)
    assert not unknown, f"routes the permission matrix does not know; add them to ROUTES: {unknown}"
    assert not gone, f"ROUTES names patterns that no longer exist: {gone}"
    assert not [n for n in names if n.split(":")[-1] == "None"], "every URL pattern needs a name"


def test_every_operation_of_the_api_is_in_the_matrix():
    """The OpenAPI document lists exactly the operations of OPERATIONS, at the same method and path."""
    from config.api import api as ninja_api

    schema = ninja_api.get_openapi_schema()
    documented = {
        op["operationId"]: (method, path)
        for path, item in schema["paths"].items()
        for method, op in item.items()
    }
    assert documented == OPERATIONS, "an API operation was added or moved: put it in OPERATIONS and ROUTES"


def test_every_workflow_action_of_the_workspace_is_in_the_matrix():
    """The workspace's action route takes a slug; each slug it accepts is a row of its own."""
    assert set(ACTION_FORMS) == set(ACTION_DATA) == set(API_ACTION_PATHS)
    assert {name.split("[")[1].rstrip("]") for name in WORKSPACE_ACTIONS} == set(ACTION_FORMS)


def test_the_admin_site_offers_no_case():
    """The administrator configures the system; /admin/ registers exactly ADMIN_MODELS, and no case, event or
    file of one (a new model in the admin is a new door, and must be added here on purpose)."""
    registered = {model._meta.label for model in admin.site._registry}
    assert registered == ADMIN_MODELS
    assert not {Case, CaseEvent, Attachment} & set(admin.site._registry)


# ---- the matrix itself ----------------------------------------------------------------------------------


def _expected(route: CaseRoute, actor: Actor, case: Case, kind: str) -> int | None:
    """The status this actor must get on this case; None for "exactly what an unknown id gets"; -1 for "let
    in" on the reporter's routes (the answer then depends on the stage: a page, a redirect, a 409)."""
    if route.door in ("reporter", "secret"):
        return -1 if actor.own == kind else None
    if not actor.sees(case):
        return None
    if route.transition and case.status not in transition(route.transition).sources:
        return 409  # the API checks the stage first; the page redirects with the refusal as a message
    if all(actor.can(grant, case) for grant in route.grants):
        return route.ok
    return route.denied


def _refused_status(route: CaseRoute, actor: Actor) -> int:
    """What an unknown tracking id answers this actor on this route."""
    if route.door == "staff":
        if not actor.signed_in:
            return 302  # to the login page
        return 302 if actor.user is not None and actor.user.role == Role.ADMIN else 404
    if route.door == "api":
        return 401 if not actor.signed_in else 404
    if route.door == "reporter":
        return 302  # back to the lookup page
    return 200 if route.calls[0] is _track_lookup else 404  # the lookup form is shown again with its message


def _probe(call: Call, actor: Actor, tracking_id: str, world: World, kind: str) -> HttpResponse:
    """One call with no flash message left over from the call before (it would show on this page)."""
    actor.client.cookies.pop("messages", None)
    return call(actor, tracking_id, world, kind)


def _case_routes() -> Iterator[tuple[str, CaseRoute]]:
    for name, route in {**ROUTES, **WORKSPACE_ACTIONS}.items():
        if isinstance(route, CaseRoute):
            yield name, route


@pytest.fixture(scope="module")
def module_media(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("media")


def _storages(root: Path) -> dict[str, Any]:
    return {
        **django_settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": root}},
    }


@pytest.fixture
def media_root(settings: Any, module_media: Path) -> Path:
    """The evidence of the module's world lives as long as the world (this replaces the per-test folder)."""
    settings.STORAGES = _storages(module_media)
    return module_media


@pytest.fixture(scope="module")
def world(django_db_setup: Any, django_db_blocker: Any, module_media: Path) -> Iterator[World]:
    """Built once per module (and per xdist worker) inside a transaction rolled back at the end. Each test
    runs in a savepoint of it, so whatever a test changes is undone and the next test meets the same world."""
    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        override_settings(STORAGES=_storages(module_media)),
    ):
        yield _build_world()
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _every_probe_answered(settings: Any) -> None:
    """Brute force has its own tests (test_tracking_bruteforce.py); here no probe may be refused with 429."""
    settings.SIMADU_RATE_LIMITS = False


def _lists(actor: Actor, world: World, allowed: set[str]) -> list[str]:
    """The inbox (every status) and the API list hold exactly the cases the actor sees; so does a search by
    each tracking id; no list shows a planted string the actor may not read."""
    problems = []
    reachable = {case.tracking_id for case in world.cases.values() if actor.sees(case)}
    staff_pages = actor.signed_in and actor.user is not None and actor.user.role != Role.ADMIN
    inbox = actor.client.get("/staf/?f=1")
    listed = actor.client.get("/api/v1/staff/cases?limit=100", **actor.bearer)
    if staff_pages:
        shown = {case.tracking_id for case in world.cases.values() if case.tracking_id in inbox.text}
        if (inbox.status_code, shown) != (200, reachable):
            problems.append(f"inbox: {inbox.status_code}, lists {sorted(shown)}, policy {sorted(reachable)}")
    elif inbox.status_code != 302:
        problems.append(f"inbox answered {inbox.status_code} to someone with no workspace")
    if actor.signed_in:
        got = {item["tracking_id"] for item in listed.json()["items"]} if listed.status_code == 200 else None
        if got != reachable:
            problems.append(f"API list: {listed.status_code}, lists {got}, policy {sorted(reachable)}")
    elif listed.status_code != 401:
        problems.append(f"API list answered {listed.status_code} without a valid token")
    for kind, case in world.cases.items():
        tid = case.tracking_id
        responses = [inbox, listed]
        if actor.signed_in:
            searched = actor.client.get(f"/api/v1/staff/cases?q={tid}", **actor.bearer)
            found = {item["tracking_id"] for item in searched.json()["items"]}
            if found != ({tid} & reachable):
                problems.append(f"API search for {kind} finds {found}")
            responses.append(searched)
        if staff_pages:
            page = actor.client.get(f"/staf/?f=1&q={tid}")
            if (f"/staf/kasus/{tid}" in page.text) is not (tid in reachable):
                problems.append(f"inbox search for {kind} disagrees with the policy")
            responses.append(page)
        problems.extend(f"a list leaks {sorted(leak)}" for r in responses if (leak := _leaks(r, allowed)))
    return problems


@pytest.mark.slow
@pytest.mark.django_db
@pytest.mark.parametrize("who", ACTORS)
def test_each_actor_reaches_exactly_the_cases_the_policy_allows(who, world):
    """Given one case of every kind, when an actor calls every case route of SIMADU on each case and on an
    unknown tracking id, then each answer is a success exactly when the policy allows it; a case the actor
    may not see answers exactly like the unknown id (status, redirect, body); a visible case the actor may
    not act on answers as the route refuses (403, or 404 where even the existence of the data is hidden,
    or 409 for a stage the action does not start from); the inbox and the API list hold a case exactly when
    its detail opens; and no body holds a planted string the policy does not let this actor read."""
    actor = _actor(who, world)
    allowed = _readable(actor, world)
    problems: list[str] = _lists(actor, world, allowed) if who in STAFF_DOOR_ACTORS else []
    for name, route in _case_routes():
        staff_door = route.door in ("staff", "api")
        if who not in (STAFF_DOOR_ACTORS if staff_door else REPORTER_DOOR_ACTORS):
            continue
        for call in route.calls:
            label = f"{name}/{call.__qualname__}"
            refused = _probe(call, actor, world.unknown, world, "")
            if refused.status_code != _refused_status(route, actor):
                problems.append(f"{label} unknown id: {refused.status_code}")
            baseline = _normal(refused, world.unknown, world)
            for kind, case in world.cases.items():
                response = _probe(call, actor, case.tracking_id, world, kind)
                expected = _expected(route, actor, case, kind)
                if expected is None:
                    got = _normal(response, case.tracking_id, world)
                    if got != baseline:
                        problems.append(
                            f"{label} {kind}: {got[:2]} differs from an unknown id's {baseline[:2]}"
                        )
                elif expected == -1:
                    if response.status_code in (302, 404) and not response.get("Location", "").startswith(
                        f"/lacak/{case.tracking_id}"
                    ):
                        problems.append(
                            f"{label} {kind}: the reporter was turned away ({response.status_code})"
                        )
                elif response.status_code != expected:
                    problems.append(f"{label} {kind}: {response.status_code}, the policy says {expected}")
                leaked = _leaks(response, allowed)
                if leaked:
                    problems.append(f"{label} {kind}: leaks {sorted(leaked)}")
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_what_the_matrix_scans_for_is_really_there_for_those_allowed(world):
    """The leak scan is only worth something if it finds the strings where they belong: the WBS team reads
    the WBS story on its page and, after the explicit click, the reporter's name; a unit officer reads the
    story of an anonymous case at their unit but not who sent it; the reporter reads the reply."""
    member = _actor("verifier_wbs", world)
    wbs = world.cases["wbs"].tracking_id
    page = member.client.get(f"/staf/kasus/{wbs}")
    assert PLANTED["wbs"].content[1] in page.text
    assert PLANTED["wbs"].internal[0] in page.text
    assert PLANTED["wbs"].identity[0] not in page.text  # not before the click
    revealed = member.client.post(f"/staf/kasus/{wbs}/identitas", {"reason": REASON}, HTTP_HX_REQUEST="true")
    assert PLANTED["wbs"].identity[0] in revealed.text

    officer = _actor("officer_phi", world)
    anonim = world.cases["anonim_unit_a"].tracking_id
    assert PLANTED["anonim_unit_a"].content[0] in officer.client.get(f"/staf/kasus/{anonim}").text
    assert officer.client.post(f"/staf/kasus/{anonim}/identitas", {"reason": REASON}).status_code == 404
    api = officer.client.get(f"/api/v1/staff/cases/{anonim}?include_identity=true", **officer.bearer).json()
    assert api["identity"] is None
    assert PLANTED["anonim_unit_a"].content[1] in api["text"]

    reporter = _actor("reporter_unit_a", world)
    mine = reporter.client.get(f"/lacak/{world.cases['unit_a'].tracking_id}")
    assert PLANTED["unit_a"].public[0] in mine.text
    assert PLANTED["unit_a"].internal[0] not in mine.text


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["visitor", "verifier_wbs", "leader_phi", "admin", "reporter_wbs"])
def test_pages_without_a_case_show_nothing_planted(who, world):
    """Given the world of cases, the public pages, the login page, the API's own pages, the public statistics
    and the staff triage tool answer every actor without a single planted string."""
    actor = _actor(who, world)
    for method, path, data in PUBLIC_PAGES:
        response = getattr(actor.client, method)(path, data)
        assert response.status_code in (200, 302, 404), path  # /api/v1/ itself is a 404
        assert not _leaks(response, set()), path
    triage = actor.client.post(
        "/api/v1/staff/triage",
        json.dumps({"text": "gaji belum dibayar"}),
        content_type="application/json",
        **actor.bearer,
    )
    assert triage.status_code == (200 if actor.signed_in else 401)
    assert not _leaks(triage, set())
    logout = actor.client.post("/staf/keluar")
    assert logout.status_code == 302
    assert not _leaks(logout, set())


@pytest.mark.slow
@pytest.mark.django_db
def test_the_admin_site_shows_the_administrator_no_planted_string(world):
    """Given the world (with a triage example copied from the rahasia case and queued e-mails), the
    administrator browses every list and every record of /admin/ and reads none of the planted strings;
    other staff are not let into /admin/ at all."""
    client = Client()
    login_staff(client, world.users["admin"])
    pages = ["/admin/"]
    for model, model_admin in admin.site._registry.items():
        base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        pages.append(base)
        # Every record made from a case (audit entries, queued mail, triage examples): the newest 60;
        # of the reference tables (units, categories, phrases), a few.
        label = model._meta.label
        keep = 60 if label in ("audit.AuditEntry", "outbox.OutboxMessage", "triage.TriageExample") else 5
        newest = model_admin.get_queryset(None).order_by("-pk").values_list("pk", flat=True)[:keep]  # type: ignore[arg-type]
        pages.extend(f"{base}{pk}/change/" for pk in newest)
    assert any("triageexample" in p and p.endswith("/change/") for p in pages), "no triage example to look at"
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        assert not _leaks(response, set()), path

    for name in ("verifier_wbs", "leader_itjen", "auditor"):
        other = Client()
        login_staff(other, world.users[name])
        assert other.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_public_statistics_count_wbs_and_rahasia_only_in_totals(world, client):
    """Given the world, then a WBS report and a rahasia report in categories no other report has, the public
    statistics change only in the total and the count of their channel: no status or category count, and no
    category name on /statistik, ever says a WBS or rahasia report exists."""
    before_api = client.get("/api/v1/statistics").json()
    before_page = client.get("/statistik").text
    assert "Gratifikasi" not in before_page
    assert "Tenaga kerja asing" not in before_page

    submit(
        "Atasan saya menerima amplop dari vendor.",
        triage=decision("gratifikasi", channel="wbs"),
        channel="wbs",
    )
    submit("Perusahaan mempekerjakan TKA tanpa izin.", triage=decision("tka"), confidential=True)
    after_api = client.get("/api/v1/statistics").json()
    after_page = client.get("/statistik").text

    assert after_api["total"] == before_api["total"] + 2
    assert after_api["by_channel"]["wbs"] == before_api["by_channel"]["wbs"] + 1
    assert after_api["by_channel"]["lapor"] == before_api["by_channel"]["lapor"] + 1
    assert after_api["by_status"] == before_api["by_status"]
    assert after_api["by_category"] == before_api["by_category"]
    assert "gratifikasi" not in after_api["by_category"]
    assert "Gratifikasi" not in after_page
    assert "Tenaga kerja asing" not in after_page
    countable = Case.objects.exclude(channel="wbs").exclude(confidential=True).count()
    assert sum(after_api["by_status"].values()) == sum(after_api["by_category"].values()) == countable
