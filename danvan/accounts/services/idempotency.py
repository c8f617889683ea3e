"""Remembering the Idempotency-Key of an API create, so that a retried request creates nothing new.

A technical record of the API, not a domain change: it is not audited (the create it guards is).
"""

from django.db import transaction
from django.utils import timezone

from danvan.accounts.models import IDEMPOTENCY_KEY_LIFETIME, IdempotencyKey, User


def idempotency_key_record(
    *, user: User, operation: str, key: str, request_hash: str, object_id: str
) -> IdempotencyKey:
    with transaction.atomic():
        IdempotencyKey.objects.filter(created_at__lt=timezone.now() - IDEMPOTENCY_KEY_LIFETIME).delete()
        return IdempotencyKey.objects.create(
            user=user, operation=operation, key=key, request_hash=request_hash, object_id=object_id
        )
