"""/api/v1 operations of Hội viên, đoàn viên."""

from ninja import Router

router = Router(tags=["Hội viên"])
