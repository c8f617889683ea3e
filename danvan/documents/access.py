"""Who may see and download a generated document.

The person who asked for it, and the approvers (or above) of its unit's subtree (the old units
merged into their unit included). Anyone else gets 404, the same as for a missing document.
"""

from django.db.models import Q, QuerySet

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.core.errors import NotFound
from danvan.core.models import MAX_ID
from danvan.documents.models import GeneratedDocument
from danvan.territory.tree import subtree_q


def visible_documents(scope: UserScope) -> QuerySet[GeneratedDocument]:
    if not scope.is_authenticated:
        return GeneratedDocument.objects.none()
    if scope.is_system_admin:
        return GeneratedDocument.objects.all()
    covered = scope.read_paths(Role.APPROVER)
    mine = Q(requested_by=scope.user)
    return GeneratedDocument.objects.filter(mine | subtree_q(covered, "unit_path") if covered else mine)


def own_documents(scope: UserScope) -> QuerySet[GeneratedDocument]:
    if not scope.is_authenticated:
        return GeneratedDocument.objects.none()
    return GeneratedDocument.objects.filter(requested_by=scope.user).select_related("unit")


def access_document(scope: UserScope, document_id: int) -> GeneratedDocument:
    """The document if the user may read and download it; 404 alike when missing or not theirs."""
    if not 0 < document_id <= MAX_ID:
        raise NotFound()
    found = visible_documents(scope).select_related("unit", "requested_by").filter(pk=document_id).first()
    if found is None:
        raise NotFound()
    return found
