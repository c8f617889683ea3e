"""The authorization matrix of reporting (columns and words: danvan/core/tests/authz/spec.py).

anonymous reporter_a reporter_b approver other_approver unit_admin admin

The world: `submission`, commune A's six-month report for 2026-H1 (a draft), and `submitted`,
its monthly report for 2026-M04 (submitted, waiting for the approver of the province above).
"""

import io
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from danvan.core.tests.authz.spec import OF_A, SIGNED_IN, Operation, Page
from danvan.reporting.api.endpoints import submission_etag
from danvan.reporting.services.offline import submission_workbook

POST_ONLY = "login 405 405 405 405 405 405"
# The approval of a commune's report: the approvers above it, not its own reporter.
APPROVERS_OF_A = "login 403 404 ok 404 ok ok"


def _workbook(w: Any) -> dict[str, Any]:
    book = load_workbook(io.BytesIO(submission_workbook(w.submission)))
    sheet = book.active
    assert sheet is not None
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    rows["propaganda_sessions"][5].value = 6
    data = io.BytesIO()
    book.save(data)
    return {"file": SimpleUploadedFile("bao-cao.xlsx", data.getvalue())}


PAGES = {
    "reporting:index": Page(get=SIGNED_IN),
    "reporting:rollups": Page(get=SIGNED_IN),
    "reporting:completeness": Page(get=SIGNED_IN),
    "reporting:indicators": Page(get=SIGNED_IN),
    "reporting:open": Page(
        get=POST_ONLY,
        post="login ok 403 ok 403 ok ok",
        body=lambda w: {"form": "dv-xa-thang", "unit": w.commune_a.code, "period": "2026-M09"},
    ),
    "reporting:detail": Page(get=OF_A, params={"pk": "submission"}),
    "reporting:save_all": Page(
        get=POST_ONLY,
        post=OF_A,
        body=lambda w: {f"v{w.value.pk}": "9", f"r{w.value.pk}": "Thực tế"},
        params={"pk": "submission"},
    ),
    "reporting:save_value": Page(
        get=POST_ONLY,
        post=OF_A,
        body=lambda w: {
            f"v{w.value.pk}": "3",
            f"ver{w.value.pk}": str(w.value.version),
            f"r{w.value.pk}": "Thực tế",
        },
        params={"pk": "submission"},
    ),
    "reporting:save_section": Page(
        get=POST_ONLY,
        post=OF_A,
        body=lambda w: {
            f"n_{w.section_code}": "Ban hành 3 kế hoạch, 2 hướng dẫn.",
            f"base_{w.section_code}": "",
        },
        params={"pk": "submission", "code": "section_code"},
    ),
    "reporting:submit": Page(get=POST_ONLY, post=OF_A, body=lambda w: {}, params={"pk": "submission"}),
    "reporting:refresh": Page(get=POST_ONLY, post=OF_A, body=lambda w: {}, params={"pk": "submission"}),
    "reporting:excel": Page(get=OF_A, params={"pk": "submission"}),
    "reporting:excel_upload": Page(get=OF_A, post=OF_A, body=_workbook, params={"pk": "submission"}),
    "reporting:compile": Page(get=OF_A, post=OF_A, body=lambda w: {}, params={"pk": "submission"}),
    "reporting:approve": Page(
        get=POST_ONLY, post=APPROVERS_OF_A, body=lambda w: {}, params={"pk": "submitted"}
    ),
    "reporting:return": Page(
        get=POST_ONLY,
        post="login noop 404 ok 404 ok ok",
        note="reporter A is sent back to the report with a message (approve answers 403); nothing changes",
        body=lambda w: {"comment": "Bổ sung số liệu tuyên truyền."},
        params={"pk": "submitted"},
    ),
}

OPERATIONS = {
    "GET /api/v1/indicators": Operation(SIGNED_IN),
    "GET /api/v1/forms": Operation(SIGNED_IN),
    "GET /api/v1/submissions": Operation(SIGNED_IN, lists={"submission": OF_A, "submitted": OF_A}),
    "POST /api/v1/submissions": Operation(
        "login ok 403 ok 403 ok ok",
        body=lambda w: {"form": "dv-xa-thang", "unit": w.commune_a.code, "period": "2026-M09"},
    ),
    "GET /api/v1/submissions/{submission_id}": Operation(OF_A),
    "PUT /api/v1/submissions/{submission_id}/values": Operation(
        OF_A,
        body=lambda w: {"values": [{"indicator": "propaganda_sessions", "value": 9, "reason": "Thực tế"}]},
        headers=lambda w: {"If-Match": submission_etag(w.submission)},
    ),
    "POST /api/v1/submissions/{submission_id}/submit": Operation(OF_A),
    "POST /api/v1/submissions/{submission_id}/approve": Operation(
        APPROVERS_OF_A, params={"submission_id": "submitted"}
    ),
    "POST /api/v1/submissions/{submission_id}/return": Operation(
        APPROVERS_OF_A, body=lambda w: {"comment": "Bổ sung số liệu."}, params={"submission_id": "submitted"}
    ),
    "GET /api/v1/rollups": Operation(OF_A, query="?indicator=propaganda_sessions&period=2026&unit=31510"),
    "GET /api/v1/completeness": Operation(OF_A, query="?form=dv-xa-thang&period=2026-M04&unit=31510"),
}
