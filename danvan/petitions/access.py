"""Who may see and do what with petitions.

- Reading: users whose grants cover the item's unit or the unit of the body handling it
  (history included), and the handlers assigned to it.
- Handling (progress, answers with evidence): the assigned handlers, and reporters or above on
  the item's unit or on the handling body's unit.
- Leading (accept, reject, route, transfer, extend, close, reopen, assign): approvers or above there.
- A denouncer's identity (name, contacts, the files they sent): only the assigned handlers — not
  even a system administrator — and every look at it is audited (services.identity).
- Citizens: the tracking code shows the status and a public answer; the private link (code plus
  secret) shows their own item.
"""

import hashlib
import hmac
from typing import Any

from django.db.models import Q, QuerySet

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.core.errors import NotFound, PermissionDenied
from danvan.core.fixed_sql import Prepared
from danvan.core.models import MAX_ID
from danvan.petitions.models import Petition, PetitionFile
from danvan.territory.tree import subtree_q

READ, HANDLE, LEAD = "read", "handle", "lead"
_MIN_ROLE = {READ: Role.VIEWER, HANDLE: Role.REPORTER, LEAD: Role.APPROVER}


def _handled_by(user: Any) -> QuerySet[Any]:
    return Petition.handlers.through.objects.filter(user=user)


def visible_petitions(scope: UserScope) -> QuerySet[Petition]:
    if not scope.is_authenticated:
        return Petition.objects.none()
    if scope.is_system_admin:
        return Petition.objects.all()
    paths = scope.read_paths()
    return Petition.objects.filter(
        subtree_q(paths, "unit_path")
        | subtree_q(paths, "org_unit_path")
        | Q(pk__in=_handled_by(scope.user).values("petition_id"))
    )


def is_handler(scope: UserScope, petition: Petition) -> bool:
    if not scope.is_authenticated:
        return False
    return _handled_by(scope.user).filter(petition_id=petition.pk).exists()


def _inside(paths: list[str], petition: Petition) -> bool:
    return any(
        petition.unit_path.startswith(p) or (petition.org_unit_path and petition.org_unit_path.startswith(p))
        for p in paths
    )


def can(scope: UserScope, petition: Petition, action: str) -> bool:
    if not scope.is_authenticated:
        return False
    if scope.is_system_admin:
        return True
    role = _MIN_ROLE[action]
    paths = scope.read_paths(role) if action == READ else scope.paths(role)
    if _inside(paths, petition):
        return True
    return action in (READ, HANDLE) and is_handler(scope, petition)


def can_see_identity(scope: UserScope, petition: Petition) -> bool:
    """A denouncer's identity: the assigned handlers only. Others' contacts: those who handle."""
    if petition.is_denunciation:
        return is_handler(scope, petition)
    return can(scope, petition, HANDLE)


def _check_id(object_id: int) -> None:
    if not 0 < object_id <= MAX_ID:
        raise NotFound()


def access_petition(scope: UserScope, petition_id: int, action: str = READ) -> Petition:
    """The petition if the user may `action` it; 404 alike when missing or not visible."""
    _check_id(petition_id)
    petition = (
        Petition.objects.select_related("unit", "topic", "organization", "rule", "duplicate_of")
        .filter(pk=petition_id)
        .first()
    )
    if petition is None or not can(scope, petition, READ):
        raise NotFound()
    if action != READ and not can(scope, petition, action):
        raise PermissionDenied()
    return petition


def access_file(scope: UserScope, file_id: int) -> PetitionFile:
    """A file for those who read its item; what a denouncer sent, for the handlers only."""
    _check_id(file_id)
    found = PetitionFile.objects.select_related("petition").filter(pk=file_id).first()
    if found is None or not can(scope, found.petition, READ):
        raise NotFound()
    if found.from_citizen and not can_see_identity(scope, found.petition):
        raise NotFound()
    return found


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


# Citizens follow their items by tracking code all day (a sixth of the end-of-period load test's
# requests): the read is prepared once (core/fixed_sql.py). Tracking codes are unique.
_TRACKED = Prepared(
    "petitions.tracked",
    Petition,
    lambda code: Petition.objects.select_related("unit", "topic", "organization").filter(tracking_code=code),
)


def access_tracked(code: str) -> Petition:
    """The item behind a tracking code (for its status and public answer only)."""
    petition: Petition | None = _TRACKED.first(code.strip().upper()[:16])
    if petition is None:
        raise NotFound("Không tìm thấy mã theo dõi này. Hãy kiểm tra lại mã trên giấy biên nhận.")
    return petition


def access_private(code: str, secret: str) -> Petition:
    """The citizen's own item through the private link; 404 alike for a wrong code or secret."""
    try:
        petition = access_tracked(code)
    except NotFound:
        petition = None
    if petition is None or not hmac.compare_digest(petition.access_hash, secret_hash(secret)):
        raise NotFound("Đường dẫn riêng không đúng hoặc đã hết hiệu lực.")
    return petition


def access_public_file(petition: Petition, file_id: int) -> PetitionFile:
    """Evidence of a public answer, for anyone who has the tracking code."""
    _check_id(file_id)
    found = PetitionFile.objects.filter(
        pk=file_id, petition=petition, answer__is_public=True, from_citizen=False
    ).first()
    if found is None:
        raise NotFound()
    return found
