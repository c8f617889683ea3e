"""The authorization matrix of orgs (columns and words: danvan/core/tests/authz/spec.py).

anonymous reporter_a reporter_b approver other_approver unit_admin admin
"""

from typing import Any

from danvan.core.tests.authz.spec import OF_A, SIGNED_IN, Operation, Page

# Organizations, people and posts are kept by unit admins (of P) and the system admin.
KEEPERS = "login 404 404 404 404 ok ok"


def _organization(w: Any) -> dict[str, Any]:
    return {"kind": w.kinds["hoi_nong_dan"].pk, "name": "Hội Nông dân phường Sóc Trăng", "short_name": ""}


def _person(w: Any) -> dict[str, Any]:
    return {"full_name": "Tô Vũ Ninh", "gender": "", "birth_year": "1980", "home_unit": w.commune_a.pk}


PAGES = {
    "orgs:index": Page(get=SIGNED_IN),
    "orgs:create": Page(get=KEEPERS, post=KEEPERS, body=_organization, query="?unit=31510"),
    "orgs:detail": Page(get=OF_A, params={"pk": "organization"}),
    "orgs:edit": Page(
        get=KEEPERS,
        post=KEEPERS,
        body=lambda w: {
            "kind": w.organization.kind_id,
            "name": "Ủy ban Mặt trận Tổ quốc Việt Nam phường Sóc Trăng",
            "short_name": "MTTQ",
            "valid_from": "",
            "valid_to": "",
        },
        params={"pk": "organization"},
    ),
    "orgs:close": Page(
        get=KEEPERS,
        post=KEEPERS,
        body=lambda w: {"valid_to": w.today.isoformat()},
        params={"pk": "organization"},
    ),
    "orgs:unit_setting": Page(
        get="login 405 405 405 405 405 405",
        post=KEEPERS,
        body=lambda w: {"records_keeper": w.front_a.pk},
        params={"code": "commune_a.code"},
    ),
    "orgs:people": Page(get=SIGNED_IN),
    "orgs:person_create": Page(
        get=KEEPERS,
        post="login 404 404 404 404 ok noop",
        body=_person,
        note="the unit list offers the units one holds grants on: none for the system admin (see the report)",
    ),
    "orgs:person": Page(get=OF_A, params={"pk": "person"}),
    "orgs:person_edit": Page(get=KEEPERS, post=KEEPERS, body=_person, params={"pk": "person"}),
    "orgs:positions": Page(get=SIGNED_IN),
    "orgs:position_add": Page(
        get=KEEPERS,
        post=KEEPERS,
        body=lambda w: {
            "person": w.person.pk,
            "organization": w.front_a.pk,
            "title": "Phó Chủ tịch Ủy ban MTTQ",
        },
        query=lambda w: f"?organization={w.front_a.pk}",
    ),
    "orgs:position_end": Page(
        get=KEEPERS, post=KEEPERS, body=lambda w: {"end_date": w.today.isoformat()}, params={"pk": "position"}
    ),
}

OPERATIONS = {
    "GET /api/v1/organizations": Operation(SIGNED_IN, lists={"organization": OF_A}),
    "GET /api/v1/organizations/{organization_id}": Operation(OF_A),
    "GET /api/v1/people": Operation(SIGNED_IN, lists={"person": OF_A}),
    "GET /api/v1/people/{person_id}": Operation(OF_A),
}
