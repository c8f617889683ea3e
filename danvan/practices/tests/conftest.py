from typing import Any

import pytest

from danvan.accounts.scope import scope_for
from danvan.practices.models import PracticeField
from danvan.practices.services.registration import practice_register


@pytest.fixture
def economy(db: Any) -> PracticeField:
    return PracticeField.objects.get(code="kinh-te", province=None, year=None)


@pytest.fixture
def register(personas: Any, tree: Any, economy: PracticeField) -> Any:
    """Register a model in commune A as reporter A (or as given)."""

    def _register(
        name: str = "Tổ Nhân dân tự quản giữ gìn vệ sinh môi trường",
        *,
        user: Any = None,
        unit: Any = None,
        year: int = 2026,
        **kw: Any,
    ) -> Any:
        actor = user or personas.reporter_a
        return practice_register(
            actor=actor,
            scope=scope_for(actor),
            unit=unit or tree.commune_a,
            field=economy,
            year=year,
            name=name,
            **kw,
        )

    return _register
