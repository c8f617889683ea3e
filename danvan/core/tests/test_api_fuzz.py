"""Property-based run of schemathesis over every operation of /api/v1/openapi.json, as a commune
reporter and as a system administrator: no 5xx, and every response matches its schema.

Bounded for `make test` (DANVAN_FUZZ_EXAMPLES examples per operation, 3 by default); `make fuzz`
runs it with many more.
"""

import os
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from config.wsgi import application
from danvan.accounts.services.tokens import token_create

EXAMPLES = int(os.environ.get("DANVAN_FUZZ_EXAMPLES", "3"))
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
# Only generated (fuzzing) cases, valid and invalid: the coverage phase would send hundreds of fixed
# cases per operation whatever the bound.
schema.config.phases.update(phases=["fuzzing"])
schema.config.generation.update(modes=list(schemathesis.GenerationMode), max_examples=EXAMPLES)


@pytest.fixture(autouse=True)
def _keep_test_connection() -> Any:
    """The WSGI transport fires request_started/finished, which would close the test's database
    connection (and its transaction); Django's test client detaches that handler, so do we."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(params=["reporter", "admin"])
def bearer(request: Any, personas: Any) -> dict[str, str]:
    user = personas.reporter_a if request.param == "reporter" else personas.admin
    _token, secret = token_create(user=user, name="fuzz")
    return {"Authorization": f"Bearer {secret}"}


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_api_never_fails_and_matches_its_schema(case: Any, bearer: dict[str, str]) -> None:
    if (case.media_type or "").startswith("multipart/") and not isinstance(case.body, dict):
        return  # schemathesis cannot encode a non-object multipart body (a tool limit, not ours)
    case.call_and_validate(headers=bearer, checks=[not_a_server_error, response_schema_conformance])
