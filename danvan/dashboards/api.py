"""/api/v1 operations of Tổng quan."""

from ninja import Router

router = Router(tags=["Tổng quan"])
