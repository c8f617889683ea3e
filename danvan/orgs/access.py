"""Who may see and change organizations, people and positions.

Reading needs viewer or higher on the unit's subtree; history counts, so the users of a new unit
read the organizations of the old units merged into it. Creating and changing needs unit_admin
on the organization's unit (history counts here too: the unit admins of the new unit keep the
records of the old ones). Anything else answers NotFound, the same as a missing row.
"""

from typing import Literal

from django.db.models import Exists, OuterRef, QuerySet

from danvan.accounts.models import ROLE_RANK, Role
from danvan.accounts.scope import UserScope
from danvan.core.errors import NotFound
from danvan.orgs import selectors
from danvan.orgs.models import Organization, Person, Position
from danvan.orgs.selectors import unit_for_code
from danvan.territory.models import Unit

Action = Literal["view", "edit"]
EDIT_ROLE = Role.UNIT_ADMIN


def can_view_unit(scope: UserScope, unit: Unit) -> bool:
    return scope.is_authenticated and scope.covers(unit, Role.VIEWER, history=True)


def can_edit_unit(scope: UserScope, unit: Unit) -> bool:
    return scope.is_authenticated and scope.covers(unit, EDIT_ROLE, history=True)


def can_edit_somewhere(scope: UserScope) -> bool:
    return scope.is_authenticated and (scope.is_system_admin or bool(scope.paths(EDIT_ROLE)))


def visible_organizations(scope: UserScope) -> QuerySet[Organization]:
    if not scope.is_authenticated:
        return Organization.objects.none()
    return Organization.objects.filter(scope.unit_q("unit__", Role.VIEWER, history=True))


def visible_positions(scope: UserScope) -> QuerySet[Position]:
    if not scope.is_authenticated:
        return Position.objects.none()
    return Position.objects.filter(scope.unit_q("organization__unit__", Role.VIEWER, history=True))


def visible_people(scope: UserScope) -> QuerySet[Person]:
    """People homed in the user's subtrees, or holding a position in an organization there."""
    if not scope.is_authenticated:
        return Person.objects.none()
    if scope.is_system_admin:
        return Person.objects.all()
    holds_here = visible_positions(scope).filter(person=OuterRef("pk"))
    return Person.objects.filter(scope.unit_q("home_unit__", Role.VIEWER, history=True) | Exists(holds_here))


def access_unit(scope: UserScope, code: str, action: Action = "view") -> Unit:
    """The unit with this official code (valid today, else its latest version), if allowed."""
    unit = unit_for_code(code)
    allowed = can_edit_unit if action == "edit" else can_view_unit
    if unit is None or not allowed(scope, unit):
        raise NotFound()
    return unit


def access_organization(scope: UserScope, organization_id: int, action: Action = "view") -> Organization:
    organization = (
        visible_organizations(scope)
        .select_related("unit", "kind", "parent")
        .filter(pk=organization_id)
        .first()
    )
    if organization is None or (action == "edit" and not can_edit_unit(scope, organization.unit)):
        raise NotFound()
    return organization


def can_edit_person(scope: UserScope, person: Person) -> bool:
    """Unit admins of the person's home unit; for a person with none, of a unit where they serve."""
    if scope.is_system_admin:
        return True
    if person.home_unit is not None:
        return can_edit_unit(scope, person.home_unit)
    units = Unit.objects.filter(organizations__positions__person=person).distinct()
    return any(can_edit_unit(scope, unit) for unit in units)


def access_person(scope: UserScope, person_id: int, action: Action = "view") -> Person:
    person = visible_people(scope).select_related("home_unit").filter(pk=person_id).first()
    if person is None or (action == "edit" and not can_edit_person(scope, person)):
        raise NotFound()
    return person


def access_position(scope: UserScope, position_id: int, action: Action = "view") -> Position:
    position = (
        visible_positions(scope)
        .select_related("person", "organization__unit", "organization__kind")
        .filter(pk=position_id)
        .first()
    )
    if position is None or (action == "edit" and not can_edit_unit(scope, position.organization.unit)):
        raise NotFound()
    return position


def unit_options(scope: UserScope, min_role: str = Role.VIEWER, *, extra: Unit | None = None) -> list[Unit]:
    """Units to offer in a picker: the user's granted units and the current units just below them
    (the current provinces for a system admin), plus `extra`, the one already chosen."""
    if scope.is_system_admin:
        granted: set[int] = set()
        units = Unit.objects.filter(parent__isnull=True)
    else:
        rank = ROLE_RANK[Role(min_role)]
        granted = {g.unit_id for g in scope.grants if g.unit_id and g.rank >= rank}
        units = Unit.objects.filter(pk__in=granted) | Unit.objects.filter(parent_id__in=granted)
    rows = units.valid_on(selectors.today()).select_related("parent")

    def tree_order(unit: Unit) -> tuple[str, int, str]:
        if unit.pk in granted or unit.parent is None:
            return (unit.sort_key, 0, "")
        return (unit.parent.sort_key, 1, unit.sort_key)

    chosen = sorted(rows, key=tree_order)
    if extra is not None and extra.pk not in {u.pk for u in chosen}:
        chosen.insert(0, extra)
    return chosen
