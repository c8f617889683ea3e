"""/api/v1: one NinjaAPI, routers from each domain app, problem+json errors everywhere."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja.errors import AuthenticationError, HttpError, ValidationError

from danvan.accounts.api import router as accounts_router
from danvan.accounts.auth import BearerTokenAuth
from danvan.campaigns.api import router as campaigns_router
from danvan.core.api.openapi import DanVanAPI
from danvan.core.api.problems import problem_response
from danvan.core.errors import DomainError
from danvan.dashboards.api import router as dashboards_router
from danvan.documents.api import router as documents_router
from danvan.extraction.api import router as extraction_router
from danvan.meetings.api import router as meetings_router
from danvan.membership.api import router as membership_router
from danvan.orgs.api import router as orgs_router
from danvan.petitions.api import router as petitions_router
from danvan.portal.api import router as portal_router
from danvan.practices.api import router as practices_router
from danvan.reporting.api import router as reporting_router
from danvan.territory.api import router as territory_router

api = DanVanAPI(
    title="DanVan API",
    version="1",
    description=(
        "API của DanVan — phần mềm công tác Dân vận. Hướng dẫn, quy ước và ví dụ (tiếng Việt, English): "
        "[/cong-thong-tin/api/](/cong-thong-tin/api/)."
    ),
    urls_namespace="api-v1",
    auth=BearerTokenAuth(),
)


def problem(request: HttpRequest, status: int, code: str, detail: str, **extra: Any) -> HttpResponse:
    return problem_response(status, code, detail, **extra)


@api.exception_handler(DomainError)
def on_domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    extra = {"errors": exc.errors} if exc.errors else {}
    return problem(request, exc.status, exc.code, exc.message, **extra)


# pydantic error types → Vietnamese messages; ctx values (limits) are filled in.
_MESSAGES = {
    "missing": "Bắt buộc phải có.",
    "string_too_short": "Quá ngắn (tối thiểu {min_length} ký tự).",
    "string_too_long": "Quá dài (tối đa {max_length} ký tự).",
    "string_type": "Phải là chuỗi ký tự.",
    "int_parsing": "Phải là số nguyên.",
    "int_type": "Phải là số nguyên.",
    "float_parsing": "Phải là số.",
    "bool_parsing": "Phải là true hoặc false.",
    "date_from_datetime_parsing": "Ngày phải có dạng YYYY-MM-DD.",
    "date_parsing": "Ngày phải có dạng YYYY-MM-DD.",
    "date_type": "Ngày phải có dạng YYYY-MM-DD.",
    "datetime_parsing": "Thời điểm phải theo ISO 8601.",
    "literal_error": "Giá trị không nằm trong danh sách cho phép: {expected}.",
    "enum": "Giá trị không nằm trong danh sách cho phép: {expected}.",
    "greater_than_equal": "Phải lớn hơn hoặc bằng {ge}.",
    "greater_than": "Phải lớn hơn {gt}.",
    "less_than_equal": "Phải nhỏ hơn hoặc bằng {le}.",
    "less_than": "Phải nhỏ hơn {lt}.",
    "list_type": "Phải là một danh sách.",
    "dict_type": "Phải là một đối tượng.",
    "model_attributes_type": "Phải là một đối tượng.",
    "json_invalid": "Nội dung JSON không hợp lệ.",
    "too_long": "Quá nhiều phần tử (tối đa {max_length}).",
    "too_short": "Quá ít phần tử (tối thiểu {min_length}).",
    "value_error": "Giá trị không hợp lệ.",
    "invalid_period": "{detail}",
}


def vietnamese_message(error: dict[str, Any]) -> str:
    template = _MESSAGES.get(error.get("type", ""), "Giá trị không hợp lệ.")
    try:
        return template.format(**error.get("ctx", {}))
    except (KeyError, IndexError):
        return "Giá trị không hợp lệ."


@api.exception_handler(ValidationError)
def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        loc = [str(part) for part in error.get("loc", []) if part not in ("body", "query", "path", "payload")]
        errors.setdefault(".".join(loc) or "__all__", []).append(vietnamese_message(error))
    messages = [message for field_messages in errors.values() for message in field_messages]
    detail = "Dữ liệu gửi lên không hợp lệ."
    if len(messages) == 1:  # one mistake: say it in the detail too
        detail = f"Dữ liệu gửi lên không hợp lệ: {messages[0]}"
    return problem(request, 422, "validation_error", detail, errors=errors)


@api.exception_handler(AuthenticationError)
def on_auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return problem(request, 401, "unauthorized", "Cần đăng nhập: gửi khóa API trong tiêu đề Authorization.")


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return problem(request, 404, "not_found", "Không tìm thấy đối tượng hoặc bạn không có quyền xem.")


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return problem(request, exc.status_code, "http_error", str(exc))


api.add_router("/", accounts_router)
api.add_router("/units", territory_router)
api.add_router("/", orgs_router)
api.add_router("/practices", practices_router)
api.add_router("/", reporting_router)
api.add_router("/", meetings_router)
api.add_router("/", petitions_router)
api.add_router("/", campaigns_router)
api.add_router("/", membership_router)
api.add_router("/", extraction_router)
api.add_router("/", documents_router)
api.add_router("/", dashboards_router)
api.add_router("/", portal_router)
