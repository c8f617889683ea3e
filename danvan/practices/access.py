"""Who may see and change Dân vận khéo records.

- Inside a user's subtree (history included): every record, drafts too.
- Outside it: only recognised records (công nhận, tiêu biểu, đã khen thưởng), so that a commune
  can find proven models elsewhere and copy them. Drafts of other units answer 404.
- Registering and updating: reporter or above on the record's unit. Evaluating, recognising and
  commending: approver or above.
"""

from django.db.models import Q, QuerySet

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.core.errors import NotFound, PermissionDenied
from danvan.practices.models import RECOGNIZED_STATUSES, Practice
from danvan.territory.models import PATH_SEGMENT

_HI = "9" * (PATH_SEGMENT * 4)

READ, UPDATE, APPROVE = "read", "update", "approve"
_MIN_ROLE = {READ: Role.VIEWER, UPDATE: Role.REPORTER, APPROVE: Role.APPROVER}


def _subtree_q(paths: list[str]) -> Q:
    query = Q(pk__in=[])
    for path in paths:
        query |= Q(unit_path__gte=path, unit_path__lte=path + _HI)
    return query


def visible_practices(scope: UserScope) -> QuerySet[Practice]:
    if not scope.is_authenticated:
        return Practice.objects.none()
    if scope.is_system_admin:
        return Practice.objects.all()
    return Practice.objects.filter(_subtree_q(scope.read_paths()) | Q(status__in=RECOGNIZED_STATUSES))


def can(scope: UserScope, practice: Practice, action: str) -> bool:
    if scope.is_system_admin:
        return True
    paths = scope.read_paths(_MIN_ROLE[action]) if action == READ else scope.paths(_MIN_ROLE[action])
    inside = any(practice.unit_path.startswith(path) for path in paths)
    return inside or (action == READ and scope.is_authenticated and practice.status in RECOGNIZED_STATUSES)


def access_practice(scope: UserScope, practice_id: int, action: str = READ) -> Practice:
    """The practice if the user may `action` it; 404 alike when missing or not visible."""
    practice = (
        Practice.objects.select_related("unit", "field", "organization", "person", "source")
        .filter(pk=practice_id)
        .first()
    )
    if practice is None or not can(scope, practice, READ):
        raise NotFound()
    if action != READ and not can(scope, practice, action):
        if not any(practice.unit_path.startswith(p) for p in scope.read_paths()):
            raise NotFound()
        raise PermissionDenied()
    return practice
