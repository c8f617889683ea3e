"""Who may see and do what in the territory.

Reading is public: the territory is public data, so every unit is visible to everyone. Writing
is about neighbourhoods only: a user with role reporter or higher on a current commune (directly
or through its province) manages the commune's neighbourhoods. Anyone else gets 404, the same
answer as for a unit that does not exist.
"""

from django.db.models import QuerySet

from danvan.accounts.models import Role
from danvan.accounts.scope import UserScope
from danvan.core.errors import NotFound
from danvan.territory.models import Level, Unit
from danvan.territory.selectors import unit_by_code

ACTIONS = {"manage_neighbourhoods": Role.REPORTER}


def visible_units(scope: UserScope | None = None) -> QuerySet[Unit]:
    return Unit.objects.all()


def can_manage_neighbourhoods(scope: UserScope, commune: Unit) -> bool:
    return (
        scope.is_authenticated
        and commune.level == Level.COMMUNE
        and commune.valid_to is None
        and scope.covers(commune, ACTIONS["manage_neighbourhoods"])
    )


def _current(code: str) -> Unit:
    try:
        return unit_by_code(code)
    except NotFound:
        raise NotFound() from None  # the same answer as for a unit that is not the user's


def access_commune(scope: UserScope, code: str, action: str = "manage_neighbourhoods") -> Unit:
    """The current commune with this code, if the user may do `action` on it; else NotFound."""
    commune = _current(code)
    if commune.level != Level.COMMUNE or commune.valid_to is not None:
        raise NotFound()
    if not (scope.is_authenticated and scope.covers(commune, ACTIONS[action])):
        raise NotFound()
    return commune


def access_neighbourhood(scope: UserScope, code: str, action: str = "manage_neighbourhoods") -> Unit:
    """The current neighbourhood with this code, if the user may do `action` on it; else NotFound."""
    unit = _current(code)
    if unit.level != Level.NEIGHBOURHOOD or unit.valid_to is not None:
        raise NotFound()
    if not (scope.is_authenticated and scope.covers(unit, ACTIONS[action])):
        raise NotFound()
    return unit
