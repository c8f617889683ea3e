"""What a user may see and do, computed once per request from their grants.

A grant on a unit covers the unit's subtree. It also covers, for reading history, the
subtrees of the unit's predecessors (the old units merged into it on 1/7/2025), so that a
user of the new Cần Thơ reads the records of the former Sóc Trăng.
"""

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.db.models import Q
from django.utils import timezone

from danvan.accounts.models import ROLE_RANK, Grant, Role
from danvan.core.fixed_sql import Prepared
from danvan.territory.models import Level, Unit, UnitLineage
from danvan.territory.tree import subtree_q


@dataclass(frozen=True)
class GrantView:
    unit_id: int | None
    unit_path: str
    organization_id: int | None
    role: str
    unit: Unit | None = None  # the granted unit, read with the grants (the unit switcher lists them)

    @property
    def rank(self) -> int:
        return ROLE_RANK[Role(self.role)]


@dataclass
class UserScope:
    user: Any
    grants: list[GrantView] = field(default_factory=list)

    @property
    def is_authenticated(self) -> bool:
        return bool(self.user is not None and self.user.is_authenticated)

    @cached_property
    def is_system_admin(self) -> bool:
        return any(g.role == Role.SYSTEM_ADMIN for g in self.grants) or bool(
            self.is_authenticated and self.user.is_superuser
        )

    def paths(self, min_role: str = Role.VIEWER) -> list[str]:
        rank = ROLE_RANK[Role(min_role)]
        return sorted({g.unit_path for g in self.grants if g.unit_path and g.rank >= rank})

    @cached_property
    def _legacy_paths(self) -> dict[str, list[str]]:
        """Paths of predecessors of granted units, keyed by the granted unit's path."""
        unit_ids = sorted({g.unit_id for g in self.grants if g.unit_id})
        result: dict[str, list[str]] = {}
        for successor_path, predecessor_path in _lineage_paths(unit_ids):
            result.setdefault(successor_path, []).append(predecessor_path)
        return result

    def read_paths(self, min_role: str = Role.VIEWER) -> list[str]:
        own = self.paths(min_role)
        legacy = [p for path in own for p in self._legacy_paths.get(path, [])]
        return sorted(set(own) | set(legacy))

    def unit_q(self, prefix: str = "", min_role: str = Role.VIEWER, *, history: bool = True) -> Q:
        """A filter on `<prefix>path` keeping rows inside the user's subtrees.

        prefix is the lookup to the unit, e.g. "unit__" for a model with a `unit` FK, "" for Unit.
        """
        if self.is_system_admin:
            return Q()
        paths = self.read_paths(min_role) if history else self.paths(min_role)
        return subtree_q(paths, f"{prefix}path")

    def covers(self, unit: Unit, min_role: str = Role.VIEWER, *, history: bool = False) -> bool:
        return self.covers_path(unit.path, min_role, history=history)

    def covers_path(self, path: str, min_role: str = Role.VIEWER, *, history: bool = False) -> bool:
        """Whether a unit path (or a row's copy of one) lies in the user's subtrees: in Python what
        `unit_q` asks the database (paths are digits, so a prefix is the same as its range)."""
        if self.is_system_admin:
            return True
        if not self.is_authenticated:
            return False
        paths = self.read_paths(min_role) if history else self.paths(min_role)
        return any(path.startswith(granted) for granted in paths)

    def role_on(self, unit: Unit) -> str | None:
        """The highest role the user holds on this unit through any grant."""
        if self.is_system_admin:
            return Role.SYSTEM_ADMIN
        best = [g for g in self.grants if g.unit_path and unit.path.startswith(g.unit_path)]
        return max(best, key=lambda g: g.rank).role if best else None

    @cached_property
    def units(self) -> list[Unit]:
        """The units the unit switcher offers: those the user holds grants on; for a system admin
        (a grant on the whole country) today's provinces — any other unit is chosen from its page."""
        if self.is_system_admin:
            today = timezone.localdate()
            return list(Unit.objects.valid_on(today).filter(level=Level.PROVINCE).order_by("sort_key"))
        granted = {g.unit.pk: g.unit for g in self.grants if g.unit is not None}
        return sorted(granted.values(), key=lambda u: (u.depth, u.sort_key))

    def may_work_in(self, unit: Unit) -> bool:
        """A unit the user may choose as working unit: one granted, or any unit for a system admin."""
        return self.is_system_admin or any(g.unit_id == unit.pk for g in self.grants)


def scope_for(user: Any) -> UserScope:
    if user is None or not user.is_authenticated or not user.is_active:
        return UserScope(user=user)
    grants = [
        GrantView(g.unit_id, g.unit.path if g.unit else "", g.organization_id, g.role, g.unit)
        for g in _grants_with_units(user.pk)
    ]
    return UserScope(user=user, grants=grants)


# Every signed-in request reads the user's grants (and, when a page reads history, the old units
# merged into the granted ones): prepared once, not built by the ORM each time (core/fixed_sql.py).
# The grants, each with its unit in the same query (the system admin's has none: a LEFT JOIN).
_GRANTS = Prepared(
    "accounts.grants",
    Grant,
    lambda user: Grant.objects.filter(user_id=user).select_related("unit").order_by("pk"),
)
# (successor path, predecessor path) of the reorganizations that merged units into these
_LINEAGE = Prepared(
    "accounts.lineage",
    UnitLineage,
    lambda units: UnitLineage.objects.filter(successor_id__in=units).values_list(
        "successor__path", "predecessor__path"
    ),
)


def _grants_with_units(user_id: int) -> list[Grant]:
    return _GRANTS(user_id)


def _lineage_paths(unit_ids: list[int]) -> list[tuple[str, str]]:
    return _LINEAGE(unit_ids) if unit_ids else []
