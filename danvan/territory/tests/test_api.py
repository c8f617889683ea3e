"""/api/v1/units on the small persona tree: public, paginated, problem+json on bad input."""

import pytest

PROBLEM = "application/problem+json"


def codes(body):
    return [item["code"] for item in body["items"]]


def test_list_today_by_default_and_filters(tree, client):
    body = client.get("/api/v1/units").json()
    assert body["count"] == 5 and set(codes(body)) == {"92", "04", "31510", "31528", "01273"}
    assert codes(client.get("/api/v1/units?level=province").json()) == ["04", "92"]  # Cao Bằng, Cần Thơ
    in_p = client.get("/api/v1/units?parent=92").json()
    assert codes(in_p) == ["31528", "31510"] and {i["parent_code"] for i in in_p["items"]} == {"92"}
    assert set(codes(client.get("/api/v1/units?at=2025-06-01").json())) == {"94", "31507"}
    assert set(codes(client.get("/api/v1/units?q=soc%20trang").json())) == {"92", "31510"}


def test_list_item_shape_and_pagination(tree, client):
    body = client.get("/api/v1/units?level=commune&limit=1&offset=1").json()
    assert body["count"] == 3 and len(body["items"]) == 1
    assert client.get("/api/v1/units?level=province&limit=1").json()["items"][0] == {
        "code": "04",
        "name": "Tỉnh Cao Bằng",
        "kind": "tinh",
        "level": "province",
        "parent_code": None,
        "valid_from": "2025-07-01",
        "valid_to": None,
    }


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("level=town", "level"),
        ("at=2025-13-01", "at"),
        ("at=hom-nay", "at"),
        ("limit=501", "limit"),
        ("limit=0", "limit"),
        ("offset=-1", "offset"),
    ],
)
def test_bad_input_is_a_422_problem(tree, client, query, field):
    response = client.get(f"/api/v1/units?{query}")
    assert response.status_code == 422 and response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["code"] == "validation_error" and field in body["errors"]


def test_unknown_codes_are_404_problems(tree, client):
    for url in [
        "/api/v1/units/99",
        "/api/v1/units?parent=99",
        "/api/v1/units/94",
        "/api/v1/units/92?at=2020-01-01",
    ]:
        response = client.get(url)
        assert response.status_code == 404 and response["Content-Type"] == PROBLEM, url
        assert response.json()["code"] == "not_found"
    assert client.get("/api/v1/units/92?at=ngay-mai").status_code == 422


def test_detail_has_ancestors_and_lineage(tree, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        body = client.get("/api/v1/units/31510").json()
    assert (body["code"], body["parent_code"], body["level"]) == ("31510", "92", "commune")
    assert [a["code"] for a in body["ancestors"]] == ["92"]
    assert body["predecessors"] == [
        {
            "code": "31507",
            "name": "Phường 2",
            "kind": "phuong",
            "level": "commune",
            "valid_from": None,
            "valid_to": "2025-06-30",
            "partial": False,
        }
    ]
    old = client.get("/api/v1/units/94?at=2025-06-30").json()
    assert old["successors"][0]["code"] == "92" and old["ancestors"] == []


def test_territory_operations_are_public_in_openapi(client):
    document = client.get("/api/v1/openapi.json").json()
    for path in ["/api/v1/units", "/api/v1/units/{code}"]:
        operation = document["paths"][path]["get"]
        assert not operation.get("security")
    assert "UnitDetailOut" in document["components"]["schemas"]
