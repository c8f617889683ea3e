"""The authorization matrix of dashboards (columns and words: danvan/core/tests/authz/spec.py).

anonymous reporter_a reporter_b approver other_approver unit_admin admin
"""

from danvan.core.tests.authz.spec import OF_A, SIGNED_IN, Operation, Page

PAGES = {
    "dashboards:index": Page(get=SIGNED_IN),
}

OPERATIONS = {
    "GET /api/v1/dashboards/summary": Operation(OF_A, query="?unit=31510&period=2026"),
}
