"""Reads for the landing page."""

from typing import Any

from django.http import HttpRequest

from danvan.accounts.models import Role
from danvan.accounts.selectors import current_unit
from danvan.orgs.models import Organization, Position
from danvan.territory.models import Level, Unit


def home_summary(request: HttpRequest) -> dict[str, Any]:
    unit = current_unit(request)
    if unit is None:
        return {"unit": None}
    lo, hi = unit.subtree_bounds()
    below = Unit.objects.filter(path__gt=lo, path__lte=hi, valid_to__isnull=True)
    return {
        "unit": unit,
        "role_label": _role_label(request.scope.role_on(unit)),  # type: ignore[attr-defined]
        "communes": below.filter(level=Level.COMMUNE).count(),
        "neighbourhoods": below.filter(level=Level.NEIGHBOURHOOD).count(),
        "organizations": Organization.objects.filter(
            unit__path__gte=lo, unit__path__lte=hi, valid_to__isnull=True
        ).count(),
        # distinct ids of the post holders: DISTINCT over whole person rows, joined to every
        # position, took 180 ms for a province at national scale
        "people": Position.objects.filter(
            organization__unit__path__gte=lo, organization__unit__path__lte=hi, end_date__isnull=True
        )
        .values("person_id")
        .distinct()
        .count(),
    }


def _role_label(role: str | None) -> str:
    return Role(role).label if role else ""
