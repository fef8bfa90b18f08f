"""Outgoing messages, written in the transaction of the change that causes them.

The recipient and body are sealed (a reporter's e-mail address is an identity);
only the kind, state and attempt bookkeeping are plain.
"""

from __future__ import annotations

from django.db import models


class OutboxMessage(models.Model):
    class Kind(models.TextChoices):
        EMAIL = "email", "e-mail"
        SMS = "sms", "SMS"
        WEBHOOK = "webhook", "webhook"

    class State(models.TextChoices):
        PENDING = "pending", "menunggu"
        SENT = "sent", "terkirim"
        HELD = "held", "ditahan (tidak ada server)"
        FAILED = "failed", "gagal"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    topic = models.CharField(max_length=60)  # e.g. case.reply, for statistics and templates
    data_key = models.BinaryField()
    payload = models.BinaryField()  # sealed JSON: {"to", "subject", "body", ...}
    created_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    last_error = models.CharField(max_length=500, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["state", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.topic} ({self.state})"
