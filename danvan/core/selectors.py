"""Reads for the landing page."""

from typing import Any

from django.http import HttpRequest

from danvan.accounts.models import Role
from danvan.accounts.selectors import current_unit
from danvan.orgs.models import Organization, Person
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
        "people": Person.objects.filter(
            positions__organization__unit__path__gte=lo,
            positions__organization__unit__path__lte=hi,
            positions__end_date__isnull=True,
        )
        .distinct()
        .count(),
    }


def _role_label(role: str | None) -> str:
    return Role(role).label if role else ""
