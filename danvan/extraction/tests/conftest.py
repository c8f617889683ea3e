from typing import Any

import pytest

from danvan.extraction.extractor.units import Gazetteer, gazetteer_from_package


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The official territory (current and legacy units) without a database."""
    return gazetteer_from_package()


@pytest.fixture
def extract_with(gazetteer: Gazetteer) -> Any:
    from danvan.extraction.extractor import extract

    return lambda text: extract(text, gazetteer)
