"""The authorization matrix of territory (columns and words: danvan/core/tests/authz/spec.py).

anonymous reporter_a reporter_b approver other_approver unit_admin admin

The territory is public; neighbourhoods are kept by the commune's own writers and those above it.
"""

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from danvan.core.excel import template_workbook
from danvan.core.tests.authz.spec import OF_A, PUBLIC, Operation, Page
from danvan.territory.services.neighbourhood_import import COLUMNS

POST_ONLY = "login 405 405 405 405 405 405"


def _file(w: Any) -> dict[str, Any]:
    data = template_workbook(COLUMNS, [["Ấp Phú Hòa", "Ấp"]], sheet_title="Thôn, tổ dân phố")
    return {"file": SimpleUploadedFile("thon.xlsx", data)}


PAGES = {
    "territory:index": Page(get=PUBLIC),
    "territory:unit": Page(get=PUBLIC, params={"code": "commune_a.code"}),
    "territory:neighbourhood_create": Page(
        get=POST_ONLY,
        post=OF_A,
        body=lambda w: {"name": "Tổ dân phố 5", "kind": "to_dan_pho"},
        params={"code": "commune_a.code"},
    ),
    "territory:neighbourhood_update": Page(
        get=POST_ONLY,
        post=OF_A,
        body=lambda w: {"name": "Khóm 3A", "kind": "khom"},
        params={"code": "neighbourhood.code"},
    ),
    "territory:neighbourhood_retire": Page(
        get=POST_ONLY, post=OF_A, body=lambda w: {}, params={"code": "neighbourhood.code"}
    ),
    "territory:neighbourhood_import": Page(
        get=OF_A, post=OF_A, body=_file, params={"code": "commune_a.code"}
    ),
    "territory:neighbourhood_template": Page(get=OF_A, params={"code": "commune_a.code"}),
}

OPERATIONS = {
    "GET /api/v1/units": Operation(PUBLIC),
    "GET /api/v1/units/{code}": Operation(PUBLIC, params={"code": "commune_a.code"}),
}
