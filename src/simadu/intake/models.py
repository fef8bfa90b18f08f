"""Idempotency: a retried submission with the same key returns the first answer."""

from __future__ import annotations

from django.db import models


class IdempotencyRecord(models.Model):
    key_hash = models.CharField(max_length=64, unique=True)  # sha256 of the client's key
    request_hash = models.CharField(max_length=64)
    response = models.BinaryField()  # sealed: it holds the reporter's secret
    data_key = models.BinaryField()
    created_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.key_hash[:12]
