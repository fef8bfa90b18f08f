"""The reporter's pages: look a report up with tracking id + secret, read it, answer, rate, object.

A successful lookup hands out a short-lived signed cookie holding only the tracking
id; the case page and its forms ask for that grant, so the secret is typed once and
is never kept or put in a URL. Every write goes through `cases.services`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.serializers.json import DjangoJSONEncoder
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from simadu.cases.models import Case, Channel
from simadu.cases.services import case_object, case_rate, case_reporter_message
from simadu.cases.workflow import Status
from simadu.core.errors import DomainError, NotFound, RateLimited
from simadu.portal.forms import RATINGS, ObjectionForm, RatingForm, ReporterMessageForm, TrackForm
from simadu.tracking.services import (
    ReporterMessage,
    ReporterView,
    case_for_reporter,
    reporter_data_export,
    reporter_view,
)

GRANT_COOKIE = "simadu_lacak"
GRANT_SALT = "simadu.tracking"
GRANT_MAX_AGE = 30 * 60
GRANT_PATH = "/lacak"
# The one answer for an unknown tracking id and a wrong secret.
NOT_MATCHED = gettext_lazy("Nomor laporan atau kode rahasia tidak cocok.")

# The stages a reporter sees, in order; the other states show as one of these.
STAGES: tuple[str, ...] = (
    Status.RECEIVED,
    Status.VERIFYING,
    Status.ASSIGNED,
    Status.IN_PROGRESS,
    Status.RESPONDED,
    Status.CLOSED,
)
SHOWN_AS: dict[str, str] = {Status.AWAITING_INFO: Status.VERIFYING, Status.REOPENED: Status.IN_PROGRESS}
DUE_LABELS: dict[str, Promise] = {
    Status.AWAITING_INFO: gettext_lazy("Mohon jawab paling lambat"),
    Status.RESPONDED: gettext_lazy("Jika tidak ada tanggapan, laporan ditutup pada"),
}
DUE_LABEL_DEFAULT = gettext_lazy("Tahap ini paling lambat selesai")
WHO: dict[str, Promise] = {
    "staff": gettext_lazy("Petugas"),
    "reporter": gettext_lazy("Anda"),
    "system": gettext_lazy("Sistem"),
}


def _no_store(response: HttpResponse) -> HttpResponse:
    add_never_cache_headers(response)
    return response


def _grant(response: HttpResponse, request: HttpRequest, tracking_id: str) -> None:
    response.set_signed_cookie(
        GRANT_COOKIE,
        tracking_id,
        salt=GRANT_SALT,
        max_age=GRANT_MAX_AGE,
        path=GRANT_PATH,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE or request.is_secure(),
    )


def find_case(request: HttpRequest, form: forms.Form) -> tuple[Case | None, str, int]:
    """The case a valid form's tracking id and secret open, or None with the message and status to show.

    An unknown id and a wrong secret read the same; many failures from one client read 429.
    """
    if not form.is_valid():
        return None, str(NOT_MATCHED), 404
    try:
        case = case_for_reporter(
            request=request, tracking_id=form.cleaned_data["tracking_id"], secret=form.cleaned_data["secret"]
        )
    except RateLimited as limited:
        return None, str(limited.message), limited.status
    except NotFound:
        return None, str(NOT_MATCHED), 404
    return case, "", 200


@require_http_methods(["GET", "POST"])
def lookup(request: HttpRequest) -> HttpResponse:
    """Tracking id + secret in; a grant for that case out. Unknown id and wrong secret read the same."""
    form = TrackForm(request.POST if request.method == "POST" else None)
    error, status = "", 200
    if form.is_valid():
        case, error, status = find_case(request, form)
        status = 429 if status == 429 else 200  # the form is shown again with its message; only 429 is kept
        if case is not None:
            response = redirect("portal:track_case", tracking_id=case.tracking_id)
            _grant(response, request, case.tracking_id)
            return _no_store(response)
    return _no_store(render(request, "tracking/lookup.html", {"form": form, "error": error}, status=status))


CaseView = Callable[..., HttpResponse]


def with_grant(view: CaseView) -> CaseView:
    """Hand the view the case its grant cookie names, or send the reporter back to the lookup."""

    @wraps(view)
    def wrapped(request: HttpRequest, tracking_id: str) -> HttpResponse:
        granted = request.get_signed_cookie(
            GRANT_COOKIE, default=None, salt=GRANT_SALT, max_age=GRANT_MAX_AGE
        )
        case = None
        if granted and granted == tracking_id:
            case = (
                Case.objects.select_related("category", "unit", "forwarded_to")
                .filter(tracking_id=tracking_id)
                .first()
            )
        if case is None:
            messages.info(
                request,
                _(
                    "Masukkan nomor laporan dan kode rahasia Anda. Demi keamanan, akses berakhir setelah 30 menit."
                ),
            )
            return _no_store(redirect("portal:track"))
        response = view(request, case)
        # Each visit extends the grant, so a reporter writing a long answer is not locked out.
        _grant(response, request, case.tracking_id)
        return _no_store(response)

    return wrapped


@dataclass(frozen=True)
class Entry:
    item: ReporterMessage
    who: str
    question: bool


@dataclass(frozen=True)
class Stage:
    label: str
    state: str  # "done" | "current" | "todo"


def _stages(status: str) -> list[Stage]:
    """The progress line; empty for a case that left the ordinary path (forwarded, archived)."""
    shown = SHOWN_AS.get(status, status)
    if shown not in STAGES:
        return []
    position = STAGES.index(shown)
    result = []
    for i, stage in enumerate(STAGES):
        state = "done" if i < position else "current" if i == position else "todo"
        if stage == Status.CLOSED and shown == Status.CLOSED:
            state = "done"
        result.append(Stage(str(Status(stage).label), state))
    return result


def _case_page(
    request: HttpRequest,
    case: Case,
    *,
    message_form: Form | None = None,
    rating_form: Form | None = None,
    objection_form: Form | None = None,
    status: int = 200,
) -> HttpResponse:
    view: ReporterView = reporter_view(case)
    # While the case waits on the reporter, the latest question is the one to answer.
    questions = [i for i, item in enumerate(view.timeline) if item.kind == "request_info"]
    open_question = questions[-1] if view.awaiting_answer and questions else None
    timeline = [
        Entry(item, str(WHO.get(item.who, "")), i == open_question) for i, item in enumerate(view.timeline)
    ]
    context: dict[str, Any] = {
        "view": view,
        "timeline": timeline,
        "channel_label": Channel(case.channel).label,
        "stages": _stages(view.status),
        # A merged case's reporter is not the one asked to answer: the plain label.
        "due_label": DUE_LABEL_DEFAULT if view.merged else DUE_LABELS.get(view.status, DUE_LABEL_DEFAULT),
        "ratings": RATINGS,
        "message_form": message_form or ReporterMessageForm(),
        "rating_form": rating_form or RatingForm(),
        "objection_form": objection_form or ObjectionForm(),
    }
    return render(request, "tracking/case.html", context, status=status)


@require_GET
@with_grant
def case_page(request: HttpRequest, case: Case) -> HttpResponse:
    return _case_page(request, case)


def _failed(request: HttpRequest, form: Any, error: DomainError) -> int:
    """Put a refusal next to its field, or at the top of the page; answer its status."""
    if error.field in form.fields:
        form.apply_error(error)
    else:
        messages.error(request, str(error.message))
    return error.status


@require_POST
@with_grant
def case_message(request: HttpRequest, case: Case) -> HttpResponse:
    """The reporter answers a question or adds information and evidence."""
    form = ReporterMessageForm(request.POST, uploads=request.FILES.getlist("files"))
    status = 422
    if form.is_valid():
        try:
            case_reporter_message(case=case, text=form.cleaned_data["text"], files=form.checked_files)
        except DomainError as error:
            status = _failed(request, form, error)
        else:
            messages.success(request, _("Terima kasih. Pesan Anda sudah kami terima."))
            return redirect("portal:track_case", tracking_id=case.tracking_id)
    return _case_page(request, case, message_form=form, status=status)


@require_POST
@with_grant
def case_rating(request: HttpRequest, case: Case) -> HttpResponse:
    """The reporter rates the answer, once."""
    form = RatingForm(request.POST)
    status = 422
    if form.is_valid():
        try:
            case_rate(case=case, rating=form.cleaned_data["rating"], comment=form.cleaned_data["comment"])
        except DomainError as error:
            status = _failed(request, form, error)
        else:
            messages.success(request, _("Terima kasih atas penilaian Anda."))
            return redirect("portal:track_case", tracking_id=case.tracking_id)
    return _case_page(request, case, rating_form=form, status=status)


@require_POST
@with_grant
def case_objection(request: HttpRequest, case: Case) -> HttpResponse:
    """The reporter objects to the answer, once: the case is handled again."""
    form = ObjectionForm(request.POST)
    status = 422
    if form.is_valid():
        try:
            case_object(case=case, reason=form.cleaned_data["reason"])
        except DomainError as error:
            status = _failed(request, form, error)
        else:
            messages.success(request, _("Keberatan Anda sudah kami terima. Laporan akan ditangani kembali."))
            return redirect("portal:track_case", tracking_id=case.tracking_id)
    return _case_page(request, case, objection_form=form, status=status)


@require_GET
@with_grant
def case_data_export(request: HttpRequest, case: Case) -> HttpResponse:
    """The reporter's own data as a JSON file (UU 27/2022 Pasal 32); the grant makes it never cached."""
    data = reporter_data_export(case=case, via="web")
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="data-saya-{case.tracking_id}.json"'
    return response


@require_POST
def leave(request: HttpRequest) -> HttpResponse:
    """End the grant now (a shared phone): the next visit asks for the secret again."""
    response = redirect("portal:track")
    response.delete_cookie(GRANT_COOKIE, path=GRANT_PATH, samesite="Lax")
    messages.info(request, _("Anda sudah keluar dari halaman laporan."))
    return _no_store(response)
