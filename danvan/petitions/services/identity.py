"""Reading a denouncer's identity: the assigned handlers only, and every look is audited."""

from dataclasses import dataclass
from typing import Any

from danvan.accounts.scope import UserScope
from danvan.audit.services import audit_record
from danvan.core.errors import PermissionDenied
from danvan.petitions.access import can_see_identity
from danvan.petitions.models import Petition


@dataclass(frozen=True)
class Identity:
    name: str
    phone: str
    email: str
    address: str


def petition_identity_view(*, actor: Any, scope: UserScope, petition: Petition) -> Identity:
    """The sender's identity for those who may see it; a denouncer's is audited on each view."""
    if not can_see_identity(scope, petition):
        raise PermissionDenied("Chỉ người được giao xử lý vụ việc mới xem được thông tin người tố cáo.")
    if petition.is_denunciation:
        audit_record(actor=actor, action="petition.identity_view", obj=petition, unit=petition.unit)
    return Identity(
        petition.citizen_name, petition.citizen_phone, petition.citizen_email, petition.citizen_address
    )
