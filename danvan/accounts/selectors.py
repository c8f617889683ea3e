"""Reads about users and their working context."""

from django.http import HttpRequest

from danvan.territory.models import Unit

SESSION_UNIT_KEY = "danvan_current_unit"


def current_unit(request: HttpRequest) -> Unit | None:
    """The unit the user works in: the one chosen in the switcher, else their first granted unit."""
    cached = getattr(request, "_danvan_current_unit", None)
    if cached is not None:
        return cached
    units = request.scope.units  # type: ignore[attr-defined]
    chosen = request.session.get(SESSION_UNIT_KEY)
    unit = next((u for u in units if u.pk == chosen), units[0] if units else None)
    request._danvan_current_unit = unit  # type: ignore[attr-defined]
    return unit
