"""Reads about users, their grants and tokens, and the user's working context."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import HttpRequest

from danvan.accounts.models import ApiToken, Grant, User
from danvan.core.text import fold
from danvan.territory.models import Unit

SESSION_UNIT_KEY = "danvan_current_unit"


def current_unit(request: HttpRequest) -> Unit | None:
    """The unit the user works in: the one chosen in the switcher, else their first granted unit
    (none for a system admin who has not chosen one: pages that act on a unit then ask for one)."""
    cached = getattr(request, "_danvan_current_unit", None)
    if cached is not None:
        return cached
    scope = request.scope  # type: ignore[attr-defined]
    chosen = request.session.get(SESSION_UNIT_KEY)
    if scope.is_system_admin:
        # The whole country until the admin chooses a unit to work in (the switcher, a unit's page).
        unit = Unit.objects.filter(pk=chosen).first() if isinstance(chosen, int) else None
    else:
        units = scope.units
        unit = next((u for u in units if u.pk == chosen), units[0] if units else None)
    request._danvan_current_unit = unit  # type: ignore[attr-defined]
    return unit


@dataclass(frozen=True)
class UserFilter:
    q: str = ""
    role: str = ""
    unit: Unit | None = None


def grants_of_users() -> Prefetch:
    return Prefetch("grants", queryset=Grant.objects.select_related("unit").order_by("unit__path", "role"))


def filter_users(users: QuerySet[User], f: UserFilter) -> QuerySet[User]:
    """Search (accent-insensitive) by username and full name, and keep users holding a grant
    with the role and/or on a unit of the given unit's subtree."""
    if f.q.strip():
        users = users.filter(Q(search_folded__contains=fold(f.q)) | Q(email__iexact=f.q.strip()))
    if f.role or f.unit:
        grants = Grant.objects.filter(user=OuterRef("pk"))
        if f.role:
            grants = grants.filter(role=f.role)
        if f.unit is not None:
            low, high = f.unit.subtree_bounds()
            grants = grants.filter(unit__path__gte=low, unit__path__lte=high)
        users = users.filter(Exists(grants))
    return users.prefetch_related(grants_of_users()).order_by("username")


def user_grants(user: User) -> QuerySet[Grant]:
    return user.grants.select_related("unit").order_by("unit__path", "role")


def user_tokens(user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("revoked_at", "-created_at")
