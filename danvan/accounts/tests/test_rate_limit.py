"""Per-token (and, without a token, per-address) rate limits of /api/v1: 429 with Retry-After."""

import pytest
from django.core.cache import cache
from django.test import Client

from danvan.accounts.ratelimit import hit


@pytest.fixture(autouse=True)
def _small_limits(settings):
    cache.clear()
    settings.DANVAN_API_RATE_PER_MINUTE = 3
    settings.DANVAN_API_PUBLIC_RATE_PER_MINUTE = 2
    yield
    cache.clear()


def test_each_token_has_its_own_limit(personas, api_for, unchanged):
    first, second = api_for(personas.reporter_a), api_for(personas.reporter_a)
    assert [first.get("/api/v1/me").status_code for _ in range(3)] == [200, 200, 200]
    with unchanged():
        refused = first.post("/api/v1/users", {}, content_type="application/json")
    assert refused.status_code == 429 and refused["Content-Type"] == "application/problem+json"
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused.json()["code"] == "rate_limited" and "thử lại sau" in refused.json()["detail"]
    assert second.get("/api/v1/me").status_code == 200


def test_calls_without_a_token_are_limited_per_address(db):
    one, two = Client(REMOTE_ADDR="198.51.100.1"), Client(REMOTE_ADDR="198.51.100.2")
    assert [one.get("/api/v1/units").status_code for _ in range(2)] != [429, 429]
    refused = one.get("/api/v1/units")
    assert refused.status_code == 429 and int(refused["Retry-After"]) >= 1
    assert two.get("/api/v1/units").status_code != 429


def test_pages_are_not_limited(db, client):
    for _ in range(4):
        assert client.get("/tai-khoan/dang-nhap/").status_code == 200


def test_window_counts_then_resets():
    assert [hit("test:key", 2, window=60) for _ in range(2)] == [None, None]
    wait = hit("test:key", 2, window=60)
    assert wait is not None and 59 <= wait <= 60
    cache.delete_many(["ratelimit:test:key:start", "ratelimit:test:key:count"])
    assert hit("test:key", 2, window=60) is None
