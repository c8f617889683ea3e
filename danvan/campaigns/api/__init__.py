"""/api/v1/campaigns: welfare campaigns, their contributions and distributions, and statistics."""

from ninja import Router

router = Router(tags=["An sinh"])

from danvan.campaigns.api import endpoints  # noqa: E402, F401  (registers the operations on router)
