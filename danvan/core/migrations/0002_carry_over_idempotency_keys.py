"""Carry the per-app Idempotency-Key records (accounts.IdempotencyKey, practices.RegistrationKey,
documents.GeneratedDocument.idempotency_key) into core.IdempotencyRecord.

Only records still inside the 24-hour retention are copied (older ones answered nothing already).
Their hashes were computed over a different text, so they are copied with an empty fingerprint:
a retry still gets the resource created the first time. Operation names become the operationIds.
"""

import datetime as dt

from django.db import migrations
from django.utils import timezone

RETENTION = dt.timedelta(hours=24)
OPERATIONS = {
    "users.create": ("users_create", "accounts.user"),
    "meetings.create": ("meetings_create", "meetings.meeting"),
    "directives.create": ("directives_create", "meetings.directive"),
    "supervisions.create": ("supervisions_create", "meetings.supervision"),
    "petitions.create": ("petitions_create", "petitions.petition"),
    "campaigns.create": ("campaigns_create", "campaigns.campaign"),
    "campaigns.contribution": ("campaigns_add_contribution", "campaigns.contribution"),
    "campaigns.distribution": ("campaigns_add_distribution", "campaigns.distribution"),
}


def carry_over(apps, schema_editor):
    Record = apps.get_model("core", "IdempotencyRecord")
    since = timezone.now() - RETENTION
    rows = []
    for old in apps.get_model("accounts", "IdempotencyKey").objects.filter(created_at__gte=since):
        operation, resource_type = OPERATIONS.get(old.operation, (old.operation.replace(".", "_"), ""))
        rows.append((old.user_id, operation, old.key, resource_type, old.object_id, old.created_at))
    for old in apps.get_model("practices", "RegistrationKey").objects.filter(created_at__gte=since):
        rows.append((old.user_id, "practices_register", old.key, "practices.practice", old.practice_id, old.created_at))
    documents = apps.get_model("documents", "GeneratedDocument").objects.filter(created_at__gte=since)
    for old in documents.exclude(idempotency_key=""):
        rows.append((old.requested_by_id, "documents_request", old.idempotency_key, "documents.generateddocument", old.pk, old.created_at))
    Record.objects.bulk_create(
        [
            Record(
                caller=f"user:{user_id}",
                user_id=user_id,
                operation=operation,
                key=key,
                fingerprint="",
                resource_type=resource_type,
                object_id=str(object_id),
                created_at=created_at,
            )
            for user_id, operation, key, resource_type, object_id, created_at in rows
        ],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("accounts", "0003_totp_recovery_codes"),
        ("practices", "0003_registration_key"),
        ("documents", "0001_initial"),
    ]

    operations = [migrations.RunPython(carry_over, migrations.RunPython.noop)]
