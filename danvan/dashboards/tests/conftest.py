from danvan.reporting.tests.conftest import (  # noqa: F401 - shared fixtures
    monthly,
    report,
    standard_forms,
)
