"""Planning the demo data set: which story is told, by whom, along which steps, and when."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from simadu.cases.workflow import FINAL_STATES, ArchiveReason, Status
from simadu.core.clock import WIB
from simadu.deadlines.calendar import is_working_day
from simadu.deadlines.clocks import nominal_due
from simadu.deadlines.models import Stage
from simadu.triage import taxonomy
from simadu.workspace.demo import texts
from simadu.workspace.demo.texts import Story

SEED = 2026
TARGET_CASES = 300
SPAN_DAYS = 120


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


def fill_in(text: str, fill: dict[str, str]) -> str:
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


def plan_cases(rng: random.Random, now: dt.datetime) -> list[Plan]:
    plans: list[Plan] = []
    first_telling: dict[int, Plan] = {}
    for number, (story, fill, town) in enumerate(_tellings(rng)):
        # Each case draws from its own seeded generator: a branch that depends on today's date
        # (a weekend, a holiday) changes that case only, never the rest of the data set.
        own = random.Random(SEED * 1000 + number)  # noqa: S311  # nosec B311  # reproducible demo data
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
    plan.title = fill_in(story.title, plan.fill) if rng.random() < 0.8 else ""
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
    return fill_in(rng.choice(pool), fill)


def _reply(rng: random.Random, plan: Plan) -> str:
    story = plan.story
    own = story.reply or texts.ANSWERS.get(story.title, "")
    if own:
        return fill_in(own, plan.fill)
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
        add("ask", "verifier", _hours(rng, 0.3, 6), fill_in(question, fill))
        if answer:
            add("answer", "reporter", _hours(rng, 3, 120), fill_in(reply, fill))

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
                (Stage.AUTO_CLOSE, responded) if step.action == "close" else (Stage.REPORTER_ANSWER, asked)
            )
            deadline = nominal_due(stage=stage, since=since, report_type="pengaduan")
            at = max(at, deadline + dt.timedelta(minutes=5) + jitter / 8)
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
