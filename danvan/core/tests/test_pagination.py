"""Pagination is bounded everywhere: an absurd offset is bad input (422), never a 500."""

from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/api/v1/units", "/api/v1/public/news"])
def test_an_absurd_offset_is_refused_with_a_vietnamese_message(path: str, tree: Any) -> None:
    response = Client().get(path, {"offset": "88399220867651933954985160271820335996"})
    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/problem+json")
    assert "offset" in response.json()["errors"]


def test_a_large_valid_offset_gives_an_empty_page(tree: Any) -> None:
    response = Client().get("/api/v1/units", {"offset": "9999999"})
    assert response.status_code == 200 and response.json()["items"] == []
