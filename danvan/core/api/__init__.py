"""What every /api/v1 operation shares: problem+json errors and their OpenAPI declaration
(`openapi.py`), the common filters (`params.py`), ETag / If-Match (`conditional.py`) and
Idempotency-Key (`idempotency.py`), and the documented flows (`examples.py`). The conventions are checked
mechanically on the published document by danvan/core/tests/test_api_conventions.py."""
