"""The demo data set that `simadu serve` (and `simadu load_demo`) loads into an empty database.

Demo staff, one account per role, and about 300 reports told in `demo_reports`, each filed
through the real door (`intake.services.report_submit`) and moved along by the real
services with the right demo actor, so every timeline event and audit row is genuine.
Only afterwards are a case's own timestamps moved into the past (`shift_demo_case_times`),
so that the demo shows four months of work; the audit chain is never touched and keeps the
real time of loading. A fixed seed makes the same data set every time.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.db import models, transaction

from simadu.accounts.models import Role, User
from simadu.cases import services
from simadu.cases.deadlines import stage_deadline
from simadu.cases.models import Case, CaseEvent
from simadu.cases.workflow import FINAL_STATES, SYSTEM, ArchiveReason, Status
from simadu.core import clock
from simadu.core.clock import WIB
from simadu.core.workdays import is_working_day
from simadu.intake.services import report_submit, validate_submission
from simadu.triage import taxonomy
from simadu.triage.engine import TriageInput, suggest
from simadu.triage.models import Category, Unit
from simadu.workspace import demo_reports as texts
from simadu.workspace.demo_reports import Story

DEMO_PASSWORD = "simadu-demo-2026"  # noqa: S105 (documented, for demo accounts only)
SEED = 2026
TARGET_CASES = 300
SPAN_DAYS = 120
PROGRESS_EVERY = 50


class Writer(Protocol):
    """Where progress goes: a management command's stdout, or any text stream."""

    def write(self, msg: str, /) -> object: ...


class DemoDataError(Exception):
    """The demo data set cannot be loaded into this database."""


@dataclass(frozen=True)
class DemoAccount:
    username: str
    first_name: str
    last_name: str
    role: str
    unit: str | None
    wbs_team: bool = False

    @property
    def admin(self) -> bool:
        return self.role == Role.ADMIN


DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("verifikator", "Rina", "Marlina", Role.VERIFIER, "itjen"),
    DemoAccount("verifikator.wbs", "Andi", "Prasetyo", Role.VERIFIER, "itjen", wbs_team=True),
    DemoAccount("auditor", "Dewi", "Anggraini", Role.AUDITOR, "itjen", wbs_team=True),
    DemoAccount("petugas.phi", "Bambang", "Sutrisno", Role.UNIT_OFFICER, "ditjen_phi_jamsos"),
    DemoAccount("petugas.pusdatin", "Yusuf", "Hidayat", Role.UNIT_OFFICER, "pusdatin"),
    DemoAccount("petugas.binwasnaker", "Siti", "Rahmawati", Role.UNIT_OFFICER, "ditjen_binwasnaker_k3"),
    DemoAccount("petugas.binapenta", "Agus", "Setiawan", Role.UNIT_OFFICER, "ditjen_binapenta_pkk"),
    # Every internal unit answers its own cases in the demo, so these three have an officer too.
    DemoAccount("petugas.binalavotas", "Nurul", "Aini", Role.UNIT_OFFICER, "ditjen_binalavotas"),
    DemoAccount("petugas.setjen", "Lestari", "Handayani", Role.UNIT_OFFICER, "setjen"),
    DemoAccount("petugas.barenbang", "Rizky", "Maulana", Role.UNIT_OFFICER, "barenbang"),
    DemoAccount("pimpinan", "Hendra", "Wijaya", Role.LEADERSHIP, "itjen"),
    DemoAccount("admin", "Fajar", "Nugroho", Role.ADMIN, None),
)


def demo_logins() -> list[tuple[str, str, str]]:
    """(username, role, unit) of every demo account, for printing at start; the password is DEMO_PASSWORD."""
    rows = []
    for account in DEMO_ACCOUNTS:
        role = str(Role(account.role).label) + (", WBS" if account.wbs_team else "")
        unit = taxonomy.UNITS[account.unit][1] if account.unit else "—"
        rows.append((account.username, role, unit))
    return rows


def load_demo_data(stdout: Writer | None = None) -> int:
    """Load the demo staff and cases into a database with no case yet; returns the number of cases created.

    Does nothing (and returns 0) when any case exists. All or nothing: one transaction.
    """
    if Case.objects.exists():
        return 0
    now = clock.now()
    rng = random.Random(SEED)  # noqa: S311 (a reproducible data set, not a secret)
    plans = _plan_cases(rng, now)
    with transaction.atomic():
        actors = _Actors(_demo_staff())
        filed: dict[int, str] = {}
        for n, plan in enumerate(plans, start=1):
            case = _file_case(plan, actors, filed)
            filed[plan.number] = case.tracking_id
            if stdout is not None and (n % PROGRESS_EVERY == 0 or n == len(plans)):
                stdout.write(f"  {n}/{len(plans)} laporan demo dimuat\n")
    return len(plans)


# --- staff --------------------------------------------------------------------------------------


def _demo_staff() -> dict[str, User]:
    users = {}
    for account in DEMO_ACCOUNTS:
        user = User.objects.filter(username=account.username).first()
        if user is None:
            user = User.objects.create_user(
                username=account.username,
                password=DEMO_PASSWORD,
                first_name=account.first_name,
                last_name=account.last_name,
                email=f"{account.username}@demo.example.org",
                role=account.role,
                unit_id=account.unit,
                wbs_team=account.wbs_team,
                is_staff=account.admin,
                is_superuser=account.admin,
            )
        elif (user.role, user.unit_id, user.wbs_team) != (account.role, account.unit, account.wbs_team):
            raise DemoDataError(
                f"akun '{account.username}' sudah ada dengan peran atau unit lain; data demo tidak dimuat"
            )
        users[account.username] = user
    return users


@dataclass
class _Actors:
    users: dict[str, User]

    def officer(self, unit: str) -> User:
        if unit == "itjen":
            return self.users["auditor"]
        return next(u for u in self.users.values() if u.role == Role.UNIT_OFFICER and u.unit_id == unit)


# --- planning: who files what, and when ---------------------------------------------------------

_SUPERVISORY = frozenset(c for c, spec in taxonomy.CATEGORIES.items() if spec[0])


@dataclass
class Step:
    action: str
    who: str  # "verifier" | "officer" | "leadership" | "reporter" | "system"
    gap: dt.timedelta  # after the step before it
    text: str = ""
    value: Any = None


@dataclass
class Plan:
    number: int
    story: Story
    fill: dict[str, str]
    region: str
    target: str
    steps: list[Step]
    times: list[dt.datetime] = field(default_factory=list)  # received, then one per step
    reporter: dict[str, Any] = field(default_factory=dict)
    title: str = ""
    source: str = "web"
    incident_days_before: int | None = None
    verifier: str = "verifikator"
    duplicate_of: int | None = None


def _hours(rng: random.Random, low: float, high: float) -> dt.timedelta:
    return dt.timedelta(hours=rng.uniform(low, high))


def _days(rng: random.Random, low: float, high: float) -> dt.timedelta:
    return dt.timedelta(days=rng.uniform(low, high))


def _fill(text: str, fill: dict[str, str]) -> str:
    for key, value in fill.items():
        text = text.replace("{" + key + "}", value)
    return text


def _tellings(rng: random.Random) -> list[tuple[Story, dict[str, str], str]]:
    """Each story once, retellable ones two or three times with another company and town."""
    counts = [2 if s.retellable else 1 for s in texts.STORIES]
    retellable = [i for i, s in enumerate(texts.STORIES) if s.retellable]
    for i in rng.sample(retellable, k=max(0, min(len(retellable), TARGET_CASES - sum(counts)))):
        counts[i] += 1
    tellings = []
    for story, count in zip(texts.STORIES, counts, strict=True):
        companies = rng.sample(texts.COMPANIES.get(story.sector, texts.COMPANIES["pabrik"]), k=count)
        places = story.places or texts.SECTOR_PLACES.get(story.sector, texts.SECTOR_PLACES["kota"])
        towns = rng.sample(places, k=count)
        for company, town in zip(companies, towns, strict=True):
            tellings.append((story, {"pt": company, "kota": texts.TOWNS[town]}, town))
    rng.shuffle(tellings)
    return tellings


def _kind(story: Story) -> str:
    if story.archive:
        return "junk"
    if not taxonomy.UNITS[story.unit][0]:
        return "forward"
    return "handle"


_TARGETS = {
    "handle": {
        Status.RECEIVED: 7,
        Status.VERIFYING: 5,
        Status.AWAITING_INFO: 5,
        Status.ASSIGNED: 8,
        Status.IN_PROGRESS: 12,
        Status.RESPONDED: 8,
        Status.REOPENED: 2,
        Status.CLOSED: 45,
        Status.ARCHIVED: 8,
    },
    "forward": {
        Status.FORWARDED: 75,
        Status.RECEIVED: 10,
        Status.VERIFYING: 8,
        Status.AWAITING_INFO: 7,
    },
    "junk": {Status.ARCHIVED: 80, Status.RECEIVED: 20},
}


def _pick(rng: random.Random, weights: dict[Status, int]) -> str:
    return str(rng.choices(list(weights), weights=list(weights.values()))[0])


def _plan_cases(rng: random.Random, now: dt.datetime) -> list[Plan]:
    plans: list[Plan] = []
    first_telling: dict[int, Plan] = {}
    for number, (story, fill, town) in enumerate(_tellings(rng)):
        # Each case draws from its own seeded generator: a branch that depends on today's date
        # (a weekend, a holiday) changes that case only, never the rest of the data set.
        own = random.Random(SEED * 1000 + number)  # noqa: S311 (reproducible demo data)
        kind = _kind(story)
        target = _pick(own, _TARGETS[kind])
        if kind == "junk" and story.archive != ArchiveReason.SPAM:
            target = Status.ARCHIVED  # spam may wait in the inbox; the rest has been dealt with
        earlier = first_telling.get(id(story))
        # A duplicate is the same report sent again a little later, so its original must be older.
        if target == Status.ARCHIVED and kind == "handle" and earlier is not None:
            if earlier.times[0] >= now - dt.timedelta(days=5):
                earlier = None
        else:
            earlier = None
        if earlier is not None:
            fill, town = earlier.fill, earlier.region
        plan = Plan(
            number=number,
            story=story,
            fill=fill,
            region=town if (story.retellable or own.random() < 0.5) else "",
            target=target,
            steps=[],
            duplicate_of=earlier.number if earlier is not None else None,
        )
        plan.steps = _steps(own, plan, kind)
        _describe_reporter(own, plan)
        _place_in_time(own, plan, now, plans)
        first_telling.setdefault(id(story), plan)
        plans.append(plan)
    plans.sort(key=lambda p: p.times[0])
    return plans


def _describe_reporter(rng: random.Random, plan: Plan) -> None:
    story = plan.story
    wbs = story.final_channel == "wbs"
    named = rng.random() < (0.15 if wbs else 0.6)
    first, last = rng.choice(texts.FIRST_NAMES), rng.choice(texts.LAST_NAMES)
    email = f"{first}.{last}{rng.randint(1, 99)}@example.org".lower().replace(" ", "")
    if named:
        plan.reporter = {"name": f"{first} {last}"}
        if wbs or rng.random() < 0.65:
            plan.reporter["email"] = email
        if not wbs and rng.random() < 0.45:
            plan.reporter["phone"] = "08" + "".join(str(rng.randint(0, 9)) for _ in range(10))
    else:
        plan.reporter = {"email": email} if rng.random() < 0.25 else {}
        plan.reporter["anonymous"] = True
    plan.title = _fill(story.title, plan.fill) if rng.random() < 0.8 else ""
    plan.source = "web" if wbs else rng.choices(["web", "api", "staff", "email"], [70, 10, 12, 8])[0]
    plan.incident_days_before = rng.randint(0, 40) if rng.random() < 0.5 else None
    if wbs:
        plan.verifier = "verifikator.wbs"
    else:
        plan.verifier = "verifikator" if rng.random() < 0.75 else "verifikator.wbs"


def _group(story: Story) -> str:
    if story.category == "akses_layanan_digital":
        return "digital"
    if story.category == "pekerja_migran":
        return "migran"
    if story.category in _SUPERVISORY:
        return "pengawasan"
    return "kerja"


def _choose(rng: random.Random, pool: tuple[str, ...], fill: dict[str, str]) -> str:
    return _fill(rng.choice(pool), fill)


def _reply(rng: random.Random, plan: Plan) -> str:
    story = plan.story
    own = story.reply or texts.ANSWERS.get(story.title, "")
    if own:
        return _fill(own, plan.fill)
    pool = texts.REPLIES.get("supervisory" if story.category in _SUPERVISORY else story.category)
    if not pool:
        pool = texts.REPLIES["umum"]
    if "{pt}" not in story.text:
        pool = tuple(r for r in pool if "{pt}" not in r) or texts.REPLIES["umum"]
    return _choose(rng, pool, plan.fill)


def _rating(rng: random.Random, objected: bool) -> int:
    if objected:
        return rng.choice([2, 3, 3, 4])
    return rng.choices([5, 4, 3, 2, 1], weights=[45, 30, 10, 8, 7])[0]


def _steps(rng: random.Random, plan: Plan, kind: str) -> list[Step]:
    story, target, fill = plan.story, plan.target, plan.fill
    group = _group(story)
    general = "digital" if group == "digital" else "umum"
    steps: list[Step] = []

    def add(action: str, who: str, gap: dt.timedelta, text: str = "", value: Any = None) -> None:
        steps.append(Step(action, who, gap, text, value))

    def ask_and_maybe_answer(answer: bool) -> None:
        question, reply = rng.choice(texts.QUESTIONS[group])
        add("ask", "verifier", _hours(rng, 0.3, 6), _fill(question, fill))
        if answer:
            add("answer", "reporter", _hours(rng, 3, 120), _fill(reply, fill))

    if target == Status.RECEIVED:
        return steps
    if kind == "junk":
        reason = story.archive
        if reason == ArchiveReason.OUT_OF_SCOPE:
            add("verify", "verifier", _hours(rng, 1, 20))
        note = rng.choice(texts.ARCHIVE_NOTES[reason])
        add("archive", "verifier", _hours(rng, 0.5, 24), note, reason)
        return steps

    if kind == "handle" and target == Status.ARCHIVED and plan.duplicate_of is None:
        add("verify", "verifier", _hours(rng, 1, 20))
        ask_and_maybe_answer(answer=False)
        add("archive", "system", dt.timedelta(0), texts.ARCHIVE_NOTES["incomplete"][0], "incomplete")
        return steps

    add("verify", "verifier", _hours(rng, 0.5, 20))
    if rng.random() < 0.3:
        add("verifier_note", "verifier", _hours(rng, 0.1, 3), rng.choice(texts.VERIFIER_NOTES))
    if target == Status.VERIFYING:
        return steps
    if target == Status.AWAITING_INFO:
        ask_and_maybe_answer(answer=False)
        return steps
    if target == Status.ARCHIVED:  # a duplicate of an earlier telling of the same story
        add("duplicate_note", "verifier", _hours(rng, 0.1, 2))
        add("archive", "verifier", _hours(rng, 0.1, 1), texts.ARCHIVE_NOTES["duplicate"][0], "duplicate")
        return steps
    if rng.random() < 0.2:
        ask_and_maybe_answer(answer=True)
    if kind == "forward":
        agency = story.unit
        reason = rng.choice(texts.FORWARD_REASONS[agency])
        add("forward", "verifier", _hours(rng, 1, 30), reason, agency)
        return steps

    add(
        "assign", "verifier", _hours(rng, 1, 30), rng.choice(texts.ASSIGN_NOTES) if rng.random() < 0.5 else ""
    )
    if target == Status.ASSIGNED:
        return steps
    supervisory = story.category in _SUPERVISORY
    notes = texts.UNIT_NOTES.get(story.unit, texts.UNIT_NOTES["umum"])
    add("start", "officer", _hours(rng, 3, 96))
    if rng.random() < 0.5:
        add("unit_note", "officer", _days(rng, 0.5, 5), rng.choice(notes))
    if rng.random() < 0.25:
        add("interim_reply", "officer", _days(rng, 0.5, 4), rng.choice(texts.INTERIM_REPLIES))
    if rng.random() < 0.15:
        add("follow_up", "reporter", _days(rng, 0.5, 5), rng.choice(texts.REPORTER_FOLLOW_UPS[general]))
    objection = (
        target == Status.REOPENED
        or (target == Status.IN_PROGRESS and rng.random() < 0.08)
        or (target == Status.CLOSED and rng.random() < 0.06)
    )
    if target == Status.IN_PROGRESS and not objection:
        return steps
    resolve = _days(rng, 12, 45) if supervisory else _days(rng, 1.5, 10)
    add("respond", "officer", resolve, _reply(rng, plan))
    if objection:
        add("object", "reporter", _days(rng, 0.5, 6), rng.choice(texts.OBJECTIONS[general]))
        if target == Status.REOPENED:
            return steps
        add("start", "officer", _hours(rng, 3, 48))
        if target == Status.IN_PROGRESS:
            return steps
        add("unit_note", "officer", _days(rng, 1, 3), rng.choice(notes))
        second = texts.ANSWERS_AFTER_OBJECTION["umum" if group in ("kerja", "migran") else group]
        add("respond", "officer", _days(rng, 2, 8), rng.choice(second))

    def rate(within_hours: float) -> None:
        score = _rating(rng, objection)
        add("rate", "reporter", _hours(rng, 3, within_hours), rng.choice(texts.RATING_COMMENTS[score]), score)

    if target == Status.RESPONDED:
        if rng.random() < 0.35:
            rate(96)
        return steps
    rated = rng.random() < 0.65
    if rated:
        rate(120)
    # Leadership approves supervisory closures; WBS cases stay inside the WBS team.
    if story.unit == "itjen" and story.final_channel != "wbs":
        add("close", "leadership", _days(rng, 1, 5), rng.choice(texts.LEADERSHIP_CLOSE_NOTES))
    elif rated and rng.random() < 0.6:
        add("close", "officer", _hours(rng, 2, 48), rng.choice(texts.CLOSE_NOTES))
    else:
        add("close", "system", dt.timedelta(0), texts.AUTO_CLOSE_NOTE)
    return steps


# --- placing a story in time --------------------------------------------------------------------

_OFFICE_OPENS, _OFFICE_CLOSES = dt.time(8, 0), dt.time(16, 30)


def _office_time(at: dt.datetime, jitter: dt.timedelta) -> dt.datetime:
    """The moment at or after `at` when a civil servant at a desk in WIB could have done it."""
    local = at.astimezone(WIB)
    if is_working_day(local.date()) and _OFFICE_OPENS <= local.time() <= _OFFICE_CLOSES:
        return at
    day = local.date()
    if local.time() > _OFFICE_CLOSES or not is_working_day(day):
        day += dt.timedelta(days=1)
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return dt.datetime.combine(day, _OFFICE_OPENS, tzinfo=WIB) + jitter


def _schedule(plan: Plan, start: dt.datetime, jitters: list[dt.timedelta]) -> list[dt.datetime]:
    times = [start]
    responded = asked = start
    for step, jitter in zip(plan.steps, jitters, strict=True):
        at = times[-1] + step.gap
        if step.who == "system":
            # The nightly job acts just after the stage's deadline has passed.
            stage, since = (
                (Status.RESPONDED, responded) if step.action == "close" else (Status.AWAITING_INFO, asked)
            )
            deadline = stage_deadline(status=stage, supervisory=False, report_type="pengaduan", since=since)
            at = max(at, (deadline or at) + dt.timedelta(minutes=5) + jitter / 8)
        elif step.who != "reporter":
            at = _office_time(at, jitter)
        if step.action == "respond":
            responded = at
        if step.action == "ask":
            asked = at
        times.append(at)
    return times


_LAGS: dict[str, tuple[tuple[float, float], tuple[float, float]]] = {
    # days since the last step: (in time, overdue)
    Status.RECEIVED: ((0.02, 1.5), (6, 20)),
    Status.VERIFYING: ((0.02, 1.5), (6, 20)),
    Status.AWAITING_INFO: ((0.1, 11), (15, 24)),
    Status.ASSIGNED: ((0.1, 4), (9, 25)),
    Status.IN_PROGRESS: ((0.5, 12), (24, 45)),
    Status.RESPONDED: ((0.1, 8), (0.1, 8)),
    Status.REOPENED: ((0.1, 3), (25, 35)),
}


def _place_in_time(rng: random.Random, plan: Plan, now: dt.datetime, placed: list[Plan]) -> None:
    """Choose when the report came in so that its story ends before now, open ones mostly in time."""
    jitters = [dt.timedelta(minutes=rng.uniform(0, 150)) for _ in plan.steps]
    latest = now - dt.timedelta(minutes=10)
    if plan.duplicate_of is not None:
        original = next(p for p in placed if p.number == plan.duplicate_of)
        start = original.times[0] + _hours(rng, 2, 72)
        goal = None
    elif plan.target in FINAL_STATES:
        start = now - _days(rng, 1, SPAN_DAYS)
        goal = None
    else:
        in_time, overdue = _LAGS[plan.target]
        low, high = overdue if rng.random() < 0.25 else in_time
        goal = now - _days(rng, low, high)
        start = goal - sum((s.gap for s in plan.steps), dt.timedelta())
    for _ in range(8):
        times = _schedule(plan, start, jitters)
        end = goal if goal is not None else min(latest, times[-1])
        if times[-1] <= end and times[-1] <= latest:
            break
        start -= times[-1] - end + dt.timedelta(hours=1)
    else:
        while times[-1] > latest:
            start -= dt.timedelta(days=1)
            times = _schedule(plan, start, jitters)
    plan.times = times


# --- filing a plan through the real services ----------------------------------------------------


def _file_case(plan: Plan, actors: _Actors, filed: dict[int, str]) -> Case:
    story = plan.story
    received = plan.times[0]
    data: dict[str, Any] = {
        "text": _fill(story.text, plan.fill),
        "title": plan.title,
        "reporter_type": story.reporter_type,
        "anonymous": plan.reporter.get("anonymous", False),
        "reporter": {k: v for k, v in plan.reporter.items() if k in ("name", "email", "phone")},
        "reported_party": story.reported_party,
        "source": plan.source,
        "regency_code": plan.region,
    }
    if plan.incident_days_before is not None:
        data["incident_date"] = received.astimezone(WIB).date() - dt.timedelta(days=plan.incident_days_before)
    wanted = story.final_channel
    suggested = suggest(
        TriageInput(
            text=data["text"],
            title=plan.title,
            reporter_type=story.reporter_type,
            anonymous=data["anonymous"],
        )
    )
    if suggested.channel != wanted:
        data["channel"] = wanted  # the reporter chose the channel on the form
    case, _secret = report_submit(submission=validate_submission(data))

    # Each step's events get the step's time (a second apart when one step writes two).
    last = int(CaseEvent.objects.filter(case=case).aggregate(m=models.Max("pk"))["m"])
    event_times = {last: received}
    for step, at in zip(plan.steps, plan.times[1:], strict=True):
        case.refresh_from_db()  # the permission checks read the case as it is now
        _do(step, case, plan, actors, filed)
        new = CaseEvent.objects.filter(case=case, pk__gt=last).order_by("pk").values_list("pk", flat=True)
        for i, pk in enumerate(new):
            event_times[pk] = at + dt.timedelta(seconds=i)
            last = pk
    shift_demo_case_times(case, event_times)
    return case


def _do(step: Step, case: Case, plan: Plan, actors: _Actors, filed: dict[int, str]) -> None:
    story = plan.story
    verifier = actors.users[plan.verifier]
    officer = actors.officer(story.unit) if taxonomy.UNITS[story.unit][0] else verifier
    actions: dict[str, Callable[[], object]] = {
        "verify": lambda: services.case_verify(case=case, actor=verifier),
        "verifier_note": lambda: services.case_add_note(case=case, actor=verifier, text=step.text),
        "duplicate_note": lambda: services.case_add_note(
            case=case,
            actor=verifier,
            text=texts.DUPLICATE_NOTE.replace("{other}", filed[plan.duplicate_of or 0]),
        ),
        "ask": lambda: services.case_request_info(case=case, actor=verifier, question=step.text),
        "answer": lambda: services.case_reporter_message(case=case, text=step.text),
        "follow_up": lambda: services.case_reporter_message(case=case, text=step.text),
        "assign": lambda: _assign(case, plan, verifier, step.text),
        "forward": lambda: services.case_forward(
            case=case,
            actor=verifier,
            agency=Unit.objects.get(pk=step.value),
            reason=step.text,
            reference=_forward_reference(step.value, plan),
        ),
        "archive": lambda: services.case_archive(
            case=case,
            actor=SYSTEM if step.who == "system" else verifier,
            reason_code=step.value,
            note=step.text,
        ),
        "start": lambda: services.case_start(case=case, actor=officer),
        "unit_note": lambda: services.case_add_note(case=case, actor=officer, text=step.text),
        "interim_reply": lambda: services.case_add_note(
            case=case, actor=officer, text=step.text, public=True
        ),
        "respond": lambda: services.case_respond(case=case, actor=officer, text=step.text),
        "object": lambda: services.case_object(case=case, reason=step.text),
        "rate": lambda: services.case_rate(case=case, rating=step.value, comment=step.text),
        "close": lambda: services.case_close(case=case, actor=_closer(step, actors, officer), note=step.text),
    }
    actions[step.action]()


def _closer(step: Step, actors: _Actors, officer: User) -> Any:
    if step.who == "system":
        return SYSTEM
    if step.who == "leadership":
        return actors.users["pimpinan"]
    return officer


def _assign(case: Case, plan: Plan, verifier: User, note: str) -> Case:
    """Route to the story's unit, correcting the triage suggestion where it guessed otherwise."""
    story = plan.story
    case.refresh_from_db()
    category = Category.objects.get(pk=story.category) if case.category_id != story.category else None
    report_type = story.report_type if case.report_type != story.report_type else None
    if (category or report_type) and not note:
        note = texts.CORRECTED_NOTE
    return services.case_assign(
        case=case,
        actor=verifier,
        unit=Unit.objects.get(pk=story.unit),
        category=category,
        report_type=report_type,
        note=note,
    )


def _forward_reference(agency: str, plan: Plan) -> str:
    n = 1000 + plan.number * 7
    year = plan.times[0].year
    if agency == "bpjs_ketenagakerjaan":
        return f"BPJSTK/ADU/{year}/{n:06d}"
    if agency == "kp2mi":
        return f"KP2MI-PGD-{year}-{n:05d}"
    return f"B.{n}/IJ/PP.02/{plan.times[0].month:02d}/{year}"


# --- demo data only: moving a case into the past ------------------------------------------------


def shift_demo_case_times(case: Case, event_times: dict[int, dt.datetime]) -> None:
    """FOR DEMO DATA ONLY: move a case filed a moment ago, and its timeline, to the times its story says.

    Every service stamps the real time; the demo shows four months of work, so after a case
    has gone through the services its own dates are rewritten: each timeline event gets its
    time from `event_times` (event pk -> time), and the case's dates are derived from those
    events as the services would have set them (stage deadline recomputed). One UPDATE on
    CaseEvent and one on Case. The audit chain (AuditEntry) is never touched, so
    `simadu audit verify` still passes; its rows keep the real time the demo was loaded.
    """
    rows = CaseEvent.objects.filter(case=case, pk__in=event_times).values_list(
        "pk", "kind", "action", "to_status"
    )
    # (time, kind, action, to_status) in the order they now happened
    events = sorted((event_times[pk], pk, kind, action, to) for pk, kind, action, to in rows)
    CaseEvent.objects.filter(pk__in=event_times).update(
        at=models.Case(
            *[models.When(pk=pk, then=models.Value(at)) for pk, at in event_times.items()],
            output_field=models.DateTimeField(),
        )
    )
    transitions = [e for e in events if e[2] == CaseEvent.Kind.TRANSITION]
    received_at = next(at for at, _pk, kind, _a, _to in events if kind == CaseEvent.Kind.RECEIVED)
    status_changed_at = transitions[-1][0] if transitions else received_at
    answers = [
        at for at, _pk, kind, _a, to in events if kind == CaseEvent.Kind.REPLY or to == Status.RESPONDED
    ]
    responded = [at for at, _pk, _k, _a, to in transitions if to == Status.RESPONDED]
    reopened = [at for at, _pk, _k, action, _to in transitions if action == "reopen"]
    case.refresh_from_db(fields=["status", "supervisory", "report_type"])
    Case.objects.filter(pk=case.pk).update(
        received_at=received_at,
        status_changed_at=status_changed_at,
        stage_due_at=stage_deadline(
            status=case.status,
            supervisory=case.supervisory,
            report_type=case.report_type,
            since=status_changed_at,
        ),
        first_response_at=min(answers) if answers else None,
        responded_at=responded[-1] if responded else None,
        closed_at=status_changed_at if case.status in FINAL_STATES else None,
        objected_at=reopened[-1] if reopened else None,
    )
