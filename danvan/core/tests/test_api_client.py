"""A client written from the OpenAPI document alone runs the main flows of the API documentation
page (danvan/core/api/examples.py): it finds each operation by its operationId, builds the path,
the query, the headers and the body from the document's schemas (refusing any name the document
does not have), sends its token where the document asks for one, and validates every answer
(status, media type, body) against the document. No path or response field is written here.
"""

from typing import Any
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.test import Client
from jsonschema import Draft202012Validator, FormatChecker

from danvan.core.api.examples import FLOWS, PRACTICE, Flow, Step, fill, operation_by_id
from danvan.petitions import seeds
from danvan.practices.models import Practice

pytestmark = pytest.mark.django_db


class OpenApiClient:
    """Knows the document and, per actor, a token and credentials; nothing about DanVan."""

    def __init__(self, http: Client, document: dict[str, Any], credentials: dict[str, dict[str, str]]):
        self.http, self.document, self.credentials = http, document, credentials
        self.tokens: dict[str, str] = {}
        self.known: dict[str, Any] = {}

    def schema(self, schema: dict[str, Any]) -> Draft202012Validator:
        whole = {**schema, "components": self.document["components"]}
        return Draft202012Validator(whole, format_checker=FormatChecker())

    def resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in schema:
            schema = self.document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
        return schema

    def check_names(self, value: Any, schema: dict[str, Any], where: str) -> None:
        """Every field sent is one the document names (pydantic would silently ignore the others)."""
        schema = self.resolve(schema)
        for option in schema.get("anyOf", []) + schema.get("allOf", []):
            if isinstance(value, dict) and "properties" in self.resolve(option):
                self.check_names(value, option, where)
        if isinstance(value, dict) and "properties" in schema:
            unknown = set(value) - set(schema["properties"])
            assert not unknown, f"{where}: {sorted(unknown)} are not in the OpenAPI document"
            for key, item in value.items():
                self.check_names(item, schema["properties"][key], f"{where}.{key}")
        if isinstance(value, list) and "items" in schema:
            for item in value:
                self.check_names(item, schema["items"], where)

    def request(self, step: Step, operation: dict[str, Any]) -> dict[str, Any]:
        known = {**self.credentials.get(step.actor, {}), **self.known}
        declared = {p["name"]: p for p in operation.get("parameters", [])}
        params, headers = fill(step.params, known), fill(step.headers, known)
        assert set(params) | set(headers) <= set(declared), f"{step.operation}: unknown parameters"
        body = fill(step.body, known) if step.body is not None else None
        if body is not None:
            schema = operation["requestBody"]["content"]["application/json"]["schema"]
            self.check_names(body, schema, step.operation)
            self.schema(schema).validate(body)
        if operation.get("security"):
            headers["Authorization"] = f"Bearer {self.tokens[step.actor]}"
        return {"params": params, "headers": headers, "body": body, "declared": declared}

    def call(self, step: Step) -> Any:
        method, path, operation = operation_by_id(self.document, step.operation)
        built = self.request(step, operation)
        query = {}
        for name, value in built["params"].items():
            if built["declared"][name]["in"] == "path":
                path = path.replace("{" + name + "}", str(value))
            else:
                query[name] = value
        url = path + (f"?{urlencode(query)}" if query else "")
        send = getattr(self.http, method)
        if built["body"] is None:
            response = send(url, headers=built["headers"])
        else:
            response = send(url, built["body"], content_type="application/json", headers=built["headers"])
        self.validate(step, operation, response)
        self.remember(step, response)
        return response

    def validate(self, step: Step, operation: dict[str, Any], response: Any) -> None:
        documented = operation["responses"].get(str(response.status_code))
        assert documented is not None, f"{step.operation}: undocumented {response.status_code}"
        assert response.status_code < 400, f"{step.operation}: {response.status_code} {response.content!r}"
        media = response["Content-Type"].split(";")[0]
        assert media in documented["content"], f"{step.operation}: {media} is not documented"
        self.schema(documented["content"][media]["schema"]).validate(response.json())
        for header in documented.get("headers", {}):
            assert response.has_header(header), f"{step.operation}: the {header} header is documented"

    def remember(self, step: Step, response: Any) -> None:
        data = response.json()
        for name, source in step.remember.items():
            value = response[source[1:]] if source.startswith("@") else pick(data, source)
            if step.operation == "auth_token":
                self.tokens[step.actor] = value
            else:
                self.known[name] = value
        for source, expected in step.expect.items():
            assert pick(data, source) == expected, f"{step.operation}: {source}"


def pick(data: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        data = data[int(part)] if isinstance(data, list) else data[part]
    return data


@pytest.fixture
def client(personas: Any, password: str) -> OpenApiClient:
    seeds.seed(apps)  # the petition topics (a transactional test before may have flushed them)
    document = Client().get("/api/v1/openapi.json").json()
    return OpenApiClient(
        Client(),
        document,
        {
            "reporter": {"username": personas.reporter_a.username, "password": password},
            "approver": {"username": personas.approver.username, "password": password},
        },
    )


def run(client: OpenApiClient, flow: Flow) -> None:
    for step in flow.steps:
        client.call(step)


@pytest.mark.parametrize("flow", FLOWS, ids=[flow.slug for flow in FLOWS])
def test_the_documented_flow_runs_from_the_openapi_document_alone(client: OpenApiClient, flow: Flow) -> None:
    run(client, flow)


def test_a_retried_registration_answers_the_first_record(client: OpenApiClient) -> None:
    login, register, _transition = PRACTICE.steps
    client.call(login)
    first = client.call(register).json()
    again = client.call(register).json()
    assert again["id"] == first["id"] and Practice.objects.count() == 1
