"""The conventions of /api/v1 (docs: the team's api.md), checked on the published OpenAPI document
itself, so that a new operation that breaks one fails `make test`.

Each test walks every operation and lists every offender, not just the first one.
"""

import enum
import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from pydantic import BaseModel

from danvan.core.api.params import PERIOD_PATTERN
from danvan.core.api.problems import PROBLEM_TYPE

Operation = tuple[str, str, dict[str, Any]]  # method, path, operation object

# Filter names another API might use for what ours calls unit, q, limit/offset, status, period.
FORBIDDEN_FILTERS = {
    "unit_code", "unit_id", "province", "district", "commune", "ward", "search", "keyword",
    "keywords", "query", "term", "text", "page", "page_size", "per_page", "size", "skip", "take",
    "state", "period_code", "from_date", "to_date", "date_from", "date_to", "nam", "ky",
}  # fmt: skip
LEVELS = {"province", "district", "commune", "neighbourhood"}
ROLES = {"viewer", "reporter", "approver", "unit_admin", "system_admin"}
DATE_NAME = re.compile(r"(_on|_at|_date|^date|^day|^valid_from|^valid_to)$")
MONEY_NAMES = {"amount", "budget", "goal_money", "money_raised", "goods_value", "distributed_value"}
OPERATION_ID = re.compile(r"^[a-z]+(_[a-z]+)+$")


@pytest.fixture(scope="module")
def document(django_db_blocker: Any) -> dict[str, Any]:
    with django_db_blocker.unblock():
        response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def operations(document: dict[str, Any]) -> Iterator[Operation]:
    for path, item in document["paths"].items():
        for method, operation in item.items():
            yield method, path, operation


def label(method: str, path: str) -> str:
    return f"{method.upper()} {path}"


def params(operation: dict[str, Any], where: str = "query") -> dict[str, dict[str, Any]]:
    return {p["name"]: p for p in operation.get("parameters", []) if p["in"] == where}


def plain(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema without its `| None` (pydantic writes optional values as anyOf [..., null])."""
    options = [s for s in schema.get("anyOf", []) if s.get("type") != "null"]
    return {**schema, **options[0]} if len(options) == 1 else schema


def resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def success(document: dict[str, Any], operation: dict[str, Any]) -> dict[str, Any] | None:
    for status in ("200", "201", "202"):
        content = operation["responses"].get(status, {}).get("content", {})
        if "application/json" in content:
            return resolve(document, content["application/json"]["schema"])
    return None


def is_paginated(schema: dict[str, Any] | None) -> bool:
    return bool(schema) and {"items", "count"} <= set(schema.get("properties", {}))


def test_operation_ids_are_stable_names(document: dict[str, Any]) -> None:
    ids = [op.get("operationId", "") for _m, _p, op in operations(document)]
    bad = [i for i in ids if not OPERATION_ID.match(i) or i.startswith("danvan_")]
    assert not bad, f"operationId must be <resource>_<verb> set on the route: {bad}"
    assert len(ids) == len(set(ids))


def subclasses(cls: type) -> Iterator[type]:
    for sub in cls.__subclasses__():
        yield sub
        yield from subclasses(sub)


def test_schema_names_are_unique(document: dict[str, Any]) -> None:
    """The document names a schema by its class name: two different classes of one name would make
    one operation point at the other's schema (it happened to FigureOut, StatsOut, UnitRef…)."""
    by_name: dict[str, set[str]] = {}
    for cls in [*subclasses(BaseModel), *subclasses(enum.Enum)]:
        if cls.__module__.startswith("danvan.") and cls.__name__ in document["components"]["schemas"]:
            by_name.setdefault(cls.__name__, set()).add(cls.__module__)
    clashes = [f"{name}: {sorted(modules)}" for name, modules in by_name.items() if len(modules) > 1]
    assert not clashes, "give these schemas distinct names:\n" + "\n".join(clashes)


def test_every_list_is_items_and_count_with_limit_and_offset(document: dict[str, Any]) -> None:
    offenders = []
    for method, path, op in operations(document):
        body = success(document, op)
        if method == "get" and body is not None and body.get("type") == "array":
            offenders.append(f"{label(method, path)}: a bare array, not {{items, count}}")
        if op["operationId"].endswith("_list") and not is_paginated(body):
            offenders.append(f"{label(method, path)}: a list without {{items, count}}")
        if is_paginated(body):
            query = params(op)
            limit, offset = (
                query.get("limit", {}).get("schema", {}),
                query.get("offset", {}).get("schema", {}),
            )
            if (limit.get("default"), limit.get("maximum"), offset.get("minimum")) != (50, 500, 0):
                offenders.append(f"{label(method, path)}: limit (default 50, max 500) and offset")
    assert not offenders, "\n".join(offenders)


def test_common_filters_are_named_and_typed_the_same_everywhere(document: dict[str, Any]) -> None:
    offenders = []
    for method, path, op in operations(document):
        query = params(op)
        for name in sorted(FORBIDDEN_FILTERS & set(query)):
            offenders.append(f"{label(method, path)}: filter «{name}» has a common name (unit, q, …)")
        if "unit" in query and not path.startswith("/api/v1/units"):
            unit = plain(query["unit"]["schema"])
            if unit.get("type") != "string" or unit.get("maxLength", 99) > 16 or "at" not in query:
                offenders.append(f"{label(method, path)}: unit is an official code, with at=YYYY-MM-DD")
        if "at" in query and plain(query["at"]["schema"]).get("format") != "date":
            offenders.append(f"{label(method, path)}: at is a date")
        if "period" in query and plain(query["period"]["schema"]).get("pattern") != PERIOD_PATTERN:
            offenders.append(f"{label(method, path)}: period in the one form of core/periods.py")
        if "year" in query:
            year = plain(query["year"]["schema"])
            if (year.get("type"), year.get("minimum"), year.get("maximum")) != ("integer", 1945, 2100):
                offenders.append(f"{label(method, path)}: year an integer 1945–2100")
        if "q" in query and plain(query["q"]["schema"]).get("type") != "string":
            offenders.append(f"{label(method, path)}: q is text")
    assert not offenders, "\n".join(offenders)


def expected_problems(method: str, op: dict[str, Any]) -> set[str]:
    statuses = {"400", "404", "422", "429"}
    if op.get("security"):
        statuses |= {"401", "403"}
    if method in ("put", "patch"):
        statuses |= {"412", "428"}
    return statuses


def test_errors_are_declared_as_problem_json(document: dict[str, Any]) -> None:
    problem = document["components"]["schemas"]["Problem"]
    assert {"status", "code", "detail"} <= set(problem["required"]) and "errors" in problem["properties"]
    offenders = []
    for method, path, op in operations(document):
        missing = expected_problems(method, op) - set(op["responses"])
        if missing:
            offenders.append(f"{label(method, path)}: undeclared {sorted(missing)}")
        for status, response in op["responses"].items():
            if int(status) >= 400 and list(response.get("content", {})) != [PROBLEM_TYPE]:
                offenders.append(f"{label(method, path)} {status}: not {PROBLEM_TYPE}")
        if "Retry-After" not in op["responses"]["429"].get("headers", {}):
            offenders.append(f"{label(method, path)} 429: Retry-After")
    assert not offenders, "\n".join(offenders)


def item_path(path: str) -> str:
    """/practices/{practice_id}/transitions → /practices/{practice_id}."""
    return path if path.endswith("}") else path.rsplit("/", 1)[0]


def declares_etag(op: dict[str, Any] | None) -> bool:
    responses = op["responses"] if op else {}
    return any("ETag" in responses.get(status, {}).get("headers", {}) for status in ("200", "201"))


def test_updates_use_etag_and_if_match(document: dict[str, Any]) -> None:
    paths, offenders = document["paths"], []
    for method, path, op in operations(document):
        if_match = params(op, "header").get("If-Match")
        read = paths.get(item_path(path), {}).get("get")
        if method in ("put", "patch"):
            if if_match is None or not {"412", "428"} <= set(op["responses"]):
                offenders.append(f"{label(method, path)}: If-Match, 412 and 428")
            if not declares_etag(read):
                offenders.append(f"{label(method, path)}: the read of {item_path(path)} must send an ETag")
        is_action = method == "post" and "200" in op["responses"] and not path.endswith("}")
        if is_action and declares_etag(read) and (if_match is None or "412" not in op["responses"]):
            offenders.append(f"{label(method, path)}: an action on an object with an ETag takes If-Match")
        if if_match is not None and not declares_etag(op):
            offenders.append(f"{label(method, path)}: answers with the new ETag")
    assert not offenders, "\n".join(offenders)


def test_every_create_takes_an_idempotency_key(document: dict[str, Any]) -> None:
    offenders = [
        label(method, path)
        for method, path, op in operations(document)
        if method == "post"
        and {"201", "202"} & set(op["responses"])
        and "Idempotency-Key" not in params(op, "header")
    ]
    assert not offenders, "creates without Idempotency-Key:\n" + "\n".join(offenders)


def properties(schema: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every (name, schema) of every property, at any depth."""
    if isinstance(schema, dict):
        for name, value in schema.get("properties", {}).items():
            yield name, plain(value)
            yield from properties(value)
        for key in ("items", "additionalProperties"):
            yield from properties(schema.get(key))
        for key in ("anyOf", "oneOf", "allOf"):
            for option in schema.get(key, []):
                yield from properties(option)


def test_values_are_iso_dates_integer_money_numbers_and_english_codes(document: dict[str, Any]) -> None:
    offenders = []
    for name, schema in document["components"]["schemas"].items():
        for prop, value in properties(schema):
            where = f"{name}.{prop}"
            if DATE_NAME.search(prop) and value.get("type") == "string" and "format" not in value:
                offenders.append(f"{where}: a date in ISO 8601 (format date or date-time)")
            if prop in MONEY_NAMES and not name.endswith(("In", "Patch")) and value.get("type") != "integer":
                offenders.append(f"{where}: money as an integer of đồng")
            if prop.endswith(("rate", "share")) and value.get("type") not in ("number", "integer"):
                offenders.append(f"{where}: a percentage as a number")
            if value.get("type") == "string" and "pattern" in value and "\\d*\\.?\\d*" in value["pattern"]:
                offenders.append(f"{where}: a decimal written as a string")
        enum = set(schema.get("enum", []))
        if (enum & LEVELS and not enum <= LEVELS) or (enum & ROLES and not enum <= ROLES):
            offenders.append(f"{name}: level / role codes as api.md lists them: {sorted(enum)}")
    assert not offenders, "\n".join(offenders)
