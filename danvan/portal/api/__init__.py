"""/api/v1 operations of Cổng thông tin: the published news, public (no token)."""

from ninja import Router

router = Router(tags=["Tin tức"])

from danvan.portal.api import endpoints  # noqa: E402, F401  (registers the operations)
