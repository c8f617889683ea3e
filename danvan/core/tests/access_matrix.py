"""The authorization matrix of core (columns and words: danvan/core/tests/authz/spec.py).

anonymous reporter_a reporter_b approver other_approver unit_admin admin
"""

from danvan.core.tests.authz.spec import PUBLIC, Page

PAGES = {
    "core:home": Page(get="302 ok ok ok ok ok ok", note="the landing page for visitors"),
    "core:healthz": Page(get=PUBLIC),
}
