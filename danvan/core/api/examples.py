"""The main flows of /api/v1 as data: the API documentation page shows them as curl commands, and
danvan/core/tests/test_api_client.py runs exactly these steps with a client that knows nothing but
the OpenAPI document. So the examples on the page cannot drift from what the API does.

A step names an operation by its operationId, never by path. `{name}` in a value is something an
earlier step remembered (`remember`: name → a field of the answer, or `@Header`) or a credential.
"""

import json
import re
import shlex
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

COMMUNE, PROVINCE, PERIOD, YEAR = "31510", "92", "2026-M08", 2026  # Phường Sóc Trăng, TP Cần Thơ
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Step:
    actor: str  # whose token: reporter, approver, citizen (none)
    operation: str  # operationId
    vi: Any  # lazily translated Vietnamese
    en: str
    params: dict[str, Any] = field(default_factory=dict)  # path and query parameters by name
    body: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    remember: dict[str, str] = field(default_factory=dict)
    expect: dict[str, Any] = field(default_factory=dict)  # field of the answer → value


@dataclass(frozen=True)
class Flow:
    slug: str
    vi: Any
    en: str
    steps: tuple[Step, ...]


def login(actor: str) -> Step:
    return Step(
        actor,
        "auth_token",
        _("Lấy khóa API bằng tên đăng nhập và mật khẩu (hoặc tạo khóa ở trang Khóa API)."),
        "Get a token with a username and password (or create one on the API tokens page).",
        body={"username": "{username}", "password": "{password}"},
        remember={"token": "token"},
    )


VALUES = [
    {"indicator": "propaganda_sessions", "value": 4, "reason": "Số liệu thực tế"},
    {"indicator": "dialogue_opinions", "value": 1250, "reason": "Số liệu thực tế"},
    {"indicator": "dialogue_answered", "value": 1200, "reason": "Số liệu thực tế"},
    {"indicator": "gifts_value", "value": 4_000_000_000, "reason": "Số liệu thực tế"},
]

REPORT = Flow(
    "report",
    _("Nộp báo cáo định kỳ"),
    "Submit a periodic report",
    (
        login("reporter"),
        Step(
            "reporter",
            "submissions_open",
            _("Mở báo cáo tháng của phường (đã có thì nhận lại báo cáo đó, với số liệu hệ thống đã biết)."),
            "Open the ward's monthly report (or get the open one back, with the figures the system knows).",
            body={"form": "dv-xa-thang", "unit": COMMUNE, "period": PERIOD},
            headers={"Idempotency-Key": "bao-cao-31510-2026-M08"},
            remember={"submission_id": "id", "etag": "@ETag"},
            expect={"status": "draft"},
        ),
        Step(
            "reporter",
            "submissions_put_values",
            _("Nhập số liệu; If-Match là ETag vừa nhận (412 nếu người khác đã sửa)."),
            "Enter the figures; If-Match is the ETag just received (412 if someone changed the report).",
            params={"submission_id": "{submission_id}"},
            headers={"If-Match": "{etag}"},
            body={"values": VALUES},
            remember={"etag": "@ETag"},
        ),
        Step(
            "reporter",
            "submissions_submit",
            _("Nộp báo cáo."),
            "Submit the report.",
            params={"submission_id": "{submission_id}"},
            headers={"If-Match": "{etag}"},
            expect={"status": "submitted"},
        ),
        login("approver"),
        Step(
            "approver",
            "submissions_approve",
            _("Lãnh đạo cấp trên duyệt: số liệu được cộng vào tổng hợp ngay."),
            "The approver above approves: the figures are added to the rollups at once.",
            params={"submission_id": "{submission_id}"},
            expect={"status": "approved"},
        ),
        Step(
            "approver",
            "rollups_get",
            _("Đọc số tổng hợp của thành phố: có ngay số buổi tuyên truyền vừa duyệt."),
            "Read the city's rollup: the approved number of propaganda sessions is there.",
            params={"indicator": "propaganda_sessions", "period": PERIOD, "unit": PROVINCE},
            expect={"unit.value": 4},
        ),
    ),
)

PRACTICE = Flow(
    "practice",
    _("Đăng ký mô hình “Dân vận khéo”"),
    "Register a “Dân vận khéo” model",
    (
        login("reporter"),
        Step(
            "reporter",
            "practices_register",
            _("Đăng ký mô hình; gửi lại cùng Idempotency-Key không tạo bản thứ hai."),
            "Register a model; a retry with the same Idempotency-Key creates nothing new.",
            body={
                "unit": COMMUNE,
                "year": YEAR,
                "field": "kinh-te",
                "name": "Tổ Nhân dân tự quản giữ gìn vệ sinh môi trường",
                "budget": 15_000_000,
                "start_date": "2026-02-01",
            },
            headers={"Idempotency-Key": "mo-hinh-31510-2026-01"},
            remember={"practice_id": "id", "etag": "@ETag"},
            expect={"status": "registered"},
        ),
        Step(
            "reporter",
            "practices_transition",
            _("Chuyển sang “đang thực hiện”, với ETag của lần đọc gần nhất."),
            "Move it to “in progress”, with the ETag of the last read.",
            params={"practice_id": "{practice_id}"},
            headers={"If-Match": "{etag}"},
            body={"to": "in_progress"},
            expect={"status": "in_progress"},
        ),
    ),
)

PETITION = Flow(
    "petition",
    _("Gửi và theo dõi ý kiến, kiến nghị"),
    "Submit and track a petition",
    (
        Step(
            "citizen",
            "public_petitions_submit",
            _("Người dân gửi phản ánh, không cần tài khoản; giữ mã theo dõi."),
            "A citizen sends a report, no account needed; keep the tracking code.",
            body={
                "kind": "report",
                "topic": "ha-tang",
                "unit": COMMUNE,
                "content": "Đèn chiếu sáng đường Lê Lợi, khóm 3 hỏng đã hai tuần, buổi tối rất tối.",
            },
            headers={"Idempotency-Key": "phan-anh-den-duong-le-loi"},
            remember={"tracking_code": "tracking_code"},
        ),
        Step(
            "citizen",
            "public_petitions_track",
            _("Theo dõi bằng mã: trạng thái và câu trả lời công khai, không có thông tin cá nhân."),
            "Track it by code: status and public answer, never personal data.",
            params={"tracking_code": "{tracking_code}"},
            expect={"status": "received"},
        ),
    ),
)

FLOWS = (REPORT, PRACTICE, PETITION)


def operation_by_id(document: dict[str, Any], operation_id: str) -> tuple[str, str, dict[str, Any]]:
    """(method, path, operation) of the operation with this operationId."""
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if operation.get("operationId") == operation_id:
                return method, path, operation
    raise KeyError(f"no operation {operation_id} in the OpenAPI document")


def fill(value: Any, known: dict[str, Any]) -> Any:
    """`{name}` replaced by known[name], in strings, lists and objects (a whole `{name}` keeps its type)."""
    if isinstance(value, str):
        whole = PLACEHOLDER.fullmatch(value)
        if whole:
            return known[whole.group(1)]
        return PLACEHOLDER.sub(lambda m: str(known[m.group(1)]), value)
    if isinstance(value, list):
        return [fill(item, known) for item in value]
    if isinstance(value, dict):
        return {key: fill(item, known) for key, item in value.items()}
    return value


def _shell_names(actor: str) -> dict[str, str]:
    """What a curl user keeps in shell variables instead of remembered values."""
    names = {"username": "$DV_USER", "password": "$DV_PASSWORD", "token": f"$TOKEN_{actor.upper()}"}
    for flow in FLOWS:
        for step in flow.steps:
            for name in step.remember:
                names.setdefault(name, f"${name.upper()}")
    return names


def curl(step: Step, document: dict[str, Any], base: str) -> str:
    """The curl command of a step, from the OpenAPI document (method, path, parameters)."""
    method, path, operation = operation_by_id(document, step.operation)
    names = _shell_names(step.actor)
    in_path = {p["name"] for p in operation.get("parameters", []) if p["in"] == "path"}
    for name in in_path:
        path = path.replace("{" + name + "}", fill(str(step.params[name]), names))
    query = {k: v for k, v in step.params.items() if k not in in_path}
    url = base.rstrip("/") + path.removeprefix("/api/v1") + (f"?{urlencode(query)}" if query else "")
    parts = ["curl " + (f"-X {method.upper()} " if method != "get" else "") + f'"{url}"']
    if operation.get("security"):
        parts.append(f'-H "Authorization: Bearer {names["token"]}"')
    for header, value in step.headers.items():
        parts.append(f'-H "{header}: {fill(value, names)}"')
    if step.body is not None:
        parts += ['-H "Content-Type: application/json"', "-d " + _shell_json(step.body, names)]
    return " \\\n  ".join(parts)


def _shell_json(body: dict[str, Any], names: dict[str, str]) -> str:
    """The body in single quotes, with shell variables spliced in ('"$DV_USER"') to expand."""
    marked = fill(body, {name: f"\x00{variable}\x00" for name, variable in names.items()})
    quoted = shlex.quote(json.dumps(marked, ensure_ascii=False))
    return re.sub(r"\\u0000(\$[A-Z_]+)\\u0000", "'\"\\1\"'", quoted)


def _kept(step: Step) -> list[str]:
    """What the user keeps from the answer, as shell assignments to show under the command."""
    names = _shell_names(step.actor)
    kept = []
    for name, source in step.remember.items():
        variable = names[name].lstrip("$")
        kept.append(
            f"{variable}=<{source[1:]} header>" if source.startswith("@") else f"{variable}=<{source}>"
        )
    return kept


def documented_flows(document: dict[str, Any], base: str) -> list[dict[str, Any]]:
    """The flows ready for the documentation page: each step's texts and curl command."""
    return [
        {
            "slug": flow.slug,
            "vi": flow.vi,
            "en": flow.en,
            "steps": [
                {"vi": step.vi, "en": step.en, "curl": curl(step, document, base), "kept": _kept(step)}
                for step in flow.steps
            ],
        }
        for flow in FLOWS
    ]
