"""Who may see an imported text: the person who imported it, system admins, and, once it is
confirmed, whoever may read the unit its drafts were created for (the records it created link to
it). The records themselves follow the access rules of their own apps."""

from django.db.models import Q, QuerySet

from danvan.accounts.scope import UserScope
from danvan.core.errors import NotFound
from danvan.extraction.models import ImportBatch, ImportedText


def visible_imports(scope: UserScope) -> QuerySet[ImportedText]:
    if not scope.is_authenticated:
        return ImportedText.objects.none()
    if scope.is_system_admin:
        return ImportedText.objects.all()
    return ImportedText.objects.filter(
        Q(created_by=scope.user) | (Q(unit__isnull=False) & scope.unit_q("unit__"))
    )


def access_imported_text(scope: UserScope, pk: int) -> ImportedText:
    found = visible_imports(scope).filter(pk=pk).first()
    if found is None:
        raise NotFound("Không có văn bản nhập này.")
    return found


def access_batch(scope: UserScope, pk: int) -> ImportBatch:
    batches = (
        ImportBatch.objects.all()
        if scope.is_system_admin
        else ImportBatch.objects.filter(created_by=scope.user)
    )
    found = batches.filter(pk=pk).defer("payload").first() if scope.is_authenticated else None
    if found is None:
        raise NotFound("Không có đợt nhập này.")
    return found
