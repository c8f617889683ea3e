"""The one error type of domain failures: a machine code and a Vietnamese message.

Views turn it into a form error or a message, the API into a problem+json 4xx body.
"""

from typing import Any


class DomainError(Exception):
    status = 400

    def __init__(self, code: str, message: str, *, errors: dict[str, list[str]] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.errors = errors or {}

    def as_problem(self) -> dict[str, Any]:
        body: dict[str, Any] = {"status": self.status, "code": self.code, "detail": self.message}
        if self.errors:
            body["errors"] = self.errors
        return body


class NotFound(DomainError):
    """Missing and not-yours look the same: 404 with the same message."""

    status = 404

    def __init__(self, message: str = "Không tìm thấy đối tượng hoặc bạn không có quyền xem.") -> None:
        super().__init__("not_found", message)


class PermissionDenied(DomainError):
    """The object is visible but the action is not allowed for this user."""

    status = 403

    def __init__(self, message: str = "Bạn không có quyền thực hiện thao tác này.") -> None:
        super().__init__("forbidden", message)


class InvalidInput(DomainError):
    """Input that breaks a rule: 422 in the API, a form error on pages."""

    status = 422


class Conflict(DomainError):
    status = 409
