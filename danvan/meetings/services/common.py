"""What the services share: reach checks, the errors they raise, date wording."""

from django.utils.translation import gettext as _

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.core.errors import InvalidInput, NotFound
from danvan.core.formatting import format_date
from danvan.orgs.models import Organization
from danvan.territory.models import Unit

__all__ = ["Errors", "check_writer", "fail", "format_date", "in_subtree", "reach_error"]

Errors = dict[str, list[str]]


def check_writer(scope: UserScope, unit: Unit) -> None:
    """Writing needs reporter or above on the unit; else the unit is not yours (404)."""
    if not scope.covers(unit, Role.REPORTER):
        raise NotFound()


def in_subtree(path: str, root_path: str) -> bool:
    return bool(root_path) and path.startswith(root_path)


def reach_error(organization: Organization, assigner_unit: Unit) -> str | None:
    """An owner must lie in the assigner's subtree: a commune cannot task the province or a neighbour."""
    if in_subtree(organization.unit.path, assigner_unit.path):
        return None
    return _("«%(org)s» nằm ngoài phạm vi của %(unit)s: chỉ giao việc cho cơ quan, tổ chức trực thuộc.") % {
        "org": organization.name,
        "unit": assigner_unit.name,
    }


def fail(errors: Errors, message: str | None = None, code: str = "invalid_input") -> None:
    if errors:
        raise InvalidInput(
            code, message or _("Thông tin chưa hợp lệ; xem các trường được đánh dấu."), errors=errors
        )
