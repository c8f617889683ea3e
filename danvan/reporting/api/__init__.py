"""/api/v1: indicators, report forms, submissions, rollups and completeness."""

from ninja import Router

router = Router(tags=["Báo cáo định kỳ"])

from danvan.reporting.api import endpoints  # noqa: E402, F401  (registers the operations on router)
