"""Moving a practice through its lifecycle; every step keeps its reason and actor.

registered → in progress → reviewed at 6 months → evaluated → recognised / not recognised →
outstanding → commended; paused and stopped from any active state. Replication is recorded as
new practices linked to their source (services.replication), not as a status.
"""

from typing import Any

from django.db import transaction

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.audit.services import audit_record
from danvan.core.errors import Conflict, PermissionDenied
from danvan.practices.errors import InvalidInput
from danvan.practices.models import Practice, Status
from danvan.practices.services.tally import footprint, tally_apply

S = Status
TRANSITIONS: dict[str, tuple[str, ...]] = {
    S.REGISTERED: (S.IN_PROGRESS, S.PAUSED, S.STOPPED),
    S.IN_PROGRESS: (S.REVIEWED, S.EVALUATED, S.PAUSED, S.STOPPED),
    S.REVIEWED: (S.IN_PROGRESS, S.EVALUATED, S.PAUSED, S.STOPPED),
    S.EVALUATED: (S.RECOGNIZED, S.NOT_RECOGNIZED),
    S.RECOGNIZED: (S.OUTSTANDING, S.COMMENDED, S.PAUSED, S.STOPPED),
    S.OUTSTANDING: (S.COMMENDED, S.PAUSED, S.STOPPED),
    S.COMMENDED: (S.PAUSED, S.STOPPED),
    S.NOT_RECOGNIZED: (S.IN_PROGRESS, S.STOPPED),
    S.PAUSED: (S.IN_PROGRESS, S.STOPPED),
    S.STOPPED: (),
}
# Steps that only a leader (approver) may take; the rest a reporter of the unit may take.
APPROVER_STEPS = {S.EVALUATED, S.RECOGNIZED, S.NOT_RECOGNIZED, S.OUTSTANDING, S.COMMENDED}
REASON_REQUIRED = {S.NOT_RECOGNIZED, S.PAUSED, S.STOPPED}


def allowed_targets(practice: Practice, scope: UserScope) -> list[str]:
    """The statuses this user may move the practice to now (for buttons and the API)."""
    role = (
        Role.APPROVER
        if scope.covers(practice.unit, Role.APPROVER)
        else (Role.REPORTER if scope.covers(practice.unit, Role.REPORTER) else None)
    )
    if role is None:
        return []
    targets = TRANSITIONS.get(practice.status, ())
    return [t for t in targets if role == Role.APPROVER or t not in APPROVER_STEPS]


def _check(practice: Practice, to: str, reason: str, scope: UserScope) -> None:
    if to not in Status.values:
        raise InvalidInput(
            "invalid_status", f"Trạng thái «{to}» không tồn tại.", errors={"to": ["Không hợp lệ."]}
        )
    if to not in TRANSITIONS.get(practice.status, ()):
        raise InvalidInput(
            "illegal_transition",
            f"Không thể chuyển từ «{Status(practice.status).label}» sang «{Status(to).label}».",
            errors={"to": ["Bước chuyển không hợp lệ."]},
        )
    if to not in allowed_targets(practice, scope):
        raise PermissionDenied("Bước này cần lãnh đạo có quyền duyệt của đơn vị.")
    if to in REASON_REQUIRED and not reason.strip():
        raise InvalidInput(
            "reason_required", "Cần ghi rõ lý do cho bước này.", errors={"reason": ["Bắt buộc."]}
        )


@transaction.atomic
def practice_transition(
    *,
    actor: Any,
    scope: UserScope,
    practice: Practice,
    to: str,
    reason: str = "",
    expected_version: int | None = None,
) -> Practice:
    """One step; with the version the user saw, a step someone took meanwhile is a conflict (409)."""
    locked = (
        Practice.objects.select_for_update(of=("self",)).select_related("unit", "field").get(pk=practice.pk)
    )
    if expected_version is not None and locked.version != expected_version:
        raise Conflict(
            "stale_version",
            f"Mô hình vừa được người khác chuyển sang «{Status(locked.status).label}»; "
            "hãy tải lại trang để xem tình trạng mới.",
        )
    _check(locked, to, reason, scope)
    before, counted_before = locked.status, footprint(locked)
    locked.status = to
    locked.version += 1
    locked.save(update_fields=["status", "version", "updated_at"])
    tally_apply(before=counted_before, after=footprint(locked))
    locked.status_changes.create(from_status=before, to_status=to, reason=reason.strip(), actor=actor)
    audit_record(
        actor=actor,
        action="practice.transition",
        obj=locked,
        unit=locked.unit,
        changes={"status": [before, to], **({"reason": [None, reason.strip()]} if reason.strip() else {})},
    )
    return locked
