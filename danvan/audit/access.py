"""Who may read the audit log: unit admins for their subtree, system admins for everything."""

from django.db.models import QuerySet

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.audit.models import AuditEvent
from danvan.territory.tree import subtree_q


def visible_audit_events(scope: UserScope) -> QuerySet[AuditEvent]:
    if scope.is_system_admin:
        return AuditEvent.objects.all()
    paths = scope.paths(Role.UNIT_ADMIN)
    if not paths:
        return AuditEvent.objects.none()
    return AuditEvent.objects.filter(subtree_q(paths, "unit_path"))
