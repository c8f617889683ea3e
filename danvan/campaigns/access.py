"""Who may see and change welfare campaigns.

- Campaigns, contributions and distributions: anyone whose read subtree (history included)
  holds the campaign's unit. Others get 404, as for a missing one.
- Adding to a campaign: reporter or above on the unit (history included: the old units merged
  into a granted unit).
- Beneficiary lists (personal data): only the handlers, i.e. reporters or above whose subtree
  holds the distribution's unit; viewers and other units get 404. Each read is audited.
"""

from django.db.models import QuerySet

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.campaigns.models import Campaign, Distribution
from danvan.core.errors import NotFound, PermissionDenied
from danvan.core.models import MAX_ID
from danvan.territory.tree import subtree_q

READ, UPDATE = "read", "update"


def visible_campaigns(scope: UserScope) -> QuerySet[Campaign]:
    if not scope.is_authenticated:
        return Campaign.objects.none()
    if scope.is_system_admin:
        return Campaign.objects.all()
    return Campaign.objects.filter(subtree_q(scope.read_paths(), "unit_path"))


def _inside(scope: UserScope, path: str, role: str) -> bool:
    return scope.is_system_admin or any(path.startswith(p) for p in scope.read_paths(role))


def access_campaign(scope: UserScope, campaign_id: int, action: str = READ) -> Campaign:
    """The campaign if the user may `action` it: 404 alike for missing and not visible, 403 for a
    visible campaign the user may only read."""
    if not 0 < campaign_id <= MAX_ID:
        raise NotFound()
    campaign = visible_campaigns(scope).select_related("unit", "parent").filter(pk=campaign_id).first()
    if campaign is None:
        raise NotFound()
    if action == UPDATE and not _inside(scope, campaign.unit_path, Role.REPORTER):
        raise PermissionDenied()
    return campaign


def may_handle_beneficiaries(scope: UserScope, distribution: Distribution) -> bool:
    return _inside(scope, distribution.unit_path, Role.REPORTER)


def access_distribution(scope: UserScope, campaign: Campaign, distribution_id: int) -> Distribution:
    """A distribution of a campaign the user reads, for its beneficiary list: handlers only."""
    if not 0 < distribution_id <= MAX_ID:
        raise NotFound()
    distribution = (
        Distribution.objects.select_related("unit", "item_kind", "campaign")
        .filter(pk=distribution_id, campaign=campaign)
        .first()
    )
    if distribution is None or not may_handle_beneficiaries(scope, distribution):
        raise NotFound()
    return distribution
