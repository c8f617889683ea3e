"""/api/v1 operations of Hội nghị, đối thoại và chỉ đạo."""

from ninja import Router

router = Router(tags=["Hội nghị"])
