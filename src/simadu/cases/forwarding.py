"""Dialihkan: a case handed to an agency outside the ministry, and what that agency did with it.

Forwarding ends SIMADU's handling (the case is `forwarded`), not its duty to the reporter:
the reporter reads where the case went, why, the agency's own number for it and how to
reach the agency; Itjen asks the agency what became of it by `follow_up_due_at` (the
SLA policy's `forward_follow_up` stage, in working days) and records the answer.
The reminder when that date passes is sent by the deadlines sweep.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from simadu.audit.services import audit_record
from simadu.cases import notifications
from simadu.cases.models import Case, CaseEvent, ForwardChannel, Forwarding
from simadu.cases.services import Actor, _event, _locked, transition
from simadu.confidentiality.policy import can
from simadu.core import clock
from simadu.core.errors import Conflict, InvalidInput, PermissionDenied
from simadu.deadlines.calendar import end_of_calendar_day, end_of_working_day, zone_of
from simadu.deadlines.policy import policy_for
from simadu.triage.models import Unit
from simadu.triage.services import triage_example_from_case

OUTCOME_ACTION = "forward_outcome"


def default_channel(agency: Unit) -> str:
    """How a case goes to `agency` unless the verifier picks otherwise: the agency's own, else SP4N-LAPOR!."""
    return (
        agency.forward_channel
        if agency.forward_channel in ForwardChannel.values
        else ForwardChannel.SP4N_LAPOR
    )


def follow_up_due(case: Case, now: Any) -> Any:
    """When Itjen asks the agency what it did: end of the working day the policy's days after now."""
    rule = policy_for(
        stage="forward_follow_up",
        channel=case.channel,
        report_type=case.report_type,
        supervisory=case.supervisory,
    )
    zone = zone_of(case)
    if rule.calendar_days:
        return end_of_calendar_day(now, rule.days, zone)
    return end_of_working_day(now, rule.days, zone)


def reporter_message(*, agency: Unit, reason: str, reference: str) -> str:
    """What the reporter reads on their page and timeline: where the case went, why, its number there, whom to call.

    Written in Indonesian (the case's language), whatever language the verifier's screen is in.
    """
    with translation.override("id"):
        lines = [
            _("Laporan Anda kami alihkan ke %(agency)s, karena instansi itulah yang berwenang menanganinya.")
            % {"agency": agency.name},
            _("Alasannya: %(reason)s") % {"reason": reason},
        ]
        if reference:
            lines.append(
                _(
                    "Nomor laporan Anda di %(agency)s: %(reference)s. Sebutkan nomor ini bila menghubungi mereka."
                )
                % {"agency": agency.name, "reference": reference}
            )
        if agency.contact:
            lines.append(
                _("Cara menghubungi %(agency)s: %(contact)s")
                % {"agency": agency.name, "contact": agency.contact}
            )
        lines.append(
            _("Kami akan menanyakan tindak lanjutnya kepada %(agency)s dan mengabari Anda di halaman ini.")
            % {"agency": agency.name}
        )
    return "\n\n".join(lines)


@transaction.atomic
def case_forward(
    *, case: Case, actor: Actor, agency: Unit, channel: str, reason: str, reference: str = ""
) -> Case:
    """Dialihkan: hand the case to an outside agency, with the reason, the reference and the agency's contact."""
    case = _locked(case)
    if agency.internal or not agency.active:
        raise InvalidInput(_("Pilih instansi di luar kementerian."), field="agency")
    channel = channel or default_channel(agency)
    if channel not in ForwardChannel.values:
        raise InvalidInput(_("Pilih cara pengalihan."), field="channel")
    reason, reference = reason.strip(), reference.strip()[:100]
    if not reason:
        raise InvalidInput(_("Tulis alasan pengalihan untuk pelapor."), field="reason")
    now = clock.now()
    case.forwarded_to, case.forward_reference = agency, reference
    case = transition(
        case=case,
        action="forward",
        actor=actor,
        body=reporter_message(agency=agency, reason=reason, reference=reference),
        public=True,
        data={"agency": agency.pk, "reference": reference, "channel": channel},
    )
    Forwarding.objects.create(
        case=case,
        agency=agency,
        channel=channel,
        reference=reference,
        reason=reason,
        forwarded_at=now,
        forwarded_by=actor,
        follow_up_due_at=follow_up_due(case, now),
    )
    triage_example_from_case(case=case, actor=actor)  # forwarded elsewhere than suggested: a correction
    return case


@transaction.atomic
def forwarding_record_outcome(*, case: Case, actor: Actor, outcome: str, tell_reporter: bool) -> Forwarding:
    """Record what the agency said it did; with `tell_reporter`, the reporter reads it on their page too."""
    if not can(actor, "case.forward_outcome", case):
        raise PermissionDenied()
    case = _locked(case)
    forwarding = Forwarding.objects.select_for_update().select_related("agency").filter(case=case).first()
    if forwarding is None:
        raise Conflict(_("Laporan ini tidak dialihkan ke instansi lain."), code="not_forwarded")
    outcome = outcome.strip()
    if not outcome:
        raise InvalidInput(_("Tulis apa yang sudah dilakukan instansi tujuan."), field="outcome")
    now = clock.now()
    forwarding.followed_up_at, forwarding.agency_outcome = now, outcome
    forwarding.save(update_fields=["followed_up_at", "agency_outcome"])
    _event(
        case,
        kind=CaseEvent.Kind.FORWARD_FOLLOW_UP,
        action=OUTCOME_ACTION,
        actor=actor,
        body=outcome,
        data={"agency": forwarding.agency_id, "told_reporter": tell_reporter},
    )
    if tell_reporter:
        with translation.override("id"):
            told = _("Kabar dari %(agency)s per %(date)s: %(outcome)s") % {
                "agency": forwarding.agency.name,
                "date": date_format(now.astimezone(zone_of(case)), "j F Y"),
                "outcome": outcome,
            }
        _event(
            case,
            kind=CaseEvent.Kind.FORWARD_FOLLOW_UP,
            action=OUTCOME_ACTION,
            actor=actor,
            body=told,
            public=True,
            data={"agency": forwarding.agency_id},
        )
        notifications.notify_reporter(case, "reply")
    audit_record(
        actor=actor,
        action="case.forward_outcome",
        obj_type="case",
        obj_id=case.tracking_id,
        data={"agency": forwarding.agency_id, "told_reporter": tell_reporter},
    )
    return forwarding
