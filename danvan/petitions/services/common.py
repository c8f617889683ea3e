"""What the write services share: one history event plus one audit event per step."""

from functools import partial
from typing import Any

from django.db import transaction

from danvan.audit.services import audit_record
from danvan.petitions.models import Event, Petition

CITIZEN, SYSTEM = "công dân", "hệ thống"
# Steps the sender is told about by e-mail when they asked for updates.
NOTIFIED = {"accept", "reject", "answer", "transfer_out", "reopen", "close", "extend"}


def record_step(
    *,
    actor: Any,
    petition: Petition,
    action: str,
    note: str = "",
    from_status: str = "",
    changes: dict[str, Any] | None = None,
    by_system: bool = False,
) -> None:
    """The item's history row and the audit event of one step. Never put a citizen's name or
    contacts in `note` or `changes`: both are read by people who may not see the identity."""
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    to_status = petition.status if from_status and from_status != petition.status else ""
    Event.objects.create(
        petition=petition,
        action=action,
        from_status=from_status if to_status else "",
        to_status=to_status,
        note=note,
        actor=actor if is_user else None,
        actor_label=str(actor)[:150] if is_user else (SYSTEM if by_system else CITIZEN),
    )
    audit_changes = dict(changes or {})
    if to_status:
        audit_changes["status"] = [from_status, to_status]
    if note:
        audit_changes["note"] = [None, note[:500]]
    audit_record(
        actor=actor, action=f"petition.{action}", obj=petition, unit=petition.unit, changes=audit_changes
    )
    if action in NOTIFIED and petition.wants_updates and petition.citizen_email:
        from danvan.petitions.tasks import notify_citizen  # tasks import the services

        transaction.on_commit(partial(notify_citizen.enqueue, petition.pk, action))
