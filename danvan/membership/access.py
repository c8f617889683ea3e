"""Who may see members and membership figures.

- Figures (counts, rates): anyone whose read subtree (history included) holds the unit.
- Member lists (personal data) and every write: reporters or above whose subtree holds the
  organization's unit (history included). Viewers and other units get 404, as for a missing one.
"""

from django.db.models import QuerySet

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.core.errors import NotFound
from danvan.core.models import MAX_ID
from danvan.membership.models import MemberImport, Membership
from danvan.orgs.models import Organization
from danvan.territory.tree import subtree_q


def handled_organizations(scope: UserScope) -> QuerySet[Organization]:
    """Organizations whose members the user handles."""
    if not scope.is_authenticated:
        return Organization.objects.none()
    if scope.is_system_admin:
        return Organization.objects.all()
    return Organization.objects.filter(subtree_q(scope.read_paths(Role.REPORTER), "unit__path"))


def access_organization(scope: UserScope, organization_id: int) -> Organization:
    if not 0 < organization_id <= MAX_ID:
        raise NotFound()
    found = handled_organizations(scope).select_related("unit", "kind").filter(pk=organization_id).first()
    if found is None:
        raise NotFound()
    return found


def access_membership(scope: UserScope, membership_id: int) -> Membership:
    if not 0 < membership_id <= MAX_ID:
        raise NotFound()
    found = (
        Membership.objects.select_related("organization__unit", "member")
        .filter(pk=membership_id, organization__in=handled_organizations(scope))
        .first()
    )
    if found is None:
        raise NotFound()
    return found


def access_import(scope: UserScope, import_id: int) -> MemberImport:
    """A pending import: only its uploader, while they still handle the organization."""
    if not 0 < import_id <= MAX_ID:
        raise NotFound()
    found = (
        MemberImport.objects.select_related("organization__unit")
        .filter(
            pk=import_id, created_by=scope.user.pk, done=False, organization__in=handled_organizations(scope)
        )
        .first()
    )
    if found is None:
        raise NotFound()
    return found
