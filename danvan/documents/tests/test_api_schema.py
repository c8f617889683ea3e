"""POST /api/v1/documents documents each type's own parameters in the OpenAPI document."""

from django.test import Client

from danvan.documents.registry import DOCUMENT_TYPES


def test_every_document_type_has_its_request_schema():
    spec = Client().get("/api/v1/openapi.json").json()
    body = spec["paths"]["/api/v1/documents"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    by_type = {s["properties"]["type"]["const"]: s for s in body["oneOf"]}
    assert (
        set(by_type)
        == set(DOCUMENT_TYPES)
        >= {
            "report",
            "recognised_models",
            "meeting_minutes",
            "dialogue_questions",
            "campaign_summary",
        }
    )
    assert body["discriminator"] == {"propertyName": "type"}
    assert {"form", "period", "unit"} <= set(by_type["report"]["required"])
    assert by_type["meeting_minutes"]["properties"]["variant"]["enum"] == ["minutes", "conclusions"]
    assert "meeting" in by_type["dialogue_questions"]["required"]
    assert "campaign" in by_type["campaign_summary"]["required"]
    assert "unit" not in by_type["campaign_summary"]["required"]
    for schema in body["oneOf"]:
        assert schema["additionalProperties"] is False and "$defs" not in schema
