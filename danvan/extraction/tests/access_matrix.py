"""The authorization matrix of extraction (columns and words: danvan/core/tests/authz/spec.py).

anonymous reporter_a reporter_b approver other_approver unit_admin admin

An imported text and a batch belong to the user who uploaded them (reporter A) and are seen by
the system admin; nobody else, not even the approver above, reads them (extraction/access.py).
"""

import io
import zipfile
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from danvan.core.tests.authz.build_more import EXTRACTION_TEXT
from danvan.core.tests.authz.spec import SIGNED_IN, Operation, Page

OWNER = "login ok 404 404 404 404 ok"


def _archive(w: Any) -> dict[str, Any]:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as bundle:
        bundle.writestr("giao-ban.txt", EXTRACTION_TEXT)
    return {"archive": SimpleUploadedFile("van-ban.zip", data.getvalue())}


PAGES = {
    "extraction:index": Page(
        get=SIGNED_IN, post="login ok ok ok ok ok ok", body=lambda w: {"text": EXTRACTION_TEXT}
    ),
    "extraction:batch_upload": Page(
        get="login 405 405 405 405 405 405", post="login ok ok ok ok ok ok", body=_archive
    ),
    "extraction:batch": Page(get=OWNER, params={"pk": "batch"}),
    "extraction:review": Page(
        get=OWNER,
        post=OWNER,
        body=lambda w: {
            "event-type": "đối thoại",
            "event-date": "12/09/2025",
            "event-unit": w.commune_a.code,
        },
        params={"pk": "imported_text"},
    ),
}

OPERATIONS = {
    "POST /api/v1/extraction": Operation(
        "login noop noop noop noop noop noop",
        body=lambda w: {"text": EXTRACTION_TEXT},
        note="extracts, saves nothing",
    ),
}
