"""What the staff and public operations share: units by code, the intake from a payload."""

from typing import Any

from django.utils import timezone

from danvan.core.errors import NotFound
from danvan.petitions.models import Topic
from danvan.petitions.services.intake import Intake
from danvan.territory.models import Unit


def unit_by_code(code: str) -> Unit:
    unit = Unit.objects.valid_on(timezone.localdate()).filter(code=code.strip()).first()
    if unit is None:
        raise NotFound(f"Không có đơn vị mã «{code}» đang có hiệu lực.")
    return unit


def intake_from(payload: Any, unit: Unit | None) -> Intake:
    """An Intake from PetitionIn / PublicPetitionIn (a missing topic is reported by the service)."""
    citizen = payload.citizen
    return Intake(
        kind=payload.kind.value,
        topic=Topic.objects.filter(code=payload.topic).first(),
        unit=unit,
        content=payload.content,
        title=payload.title,
        location=payload.location,
        citizen_name=citizen.name,
        citizen_phone=citizen.phone,
        citizen_email=citizen.email,
        citizen_address=citizen.address,
        wants_updates=payload.wants_updates,
        public_consent=payload.public_consent,
        known_on=payload.known_on,
    )
