from danvan.reporting.tests.conftest import (  # noqa: F401 - shared fixtures
    _only_finished_sources,
    monthly,
    report,
    standard_forms,
)
