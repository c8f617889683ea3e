"""The authorization matrix of audit (columns and words: danvan/core/tests/authz/spec.py).

anonymous reporter_a reporter_b approver other_approver unit_admin admin
"""

from danvan.core.tests.authz.spec import Page

# The audit log: unit admins (of their subtree) and the system admin.
LOG_READERS = "login 404 404 404 404 ok ok"

PAGES = {
    "audit:index": Page(get=LOG_READERS),
}
