"""Fixtures of the territory tests: the real national territory (loaded once per module that
asks for it, inside a transaction rolled back at the module's end), small synthetic sources
for the sync, and Excel files for the neighbourhood import."""

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import connection, transaction
from openpyxl import Workbook

from danvan.territory.services.sync import SyncReport, territory_sync


@dataclass
class National:
    first: SyncReport
    second: SyncReport


@pytest.fixture(scope="module")
def national(django_db_setup: Any, django_db_blocker: Any) -> Iterator[National]:
    """The package's whole territory, synced twice (the second run must change nothing)."""
    with django_db_blocker.unblock(), transaction.atomic():
        result = National(first=territory_sync(), second=territory_sync())
        # Check the deferred foreign keys now, once: else PostgreSQL re-scans the pending
        # checks of these 28,000 rows at the end of every test of the module.
        connection.check_constraints()
        yield result
        transaction.set_rollback(True)


def xlsx(rows: list[list[Any]], header: list[str] | None = None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(header if header is not None else ["Tên", "Loại"])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def make_xlsx() -> Any:
    return xlsx
