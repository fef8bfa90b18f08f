"""The public pages: Pusat Bantuan, the one report form, its receipt, and the region picker.

Thin views: the form checks input through `intake.services.validate_submission`,
`intake.services.report_submit` files the report, and the receipt is rendered in the
answer to the POST itself, so the secret is never stored or put in a URL.
"""

from __future__ import annotations

import dataclasses
import secrets
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from simadu.cases.duplicates import followable_case, public_suggestions
from simadu.cases.models import Case, Channel
from simadu.core import ratelimit, regions
from simadu.core.errors import Conflict, DomainError, RateLimited
from simadu.intake.services import TEXT_MAX, TITLE_MAX, idempotent, report_submit
from simadu.portal.forms import ReceiptForm, ReportForm, TrackForm
from simadu.tracking.views import find_case

# Suggestions while typing: one request per pause, from one client (which may be a whole factory behind
# one address), so the limit is generous; it only stops a script from sweeping the open reports.
SIMILAR_LIMIT = 300
SIMILAR_WINDOW = 10 * 60


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html")


@require_http_methods(["GET", "POST"])
def report(request: HttpRequest) -> HttpResponse:
    """GET shows the form (a channel may be preselected with ?kanal=); POST files it and shows the receipt."""
    if request.method == "POST":
        form = ReportForm(request.POST, uploads=request.FILES.getlist("files"))
        if form.is_valid() and form.submission is not None:
            try:
                case, secret = _file_once(form)
            except DomainError as error:
                form.apply_error(error)
            else:
                return _receipt(request, case, secret)
        context = {"form": form, "files_lost": bool(form.uploads), **_similar_context(request.POST)}
        response = render(request, "portal/report_form.html", context, status=422)
        add_never_cache_headers(response)
        return response
    chosen = request.GET.get("kanal", "")
    form = ReportForm(
        initial={
            "channel": chosen if chosen in Channel.values else "",
            "submission_key": secrets.token_urlsafe(24),
        }
    )
    return render(request, "portal/report_form.html", {"form": form})


def _file_once(form: ReportForm) -> tuple[Case, str]:
    """File the report; the same form sent twice (a double tap) answers with the first receipt."""
    submission = form.submission
    if submission is None:  # the view calls this only for a valid form, which always carries one
        raise ValueError("a report form without a submission cannot be filed")
    key = form.cleaned_data.get("submission_key") or None
    # A similar report the reporter chose to follow, if it may still be followed; else theirs is filed alone.
    follow = followable_case(form.cleaned_data.get("follow") or "")
    fingerprint = {
        **dataclasses.asdict(submission),
        "files": [(f.name, len(f.data)) for f in form.checked_files],
        "follow": follow.pk if follow else None,
    }

    def produce() -> dict[str, Any]:
        case, secret = report_submit(submission=submission, files=form.checked_files, follow=follow)
        return {"tracking_id": case.tracking_id, "secret": secret}

    try:
        answer, _ = idempotent(f"web:{key}" if key else None, fingerprint, produce)
    except Conflict:
        # The page was reused for a different story (back button, edits): that is a new report.
        answer, _ = idempotent(None, fingerprint, produce)
    return Case.objects.select_related("category").get(tracking_id=answer["tracking_id"]), answer["secret"]


def _receipt(request: HttpRequest, case: Case, secret: str) -> HttpResponse:
    response = render(
        request,
        "portal/receipt.html",
        {
            "case": case,
            "secret": secret,
            "channel_label": Channel(case.channel).label,
            "download_form": ReceiptForm(initial={"tracking_id": case.tracking_id, "secret": secret}),
        },
    )
    add_never_cache_headers(response)
    return response


@require_POST
def similar_reports(request: HttpRequest) -> HttpResponse:
    """htmx: while the reporter types the story, up to three similar open reports they may follow instead.

    Never their content or reporter (`cases.duplicates.public_suggestions`). POST, so the story is not
    written into any access log; limited per client like the other public doors.
    """
    try:
        ratelimit.check("similar", request, limit=SIMILAR_LIMIT)
    except RateLimited:
        return HttpResponse(status=429)  # htmx keeps the box as it was
    ratelimit.hit("similar", request, window=SIMILAR_WINDOW)
    response = render(request, "portal/_similar.html", _similar_context(request.POST))
    add_never_cache_headers(response)
    return response


def _similar_context(data: QueryDict) -> dict[str, Any]:
    if data.get("channel") == Channel.WBS:
        return {"suggestions": [], "following": False}  # a WBS report never follows another
    suggestions = public_suggestions(
        text=str(data.get("text", ""))[:TEXT_MAX],
        title=str(data.get("title", ""))[:TITLE_MAX],
        follow=str(data.get("follow", "")),
    )
    return {"suggestions": suggestions, "following": any(s.chosen for s in suggestions)}


@require_POST
def receipt_download(request: HttpRequest) -> HttpResponse:
    """The receipt as a UTF-8 text file, for the reporter who still holds the tracking id and secret."""
    form = ReceiptForm(request.POST)
    case, message, status = find_case(request, form)
    if case is not None:
        text = render_to_string(
            "portal/receipt.txt",
            {
                "case": case,
                "secret": form.cleaned_data["secret"],
                "channel_label": Channel(case.channel).label,
                "track_url": _public_url(request, reverse("portal:track")),
            },
            request=request,
        )
        response = HttpResponse(text, content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="tanda-terima-{case.tracking_id}.txt"'
        add_never_cache_headers(response)
        return response
    response = render(request, "tracking/lookup.html", {"form": TrackForm(), "error": message}, status=status)
    add_never_cache_headers(response)
    return response


def _public_url(request: HttpRequest, path: str) -> str:
    base = getattr(settings, "SIMADU_PUBLIC_URL", "")
    return f"{base}{path}" if base else request.build_absolute_uri(path)


@require_GET
def regency_options(request: HttpRequest) -> HttpResponse:
    """htmx: the <option>s of the regency select for one province (all, grouped, when none is chosen)."""
    province = request.GET.get("province") or request.GET.get("province_code") or ""
    context: dict[str, Any] = {}
    if province in regions.provinces():
        context["options"] = regions.regencies_of(province)
    else:
        context["groups"] = [
            (p, regions.regencies_of(p.code))
            for p in sorted(regions.provinces().values(), key=lambda r: r.name)
        ]
    return render(request, "portal/_regency_options.html", context)
