"""/api/v1 operations of Cổng thông tin."""

from ninja import Router

router = Router(tags=["Tin tức"])
