"""/api/v1/practices: every operation, its errors, ETag and If-Match, idempotent creation."""

import pytest

from danvan.core.models import IdempotencyRecord
from danvan.practices.models import Practice, Status
from danvan.practices.tests.conftest import move

API = "/api/v1/practices"


def body(**overrides):
    data = {
        "unit": "31510",
        "year": 2026,
        "field": "kinh-te",
        "name": "Tổ tự quản đường hoa",
        "budget": 15_000_000,
    }
    return data | overrides


def test_list_is_paginated_filtered_and_scoped(register, recognize, personas, api_for, tree):
    register("Dân vận khéo nông thôn mới")
    register("Bếp ăn tình thương")
    recognize(register("Tuyến đường nở hoa", user=personas.reporter_b, unit=tree.commune_b))
    register("Bản nháp B", user=personas.reporter_b, unit=tree.commune_b)
    client = api_for(personas.reporter_a)
    listed = client.get(API).json()
    assert listed["count"] == 3 and {"items", "count"} == set(listed)
    assert client.get(API, {"q": "dan van kheo"}).json()["items"][0]["name"] == "Dân vận khéo nông thôn mới"
    assert client.get(API, {"unit": "31528"}).json()["count"] == 1
    assert (
        client.get(API, {"status": "recognized", "year": 2026, "kind": "mo_hinh", "level": "commune"}).json()[
            "count"
        ]
        == 1
    )
    page = client.get(API, {"limit": 1, "offset": 1}).json()
    assert page["count"] == 3 and len(page["items"]) == 1
    item = listed["items"][0]
    assert item["unit"]["code"] and item["field"]["code"] == "kinh-te" and isinstance(item["version"], int)


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"unit": "99999"}, 404),
        ({"year": "abc"}, 422),
        ({"year": 10**30}, 422),
        ({"status": "bogus"}, 422),
        ({"limit": 100000}, 422),
        ({"offset": -1}, 422),
        ({"q": "x" * 500}, 422),
    ],
)
def test_bad_list_input_is_a_problem_not_a_500(personas, api_for, params, status):
    response = api_for(personas.reporter_a).get(API, params)
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json" and response.json()["detail"]


def test_anonymous_gets_401(db, client):
    assert client.get(API).status_code == 401


def test_register_returns_201_with_etag(personas, api_for):
    response = api_for(personas.reporter_a).post(API, body(), content_type="application/json")
    assert response.status_code == 201
    data = response.json()
    practice = Practice.objects.get()
    assert data["id"] == practice.pk and data["budget"] == 15_000_000 and data["status"] == "registered"
    assert response["ETag"] == f'"{practice.pk}-1"'
    assert set(data["allowed_transitions"]) == {"in_progress", "paused", "stopped"}


def test_idempotency_key_never_registers_twice(personas, api_for, unchanged):
    client = api_for(personas.reporter_a)
    first = client.post(API, body(), content_type="application/json", headers={"Idempotency-Key": "abc-1"})
    with unchanged():
        again = client.post(
            API, body(), content_type="application/json", headers={"Idempotency-Key": "abc-1"}
        )
        reused = client.post(
            API, body(name="Khác"), content_type="application/json", headers={"Idempotency-Key": "abc-1"}
        )
    assert first.status_code == again.status_code == 201 and first.json()["id"] == again.json()["id"]
    assert reused.status_code == 422 and reused.json()["code"] == "idempotency_key_reused"
    assert Practice.objects.count() == 1 and IdempotencyRecord.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "status", "where"),
    [
        ({"unit": "31528"}, 404, None),  # sibling commune: not in the caller's subtree
        ({"unit": "99999"}, 404, None),
        ({"field": "y-te"}, 422, "field"),
        ({"name": ""}, 422, "name"),
        ({"budget": -1}, 422, "budget"),
        ({"kind": "dien_hinh", "subject": "ca_nhan"}, 422, "person"),
        ({"organization_id": 424242}, 422, "organization_id"),
        ({"start_date": "2026-05-01", "evaluation_date": "2026-01-01"}, 422, "evaluation_date"),
        ({"year": "hai nghìn"}, 422, "year"),
    ],
)
def test_register_errors(personas, api_for, unchanged, overrides, status, where):
    with unchanged():
        response = api_for(personas.reporter_a).post(API, body(**overrides), content_type="application/json")
    assert response.status_code == status and response["Content-Type"] == "application/problem+json"
    if where:
        assert where in response.json()["errors"]


def test_malformed_json_is_422(personas, api_for):
    response = api_for(personas.reporter_a).post(API, "{not json", content_type="application/json")
    assert response.status_code in (400, 422)


def test_get_is_scoped_and_has_etag(register, personas, api_for):
    practice = register()
    ok = api_for(personas.reporter_a).get(f"{API}/{practice.pk}")
    assert ok.status_code == 200 and ok["ETag"] == f'"{practice.pk}-1"'
    assert ok.json()["problem"] == ""
    assert api_for(personas.reporter_b).get(f"{API}/{practice.pk}").status_code == 404
    assert api_for(personas.reporter_b).get(f"{API}/99999999999999999999999").status_code == 404


def test_patch_requires_a_fresh_if_match(register, personas, api_for, unchanged):
    practice = register()
    client = api_for(personas.reporter_a)
    path = f"{API}/{practice.pk}"
    with unchanged():
        missing = client.patch(path, {"goals": "A"}, content_type="application/json")
        garbage = client.patch(
            path, {"goals": "A"}, content_type="application/json", headers={"If-Match": "xyz"}
        )
    assert missing.status_code == 428 and garbage.status_code == 412
    done = client.patch(
        path,
        {"goals": "A", "budget": 4_000_000_000},
        content_type="application/json",
        headers={"If-Match": f'"{practice.pk}-1"'},
    )
    assert done.status_code == 200 and done["ETag"] == f'"{practice.pk}-2"' and done.json()["goals"] == "A"
    with unchanged():
        stale = client.patch(
            path, {"goals": "B"}, content_type="application/json", headers={"If-Match": f'"{practice.pk}-1"'}
        )
    assert stale.status_code == 412 and stale.json()["code"] == "stale_version"
    practice.refresh_from_db()
    assert practice.goals == "A" and practice.budget == 4_000_000_000


def test_patch_refusals(register, personas, api_for, unchanged):
    practice = register()
    etag = {"If-Match": f'"{practice.pk}-1"'}
    with unchanged():
        other = api_for(personas.reporter_b).patch(
            f"{API}/{practice.pk}", {"goals": "X"}, content_type="application/json", headers=etag
        )
        bad_field = api_for(personas.reporter_a).patch(
            f"{API}/{practice.pk}", {"field": "y-te"}, content_type="application/json", headers=etag
        )
    assert other.status_code == 404 and bad_field.status_code == 422
    evaluated = move(register("Khác"), personas.approver, Status.IN_PROGRESS, Status.EVALUATED)
    with unchanged():
        locked = api_for(personas.reporter_a).patch(
            f"{API}/{evaluated.pk}",
            {"goals": "X"},
            content_type="application/json",
            headers={"If-Match": f'"{evaluated.pk}-{evaluated.version}"'},
        )
    assert locked.status_code == 409 and locked.json()["code"] == "not_editable"


def test_transitions(register, recognize, personas, api_for, unchanged, tree):
    practice = register()
    path = f"{API}/{practice.pk}/transitions"
    client = api_for(personas.reporter_a)
    with unchanged():
        illegal = client.post(path, {"to": "commended"}, content_type="application/json")
        unknown = client.post(path, {"to": "bogus"}, content_type="application/json")
        no_reason = client.post(path, {"to": "stopped"}, content_type="application/json")
        hidden = api_for(personas.reporter_b).post(
            path, {"to": "in_progress"}, content_type="application/json"
        )
    assert illegal.status_code == 422 and illegal.json()["code"] == "illegal_transition"
    assert unknown.status_code == 422 and no_reason.status_code == 422 and hidden.status_code == 404
    done = client.post(path, {"to": "in_progress"}, content_type="application/json")
    assert (
        done.status_code == 200
        and done.json()["status"] == "in_progress"
        and done["ETag"] == f'"{practice.pk}-2"'
    )
    with unchanged():
        forbidden = client.post(path, {"to": "evaluated"}, content_type="application/json")
    assert forbidden.status_code == 403
    other = recognize(register("Công nhận", user=personas.reporter_b, unit=tree.commune_b))
    with unchanged():
        visible_not_mine = client.post(
            f"{API}/{other.pk}/transitions", {"to": "outstanding"}, content_type="application/json"
        )
    assert visible_not_mine.status_code == 403


def test_stats(register, recognize, personas, api_for, tree):
    recognize(register())
    register("Khác", user=personas.reporter_b, unit=tree.commune_b)
    data = api_for(personas.approver).get(f"{API}/stats", {"unit": "92", "year": 2026}).json()
    assert data["registered"] == 2 and data["recognized"] == 1 and data["unit"] == "92"
    assert data["by_kind"] == {"mo_hinh": 2} and data["by_status"] == {"recognized": 1, "registered": 1}
    assert (
        data["communes_total"] == 2 and data["communes_registered"] == 2 and data["communes_share"] == 100.0
    )
    assert data["bodies"] == {"commune": 2} and data["breakdown"][0]["count"] >= 1
    assert api_for(personas.reporter_a).get(f"{API}/stats", {"unit": "92"}).status_code == 404
    assert (
        api_for(personas.reporter_a).get(f"{API}/stats", {"unit": "31510", "year": 99999}).status_code == 422
    )
    assert api_for(personas.reporter_a).get(f"{API}/stats").status_code == 422


def test_openapi_documents_the_operations(db, client):
    schema = client.get("/api/v1/openapi.json").json()
    assert {
        "/api/v1/practices",
        "/api/v1/practices/{practice_id}",
        "/api/v1/practices/{practice_id}/transitions",
        "/api/v1/practices/stats",
    } <= set(schema["paths"])
