"""Audit events: one row per state-changing service call. Append-only."""

from typing import Any

from django.conf import settings
from django.db import models


class AuditEvent(models.Model):
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=80, db_index=True)
    object_type = models.CharField(max_length=80, db_index=True)
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(max_length=255, blank=True)
    unit = models.ForeignKey(
        "territory.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    unit_path = models.CharField(max_length=64, blank=True, db_index=True)
    changes = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_repr}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Guard of the append-only invariant, not domain logic: an event is never rewritten.
        if self.pk is not None:
            raise RuntimeError("Audit events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise RuntimeError("Audit events are never deleted by the application.")

    @property
    def change_rows(self) -> list[dict[str, Any]]:
        """The changes as rows for display: a changed field shows old → new, a count its value."""
        rows = []
        for name, value in (self.changes or {}).items():
            is_pair = isinstance(value, list) and len(value) == 2
            rows.append(
                {
                    "field": name,
                    "is_pair": is_pair,
                    "old": value[0] if is_pair else None,
                    "new": value[1] if is_pair else value,
                }
            )
        return rows
