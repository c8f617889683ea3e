"""The NinjaAPI of DanVan: stable operation ids and every error response declared the same way.

Whatever an operation declares itself, the published document adds the problem+json responses any
operation can give through the shared handlers and middleware: 400, 404, 422 (bad input, unknown
code), 429 (rate limit), 413 (body too large) on operations with a body, 401/403 on authenticated
operations, 409 on writes, 412 where If-Match is accepted and 428 where it is required (PATCH, PUT).
"""

import enum
import functools
import re
from collections.abc import Iterator
from typing import Any

import ninja.openapi.schema
from ninja import NinjaAPI
from ninja.operation import Operation
from ninja.schema import NinjaGenerateJsonSchema
from pydantic import BaseModel
from pydantic.json_schema import CoreModeRef, CoreRef, DefsRef

from danvan.core.api.problems import PROBLEM_TYPE, ProblemOut

PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
DESCRIPTIONS = {
    400: "Yêu cầu không hợp lệ",
    401: "Chưa xác thực: thiếu khóa API hoặc khóa không còn hiệu lực",
    403: "Không có quyền (hoặc khóa chỉ đọc gửi yêu cầu ghi)",
    404: "Không tìm thấy, hoặc nằm ngoài phạm vi được xem",
    409: "Xung đột với trạng thái hiện tại",
    412: "If-Match không khớp: bản ghi đã bị sửa sau lần đọc",
    413: "Nội dung gửi lên quá lớn",
    422: "Dữ liệu không hợp lệ (lỗi theo từng trường trong errors)",
    428: "Thiếu tiêu đề If-Match",
    429: "Quá nhiều yêu cầu; chờ theo Retry-After",
}
RETRY_AFTER = {"Retry-After": {"description": "Số giây cần chờ.", "schema": {"type": "integer"}}}
UPDATES = ("put", "patch")


def error_statuses(method: str, operation: dict[str, Any]) -> set[int]:
    statuses = {400, 404, 422, 429}
    if operation.get("security"):
        statuses |= {401, 403}
    if method != "get":
        statuses.add(409)
    if "requestBody" in operation:
        statuses.add(413)
    names = {p["name"] for p in operation.get("parameters", [])}
    if "If-Match" in names or method in UPDATES:
        statuses.add(412)
    if method in UPDATES:
        statuses.add(428)
    return statuses


def _problem(status: int, declared: dict[str, Any] | None) -> dict[str, Any]:
    response = {
        "description": (declared or {}).get("description") or DESCRIPTIONS.get(status, "Lỗi"),
        "content": {PROBLEM_TYPE: {"schema": PROBLEM_REF}},
    }
    if status == 429:
        response["headers"] = RETRY_AFTER
    return response


def declare_problems(document: dict[str, Any]) -> dict[str, Any]:
    document.setdefault("components", {}).setdefault("schemas", {})["Problem"] = (
        ProblemOut.model_json_schema()
    )
    for operations in document.get("paths", {}).values():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for status in {int(s) for s in responses if int(s) >= 400} | error_statuses(method, operation):
                declared = responses.pop(status, None) or responses.pop(str(status), None)
                responses[status] = _problem(status, declared)
    return document


def _subclasses(cls: type) -> Iterator[type]:
    sub: type
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


@functools.cache
def clashing_names() -> frozenset[str]:
    """Class names that more than one danvan module defines (schemas and enums, e.g. Kind, Status)."""
    modules: dict[str, set[str]] = {}
    for base in (BaseModel, enum.Enum):
        for cls in _subclasses(base):
            if cls.__module__.startswith("danvan."):
                modules.setdefault(cls.__name__, set()).add(cls.__module__)
    return frozenset(name for name, found in modules.items() if len(found) > 1)


_CORE_REF = re.compile(r"(danvan\.(\w+)(?:\.\w+)*)\.(\w+):")


class QualifiedJsonSchema(NinjaGenerateJsonSchema):
    """Ninja files every schema under its class name, so two classes of one name (practices' Kind
    and petitions' Kind) would share one component and one operation would point at the other's
    schema. A name that several apps define is published with its app: PracticesKind, PetitionsKind."""

    def get_defs_ref(self, core_mode_ref: CoreModeRef) -> DefsRef:
        core_ref, mode = core_mode_ref

        def qualify(match: re.Match[str]) -> str:
            module, app, name = match.groups()
            if name in clashing_names():
                name = app.title() + name
            return f"{module}.{name}:"

        return super().get_defs_ref((CoreRef(_CORE_REF.sub(qualify, core_ref)), mode))


# django-ninja has no setting for the generator of its document's schemas.
ninja.openapi.schema.NinjaGenerateJsonSchema = QualifiedJsonSchema  # type: ignore[misc]


class DanVanAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation: Operation) -> str:
        """`<app>_<function>` when a route names no operation_id (each route should name one)."""
        app = operation.view_func.__module__.split(".")[1]
        return f"{app}_{operation.view_func.__name__}"

    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        return declare_problems(super().get_openapi_schema(*args, **kwargs))
