import re


def test_openapi_document_and_docs_page_are_served_without_cdn(client, db):
    schema = client.get("/api/v1/openapi.json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert {"/api/v1/units", "/api/v1/auth/token", "/api/v1/me", "/api/v1/users"} <= set(paths)
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    external = re.findall(r'(?:src|href)="(https?://[^"]+)"', docs.text)
    assert external == []


def test_unknown_api_path_and_missing_token_answer_problem_json(client, db):
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "unauthorized"
