"""Tables every domain shares: the one record of `Idempotency-Key`s of API creates."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone

IDEMPOTENCY_RETENTION = dt.timedelta(hours=24)
# The largest id a row can have (BigAutoField, signed 64 bits): a larger number in a request names
# nothing, and must be refused before it reaches the database (SQLite cannot even bind it).
MAX_ID = 2**63 - 1


class IdempotencyRecord(models.Model):
    """An `Idempotency-Key` a caller used for one API create, and the resource it created.

    `caller` is `user:<id>` for a token (every token of a user shares its keys) or `address:<hash>`
    for a public operation. A retry with the same key and the same request (`fingerprint`) answers
    with the resource created the first time; a different request answers 422. Records older than
    IDEMPOTENCY_RETENTION are ignored and purged by the daily jobs. An empty fingerprint marks a
    record carried over from the per-app tables of before (their hash was computed differently): it
    still returns its resource, whatever the body.
    """

    caller = models.CharField(max_length=80)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    operation = models.CharField(max_length=80, help_text="operationId của thao tác trong OpenAPI")
    key = models.CharField(max_length=200)
    fingerprint = models.CharField(max_length=64, blank=True)
    resource_type = models.CharField(max_length=100, help_text="app_label.model của bản ghi đã tạo")
    object_id = models.CharField(max_length=200, help_text="khóa chính (các khóa chính, cách nhau dấu phẩy)")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "khóa chống gửi trùng"
        verbose_name_plural = "khóa chống gửi trùng"
        constraints = [
            models.UniqueConstraint(fields=["caller", "operation", "key"], name="idempotency_record_unique")
        ]

    def __str__(self) -> str:
        return f"{self.operation} {self.key}"
