"""/api/v1 operations of Báo cáo định kỳ."""

from ninja import Router

router = Router(tags=["Báo cáo"])
