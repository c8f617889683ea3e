"""/api/v1 operations of An sinh xã hội."""

from ninja import Router

router = Router(tags=["An sinh"])
