"""Audit entries form a hash chain: each entry's hash covers its content and the previous hash.

`AuditHead` is a single row that every writer locks, so entries are chained in one
order even with many web workers. The table is append-only by convention and by the
verifier: any change, deletion or reordering breaks the chain at that entry.
"""

from __future__ import annotations

from django.db import models


class AuditEntry(models.Model):
    seq = models.BigIntegerField(unique=True)
    at = models.DateTimeField()
    actor = models.CharField(max_length=150)  # "user:<id>", "reporter", "system"
    action = models.CharField(max_length=60)  # e.g. case.assign, case.identity_read
    object_type = models.CharField(max_length=40)
    object_id = models.CharField(max_length=40)
    data = models.JSONField(default=dict)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["seq"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.object_type}:{self.object_id}"


class AuditHead(models.Model):
    seq = models.BigIntegerField(default=0)
    hash = models.CharField(max_length=64, default="0" * 64)

    def __str__(self) -> str:
        return f"head #{self.seq}"
