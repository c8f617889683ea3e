"""What every /api/v1 operation shares: problem+json errors and their OpenAPI declaration
(`openapi.py`), the common filters (`params.py`), ETag / If-Match (`conditional.py`) and
Idempotency-Key (`idempotency.py`). The conventions are in docs/api.md of the team and are checked
mechanically by danvan/core/tests/test_api_conventions.py."""
