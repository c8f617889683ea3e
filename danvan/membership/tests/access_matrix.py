"""The authorization matrix of membership (columns and words: danvan/core/tests/authz/spec.py).

anonymous reporter_a reporter_b approver other_approver unit_admin admin
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from danvan.core.tests.authz.build_more import member_workbook
from danvan.core.tests.authz.spec import OF_A, SIGNED_IN, Operation, Page

# A page of the current unit: the system admin holds no unit to work in (see the report).
HERE = "login ok ok ok ok ok 404"


PAGES = {
    "membership:index": Page(get=SIGNED_IN),
    "membership:import_template": Page(get=SIGNED_IN),
    "membership:eligible": Page(
        get=HERE,
        post="login ok noop ok noop ok 404",
        body=lambda w: {"unit": w.commune_a.pk, "kind": w.women_a.kind_id, "year": w.year, "count": 3200},
        note="the unit list offers only one's own units: reporter B and the approver of Q cannot pick A",
    ),
    "membership:organization": Page(
        get=OF_A,
        post=OF_A,
        body=lambda w: {
            "full_name": "Võ Thị Hạnh",
            "birth_date": "1970-07-07",
            "gender": "female",
            "joined_on": "2000-01-01",
            "role": "",
        },
        params={"pk": "women_a"},
    ),
    "membership:import": Page(
        get=OF_A,
        post=OF_A,
        body=lambda w: {"file": SimpleUploadedFile("hoi-vien.xlsx", member_workbook())},
        params={"pk": "women_a"},
    ),
    "membership:import_confirm": Page(
        get="login 405 405 405 405 405 405",
        post="login ok 404 404 404 404 404",
        body=lambda w: {},
        params={"import_id": "member_import"},
        note="a checked file waits for the confirmation of the one who uploaded it (reporter A) alone",
    ),
    "membership:leave": Page(
        get="login 405 405 405 405 405 405",
        post=OF_A,
        body=lambda w: {"left_on": w.today.isoformat()},
        params={"pk": "membership"},
    ),
}

OPERATIONS = {
    "GET /api/v1/memberships/stats": Operation(OF_A, query="?unit=31510&period=2026"),
}
