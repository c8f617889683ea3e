"""The authorization matrix of core (columns and words: danvan/core/tests/authz/spec.py).

anonymous reporter_a reporter_b approver other_approver unit_admin admin
"""

from danvan.core.tests.authz.spec import ADMIN_ONLY, PUBLIC, Page

PAGES = {
    "core:task_failures": Page(get=ADMIN_ONLY),
    "core:task_rerun": Page(
        get="login 405 405 405 405 405 405",
        post="login 404 404 404 404 404 ok",
        body=lambda w: {},
        params={"task_id": "failed_task.pk"},
    ),
    "core:home": Page(get="302 ok ok ok ok ok ok", note="the landing page for visitors"),
    "core:healthz": Page(get=PUBLIC),
}
