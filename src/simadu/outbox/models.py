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
        WHATSAPP = "whatsapp", "WhatsApp"
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
    # The case it is about (shown on the case page with its state and failure reason); none for staff mail
    # about many cases.
    case = models.ForeignKey(
        "cases.Case", on_delete=models.SET_NULL, null=True, blank=True, related_name="outbox_messages"
    )
    # E-mail: our Message-ID, so a reply's In-Reply-To / References finds the case again.
    message_id = models.CharField(max_length=200, blank=True, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["state", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.topic} ({self.state})"


class MessageTemplate(models.Model):
    """The words of one notification, editable by administrators (Indonesian first; English optional).

    `subject` and `body` use `{placeholders}` from a fixed list per key (tracking_id, stage, url, date,
    agency, reason, …); a template that names an unknown placeholder is refused when saved.
    """

    key = models.CharField(max_length=60)
    language = models.CharField(
        max_length=5, default="id", choices=[("id", "Bahasa Indonesia"), ("en", "English")]
    )
    subject = models.CharField(max_length=200, blank=True)  # e-mail only; SMS/WhatsApp use the body
    body = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["key", "language"]
        verbose_name = "templat pesan"
        verbose_name_plural = "templat pesan"
        constraints = [models.UniqueConstraint(fields=["key", "language"], name="template_key_language")]

    def __str__(self) -> str:
        return f"{self.key} ({self.language})"


class InboundMail(models.Model):
    """Every e-mail `simadu mailgate` took, by Message-ID, so the same message delivered twice files nothing."""

    message_id = models.CharField(max_length=300, unique=True)
    received_at = models.DateTimeField()
    case = models.ForeignKey("cases.Case", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    outcome = models.CharField(max_length=20)  # new_report | reply | refused

    class Meta:
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return self.message_id
