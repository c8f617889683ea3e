"""The authorization matrix of documents (columns and words: danvan/core/tests/authz/spec.py).

anonymous reporter_a reporter_b approver other_approver unit_admin admin
"""

from typing import Any

from danvan.core.tests.authz.spec import OF_A, SIGNED_IN, Operation, Page


def _request(w: Any) -> dict[str, Any]:
    return {
        "type": "report",
        "unit": w.commune_a.pk,
        "format": "docx",
        "form": "dv-xa-thang",
        "period": "2026-M03",
    }


PAGES = {
    "documents:index": Page(
        get=SIGNED_IN,
        post="login ok 422 422 422 422 422",
        body=_request,
        note="the page offers one's own granted units only: commune A is reporter A's",
    ),
    "documents:create": Page(
        get="login 405 405 405 405 405 405",
        post="login ok noop ok noop ok ok",
        body=lambda w: {"type": "campaign_summary", "format": "docx", "campaign": w.campaign.pk},
        note="the campaign of commune A decides the unit; out of reach: back to the list, nothing made",
    ),
    "documents:status": Page(get=OF_A, params={"pk": "document"}),
    "documents:download": Page(get=OF_A, params={"pk": "document"}),
    "documents:template": Page(get=SIGNED_IN, params={"style": "document_style"}),
}

OPERATIONS = {
    "POST /api/v1/documents": Operation(
        "login ok 404 ok 404 ok ok",
        body=lambda w: {
            "type": "report",
            "unit": w.commune_a.code,
            "form": "dv-xa-thang",
            "period": "2026-M03",
        },
    ),
    "GET /api/v1/documents/{document_id}": Operation(OF_A),
    "GET /api/v1/documents/{document_id}/file": Operation(OF_A),
}
