"""/api/v1/memberships: membership statistics (persons and memberships counted apart, rates)."""

from ninja import Router

router = Router(tags=["Hội viên"])

from danvan.membership.api import endpoints  # noqa: E402, F401  (registers the operations on router)
