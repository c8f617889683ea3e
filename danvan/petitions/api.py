"""/api/v1 operations of Ý kiến, khiếu nại, tố cáo."""

from ninja import Router

router = Router(tags=["Ý kiến, khiếu nại"])
