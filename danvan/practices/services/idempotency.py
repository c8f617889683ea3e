"""API registrations with an `Idempotency-Key`: a retried request never registers twice.

The key is stored in the same transaction as the practice; two concurrent requests with the same
key collide on the unique constraint, and the loser answers with the winner's practice.
"""

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from danvan.accounts.scope import UserScope
from danvan.practices.errors import InvalidInput
from danvan.practices.models import Practice, RegistrationKey
from danvan.practices.services.registration import practice_register

KEY_LIFETIME = dt.timedelta(hours=24)


def _previous(user: Any, key: str, request_hash: str) -> Practice | None:
    record = (
        RegistrationKey.objects.filter(user=user, key=key, created_at__gte=timezone.now() - KEY_LIFETIME)
        .select_related("practice")
        .first()
    )
    if record is None:
        return None
    if record.request_hash != request_hash:
        raise InvalidInput(
            "idempotency_key_reused",
            "Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác; hãy dùng khóa mới.",
        )
    return record.practice


def practice_register_once(
    *, actor: Any, scope: UserScope, key: str, request_hash: str, **registration: Any
) -> tuple[Practice, bool]:
    """practice_register, remembered under `key`; returns (practice, created)."""
    previous = _previous(actor, key, request_hash)
    if previous is not None:
        return previous, False
    try:
        with transaction.atomic():
            RegistrationKey.objects.filter(  # an expired use of the same key
                user=actor, key=key, created_at__lt=timezone.now() - KEY_LIFETIME
            ).delete()
            practice = practice_register(actor=actor, scope=scope, **registration)
            RegistrationKey.objects.create(user=actor, key=key, request_hash=request_hash, practice=practice)
    except IntegrityError:
        previous = _previous(actor, key, request_hash)
        if previous is None:
            raise
        return previous, False
    return practice, True
