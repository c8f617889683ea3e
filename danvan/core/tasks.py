"""Background work of the core: the daily purge of expired Idempotency-Key records."""

from django.tasks import task

from danvan.core.api.idempotency import purge_expired


@task()
def purge_idempotency_records() -> int:
    """Daily: forget the Idempotency-Keys past their 24-hour retention. Idempotent."""
    return purge_expired()
