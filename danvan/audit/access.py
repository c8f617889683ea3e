"""Who may read the audit log: unit admins for their subtree, system admins for everything."""

from django.db.models import Q, QuerySet

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.audit.models import AuditEvent
from danvan.territory.models import PATH_SEGMENT

_HI = "9" * (PATH_SEGMENT * 4)


def visible_audit_events(scope: UserScope) -> QuerySet[AuditEvent]:
    if scope.is_system_admin:
        return AuditEvent.objects.all()
    paths = scope.paths(Role.UNIT_ADMIN)
    if not paths:
        return AuditEvent.objects.none()
    query = Q()
    for path in paths:
        query |= Q(unit_path__gte=path, unit_path__lte=path + _HI)
    return AuditEvent.objects.filter(query)
