"""The one pagination of /api/v1: limit (1–500, default 50) and offset, bounded.

Ninja's own class accepts any non-negative offset; a 38-digit one (found by the fuzz run) makes
SQLite fail with "datatype mismatch". Offsets above MAX_OFFSET answer 422 like any bad input.
"""

from ninja import Field, Schema
from ninja.conf import settings
from ninja.pagination import LimitOffsetPagination as NinjaLimitOffsetPagination

MAX_OFFSET = 10_000_000


class LimitOffsetPagination(NinjaLimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(settings.PAGINATION_PER_PAGE, ge=1, le=settings.PAGINATION_MAX_LIMIT)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)
