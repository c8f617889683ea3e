"""/api/v1 operations of Nhập văn bản."""

from ninja import Router

router = Router(tags=["Nhập văn bản"])
