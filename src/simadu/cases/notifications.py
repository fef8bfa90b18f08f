"""What the reporter is told, and when. Messages leave only through the outbox.

A message names the tracking id and the stage in plain words, never the report's
content: a phone or mailbox can be read by someone else (and for WBS, by the
reported official).
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from simadu.cases.models import Case
from simadu.cases.workflow import REPORTER_WORDS
from simadu.outbox.services import outbox_enqueue

NOTIFY_ON = frozenset({"received", "request_info", "reply", "respond", "forward", "archive", "close"})


def notify_reporter(case: Case, what: str) -> None:
    """Queue an e-mail to the reporter, if they left an address, about `what` just happened."""
    if what not in NOTIFY_ON or not case.has_contact:
        return
    from simadu.confidentiality.sealing import identity_of

    email = identity_of(case).get("email")
    if not email:
        return
    with translation.override("id"):
        subject = _("[SIMADU] Perkembangan laporan %(id)s") % {"id": case.tracking_id}
        if what == "reply":
            stage = _("Petugas mengirim pesan baru untuk Anda.")
        else:
            stage = str(REPORTER_WORDS[case.status])
        body = "\n\n".join(
            [
                _("Yth. Pelapor,"),
                stage,
                _("Nomor laporan: %(id)s") % {"id": case.tracking_id},
                _("Lihat perkembangan dan balas di %(url)s/lacak dengan nomor laporan dan kode rahasia Anda.")
                % {"url": settings.SIMADU_PUBLIC_URL},
                _(
                    "Pesan ini dikirim otomatis oleh SIMADU, Inspektorat Jenderal Kementerian Ketenagakerjaan."
                ),
            ]
        )
    outbox_enqueue(
        kind="email", topic=f"case.{what}", payload={"to": email, "subject": subject, "body": body}
    )
