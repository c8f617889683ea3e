"""/api/v1 operations of Văn bản xuất."""

from ninja import Router

router = Router(tags=["Văn bản"])
