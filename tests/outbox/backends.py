"""Mail backends that stand in for a mail server that refuses, so the outbox's retries can be watched."""

from __future__ import annotations

import smtplib
from collections.abc import Sequence
from typing import Any

from django.core.mail.backends.base import BaseEmailBackend


class RefusingBackend(BaseEmailBackend):
    """A server that refuses every recipient, quoting the address back as real servers do."""

    calls = 0

    def send_messages(self, email_messages: Sequence[Any]) -> int:
        RefusingBackend.calls += 1
        refused = {
            to: (550, f"5.1.1 <{to}>: Recipient address rejected: User unknown".encode())
            for message in email_messages
            for to in message.to
        }
        raise smtplib.SMTPRecipientsRefused(refused)
