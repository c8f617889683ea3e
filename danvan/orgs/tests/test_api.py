import datetime as dt

from danvan.audit.models import AuditEvent
from danvan.orgs import services
from danvan.orgs.models import Organization


def test_unauthenticated_is_401(orgs, client):
    response = client.get("/api/v1/organizations")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"


def test_list_is_paginated_and_scoped(orgs, personas, api_for):
    body = api_for(personas.reporter_a).get("/api/v1/organizations?limit=2").json()
    assert body["count"] == 4 and len(body["items"]) == 2
    names = {o["name"] for o in api_for(personas.reporter_a).get("/api/v1/organizations").json()["items"]}
    assert "Ủy ban MTTQ Việt Nam phường Phú Lợi" not in names
    assert api_for(personas.reporter_a).get("/api/v1/organizations?limit=501").status_code == 422


def test_list_filters(orgs, tree, personas, api_for):
    services.unit_setting_update(user=None, unit=tree.commune_a, records_keeper=orgs.front_a)
    client = api_for(personas.unit_admin)
    items = client.get("/api/v1/organizations?unit=31510&kind=mttq").json()["items"]
    assert [(o["name"], o["kind"], o["unit"]["code"], o["is_records_keeper"]) for o in items] == [
        ("Ủy ban MTTQ Việt Nam phường Sóc Trăng", "mttq", "31510", True)
    ]
    items = client.get("/api/v1/organizations?q=dang uy phuong&status=all").json()["items"]
    assert sorted((o["name"], o["valid_to"] or "") for o in items) == [
        ("Đảng ủy Phường 2", "2025-06-30"),
        ("Đảng ủy phường Sóc Trăng", ""),
    ]
    missing = client.get("/api/v1/organizations?unit=01273")
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"


def test_detail_with_positions_on_a_date(orgs, people, personas, api_for):
    client = api_for(personas.approver)
    body = client.get(f"/api/v1/organizations/{orgs.front_a.pk}").json()
    assert body["at"] == dt.date.today().isoformat()
    assert [(p["person_name"], p["title"]) for p in body["positions"]] == [("Vũ Văn Minh", "Chủ tịch")]
    assert [c["name"] for c in body["children"]] == ["Hội Liên hiệp Phụ nữ phường Sóc Trăng"]
    assert client.get(f"/api/v1/organizations/{orgs.front_a.pk}?at=2025-06-30").json()["positions"] == []
    old = client.get(f"/api/v1/organizations/{orgs.old_ward_committee.pk}?at=2021-07-22").json()
    assert [p["person_name"] for p in old["positions"]] == ["Nguyễn Thị Huệ Chi"]
    assert client.get(f"/api/v1/organizations/{orgs.front_a.pk}?at=hôm-nay").status_code == 422


def test_detail_outside_the_subtree_is_404_and_changes_nothing(orgs, personas, api_for):
    before = (Organization.objects.count(), AuditEvent.objects.count())
    response = api_for(personas.other_approver).get(f"/api/v1/organizations/{orgs.front_a.pk}")
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    assert api_for(personas.other_approver).get("/api/v1/organizations/999999").json()["code"] == "not_found"
    assert (Organization.objects.count(), AuditEvent.objects.count()) == before


def test_people_list_and_detail(people, personas, api_for):
    client = api_for(personas.unit_admin)
    body = client.get("/api/v1/people?q=NGUYEN").json()
    assert body == {
        "items": [
            {
                "id": people.chi.pk,
                "full_name": "Nguyễn Thị Huệ Chi",
                "gender": "",
                "birth_year": None,
                "home_unit": {
                    "code": "31510",
                    "name": "Phường Sóc Trăng",
                    "level": "commune",
                    "valid_from": "2025-07-01",
                    "valid_to": None,
                },
            }
        ],
        "count": 1,
    }
    assert client.get("/api/v1/people?unit=31528").json()["count"] == 0
    detail = client.get(f"/api/v1/people/{people.minh.pk}").json()
    assert [(p["title"], p["organization_name"], p["end_date"]) for p in detail["positions"]] == [
        ("Trưởng ban", "Ban Xây dựng Đảng phường Sóc Trăng", None),
        ("Chủ tịch", "Ủy ban MTTQ Việt Nam phường Sóc Trăng", None),
    ]
    assert client.get(f"/api/v1/people/{people.lien.pk}").status_code == 404


def test_openapi_documents_the_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {
        "/api/v1/organizations",
        "/api/v1/organizations/{organization_id}",
        "/api/v1/people",
        "/api/v1/people/{person_id}",
    } <= set(paths)
