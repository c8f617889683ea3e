"""Who may see and manage which users, and grant which roles on which units.

A unit admin manages exactly the users all of whose grants lie inside the subtrees where the
admin holds unit_admin (a user with any grant elsewhere, a system grant, or staff rights is not
theirs: 404 alike). A unit admin grants roles up to unit_admin on units of those subtrees;
system admins manage everyone and grant everything.
"""

import datetime as dt

from django.db.models import Exists, OuterRef, Q, QuerySet

from danvan.accounts.models import ROLE_RANK, ApiToken, Grant, Role, User
from danvan.accounts.scope import UserScope
from danvan.core.errors import NotFound, PermissionDenied
from danvan.territory.models import Level, Unit

GRANT_LEVELS = [Level.PROVINCE, Level.DISTRICT, Level.COMMUNE]


def is_user_admin(scope: UserScope) -> bool:
    return scope.is_system_admin or bool(scope.paths(Role.UNIT_ADMIN))


def visible_users(scope: UserScope) -> QuerySet[User]:
    if scope.is_system_admin:
        return User.objects.all()
    if not scope.paths(Role.UNIT_ADMIN):
        return User.objects.none()
    inside = scope.unit_q("unit__", Role.UNIT_ADMIN, history=False)
    grants = Grant.objects.filter(user=OuterRef("pk"))
    return User.objects.filter(
        Exists(grants.filter(inside)),
        ~Exists(grants.filter(Q(unit__isnull=True) | ~inside)),
        is_superuser=False,
        is_staff=False,
    )


def access_user(scope: UserScope, user_id: int | str, action: str = "manage") -> User:
    """The user if the scope may `view` or `manage` them (the same rule); NotFound otherwise."""
    try:
        return visible_users(scope).get(pk=int(user_id))
    except (User.DoesNotExist, ValueError, TypeError) as exc:
        raise NotFound() from exc


def access_grant(user: User, grant_id: int | str) -> Grant:
    """A grant of a user already reached through access_user."""
    try:
        return user.grants.select_related("unit").get(pk=int(grant_id))
    except (Grant.DoesNotExist, ValueError, TypeError) as exc:
        raise NotFound() from exc


def may_grant(scope: UserScope, unit: Unit | None, role: str) -> bool:
    if role == Role.SYSTEM_ADMIN:
        return scope.is_system_admin and unit is None
    if unit is None or role not in Role.values:
        return False
    rank_ok = ROLE_RANK[Role(role)] <= ROLE_RANK[Role.UNIT_ADMIN]
    return rank_ok and scope.covers(unit, Role.UNIT_ADMIN)


def require_user_admin(scope: UserScope) -> None:
    """For list and create operations, which have no object to answer 404 about."""
    if not is_user_admin(scope):
        raise PermissionDenied()


def grantable_units(scope: UserScope, day: dt.date) -> QuerySet[Unit]:
    """Current units, down to communes, on which the scope may grant roles (for form choices)."""
    units = Unit.objects.valid_on(day).filter(level__in=GRANT_LEVELS)
    return units.filter(scope.unit_q("", Role.UNIT_ADMIN, history=False)).order_by("path")


def grantable_unit_by_code(scope: UserScope, code: str, day: dt.date) -> Unit | None:
    """The unit valid on `day` with this official code if the scope may grant on it, else None.

    Unknown and outside answer the same, so that a caller cannot probe beyond their subtree.
    """
    units = Unit.objects.valid_on(day).filter(code=code)
    return units.filter(scope.unit_q("", Role.UNIT_ADMIN, history=False)).first()


def filter_units(scope: UserScope, day: dt.date) -> QuerySet[Unit]:
    """Units offered by the users list's unit filter: the admin's units and the level below."""
    units = Unit.objects.valid_on(day)
    if scope.is_system_admin:
        return units.filter(level=Level.PROVINCE).order_by("sort_key")
    ids = [g.unit_id for g in scope.grants if g.role == Role.UNIT_ADMIN and g.unit_id]
    return units.filter(Q(pk__in=ids) | Q(parent_id__in=ids)).order_by("path")


def visible_tokens(user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user)


def access_token(user: User, token_id: int | str) -> ApiToken:
    try:
        return visible_tokens(user).get(pk=int(token_id))
    except (ApiToken.DoesNotExist, ValueError, TypeError) as exc:
        raise NotFound() from exc
