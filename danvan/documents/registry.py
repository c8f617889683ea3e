"""The document types: each turns a unit and its parameters into an OfficialDocument.

Another app adds its own (meeting minutes, a dialogue's questions and answers, a campaign's
summary) from its AppConfig.ready():

    from danvan.documents.registry import register_document_type

    def minutes(request: BuildRequest) -> OfficialDocument:
        meeting = ...  # read with request.parameters["meeting"], request.unit
        return OfficialDocument(**request.identity(kind_label="BIÊN BẢN", kind_code="BB"), ...)

    register_document_type("meeting_minutes", "Biên bản hội nghị", minutes, parameters=MinutesParameters)

`parameters` is a pydantic model of the type's own parameters; the common ones (number, date,
style, issuing body, signature, recipients) are always accepted: see `CommonParameters`.
Validation runs when the document is requested, so bad input answers 422 at once; the builder
runs later in the background task.

A type about one object (a meeting, a campaign) gives `target`: (scope, parameters) → the
object's unit, reading the object through its app's access helper, so that a request for an
object the requester may not see answers 404 at once, and the document's unit (its issuing
body, who else may download it) is the object's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from django.utils import timezone
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from danvan.core.errors import InvalidInput
from danvan.documents.identity import issuing_identity, organization_identity, organization_style
from danvan.documents.official import OfficialDocument, Signature, Style
from danvan.territory.models import Unit

if TYPE_CHECKING:
    from danvan.accounts.scope import UserScope

LINE = 200


class CommonParameters(BaseModel):
    """Accepted by every type: what the issuing body writes in the frame of the document."""

    model_config = ConfigDict(extra="forbid")

    style: Literal["party", "state"] | None = None
    number: str = Field("", max_length=20)
    date: dt.date | None = None
    issuer: str | None = Field(None, max_length=LINE)
    superior: str | None = Field(None, max_length=LINE)
    issuer_code: str | None = Field(None, max_length=20)
    place: str | None = Field(None, max_length=100)
    recipients: list[str] | None = Field(None, max_length=30)
    signer_authority: str | None = Field(None, max_length=LINE)
    signer_title: str | None = Field(None, max_length=LINE)
    signer_name: str | None = Field(None, max_length=LINE)


class NoParameters(CommonParameters):
    pass


@dataclass(frozen=True)
class BuildRequest:
    """What a builder gets: the unit, the validated parameters, who asked, and a progress hook."""

    unit: Unit
    parameters: dict[str, Any]
    requested_by: Any
    report_progress: Callable[[int], None] = lambda percent: None

    def identity(
        self,
        *,
        kind_label: str,
        kind_code: str,
        default_style: Style = Style.PARTY,
        organization: Any = None,
    ) -> dict[str, Any]:
        """The frame fields of OfficialDocument for this unit (or for `organization`, the body
        issuing a document about its own work, in the style its kind writes in), with the
        requester's overrides."""
        p = self.parameters
        if organization is not None:
            style = Style(p.get("style") or organization_style(organization.kind.code))
            found = organization_identity(organization, style)
        else:
            style = Style(p.get("style") or default_style)
            date = p.get("date")
            found = issuing_identity(
                self.unit, style, dt.date.fromisoformat(date) if date else timezone.localdate()
            )
        signature = Signature(
            authority=p.get("signer_authority") or found.authority,
            title=p.get("signer_title") or found.signer_title,
            name=p.get("signer_name") or "",
        )
        date = p.get("date")
        return {
            "style": style,
            "issuer": p.get("issuer") or found.issuer,
            "superior": found.superior if p.get("superior") is None else p["superior"],
            "issuer_code": p.get("issuer_code") or found.issuer_code,
            "place": p.get("place") or found.place,
            "date": dt.date.fromisoformat(date) if date else timezone.localdate(),
            "number": p.get("number") or "",
            "kind_label": kind_label,
            "kind_code": kind_code,
            "recipients": p.get("recipients") or found.recipients,
            "signature": signature,
        }


Builder = Callable[[BuildRequest], OfficialDocument]
Target = Callable[["UserScope", dict[str, Any]], Unit]


@dataclass(frozen=True)
class DocumentType:
    code: str
    label: str
    builder: Builder
    parameters: type[CommonParameters]
    target: Target | None = None  # the unit of the object the document is about; None: asked for

    def validate(self, raw: dict[str, Any]) -> dict[str, Any]:
        """The parameters as JSON-ready values; InvalidInput with a Vietnamese message per field."""
        try:
            parsed = self.parameters.model_validate(raw)
        except ValidationError as exc:
            errors: dict[str, list[str]] = {}
            for error in exc.errors():
                field = ".".join(str(part) for part in error["loc"]) or "parameters"
                errors.setdefault(field, []).append(_message(error))
            raise InvalidInput(
                "invalid_document_parameters", "Tham số của văn bản chưa hợp lệ.", errors=errors
            ) from exc
        return parsed.model_dump(mode="json", exclude_defaults=True)


_MESSAGES = {
    "missing": "Bắt buộc phải có.",
    "extra_forbidden": "Tham số này không dùng cho loại văn bản đã chọn.",
    "string_too_long": "Quá dài (tối đa {max_length} ký tự).",
    "string_type": "Phải là chuỗi ký tự.",
    "int_parsing": "Phải là số nguyên.",
    "int_type": "Phải là số nguyên.",
    "bool_parsing": "Phải là true hoặc false.",
    "date_from_datetime_parsing": "Ngày phải có dạng YYYY-MM-DD.",
    "date_parsing": "Ngày phải có dạng YYYY-MM-DD.",
    "literal_error": "Giá trị không nằm trong danh sách cho phép: {expected}.",
    "greater_than_equal": "Phải lớn hơn hoặc bằng {ge}.",
    "less_than_equal": "Phải nhỏ hơn hoặc bằng {le}.",
    "list_type": "Phải là một danh sách.",
    "too_long": "Quá nhiều phần tử (tối đa {max_length}).",
}


def _message(error: Any) -> str:
    if error["type"] == "value_error":  # raised by a validator with a Vietnamese message
        return str(error.get("ctx", {}).get("error", "Giá trị không hợp lệ."))
    template = _MESSAGES.get(error["type"], "Giá trị không hợp lệ.")
    try:
        return template.format(**error.get("ctx", {}))
    except (KeyError, IndexError):
        return template


DOCUMENT_TYPES: dict[str, DocumentType] = {}


def register_document_type(
    code: str,
    label: str,
    builder: Builder,
    *,
    parameters: type[CommonParameters] = NoParameters,
    target: Target | None = None,
) -> DocumentType:
    """Add a type (code: stable, snake_case; label: Vietnamese); a code registered again is replaced."""
    if not code.replace("_", "").isalnum() or code != code.lower():
        raise ValueError(f"document type code must be lower snake_case: {code!r}")
    if not issubclass(parameters, CommonParameters):
        raise TypeError("parameters must extend CommonParameters")
    document_type = DocumentType(code, label, builder, parameters, target)
    DOCUMENT_TYPES[code] = document_type
    return document_type


def document_type(code: str) -> DocumentType:
    found = DOCUMENT_TYPES.get(code)
    if found is None:
        known = ", ".join(sorted(DOCUMENT_TYPES)) or "—"
        raise InvalidInput(
            "unknown_document_type",
            f"Không có loại văn bản «{code}». Các loại có: {known}.",
            errors={"type": [f"Các loại có: {known}."]},
        )
    return found
