"""What a generation covers (scale → provinces and communes) and the context the domains share."""

import datetime as dt
import random
from dataclasses import dataclass, field
from enum import StrEnum

from django.utils import timezone

from danvan.generator.regions import Region, region_of
from danvan.generator.writer import Writer
from danvan.orgs.models import Organization
from danvan.territory.models import Level, Unit

DEFAULT_PROVINCE = "92"  # Cần Thơ, which absorbed Sóc Trăng and Hậu Giang
DEMO_COMMUNES = 3


class Scale(StrEnum):
    DEMO = "demo"  # a few communes of one province
    PROVINCE = "province"  # every commune of one province
    NATIONAL = "national"  # every current province and commune


class TerritoryMissing(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Neighbourhood:
    pk: int
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class Post:
    """A post held in an organization of a province or commune, registered for the domains that
    need people (meetings: chairs, attendees, task owners, reception heads)."""

    person_id: int
    organization_id: int
    role: str  # of the organization ("party", "mttq"…), as in Context.organizations
    title: str
    start: dt.date | None
    end: dt.date | None

    def held_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class Context:
    """Shared by the domain modules; each reads what the ones before it registered."""

    scale: Scale
    seed: int
    years: int
    today: dt.date
    provinces: list[Unit]
    communes: list[Unit]  # with `parent` (the province) loaded
    password: str = ""  # of every generated user
    writer: Writer = field(default_factory=Writer)
    now: dt.datetime = field(default_factory=timezone.now)
    # Registered by the territory module: a commune's new neighbourhoods.
    neighbourhoods: dict[int, list[Neighbourhood]] = field(default_factory=dict)
    # Registered by the orgs module: unit id → {role of the organization ("party", "mttq"…): its id}.
    organizations: dict[int, dict[str, int]] = field(default_factory=dict)
    # Registered by the orgs module: unit id → the posts of its organizations (not neighbourhoods').
    posts: dict[int, list[Post]] = field(default_factory=dict)

    @property
    def window_start(self) -> dt.date:
        """The first day of the history to generate (`--years` back from today)."""
        try:
            return self.today.replace(year=self.today.year - self.years)
        except ValueError:  # 29 February
            return self.today.replace(year=self.today.year - self.years, day=28)

    def rng(self, domain: str, key: str) -> random.Random:
        """A generator of its own for each (domain, unit): a commune's data does not depend on
        which other communes the scale covers, nor on the order the domains run in."""
        return random.Random(f"{self.seed}:{domain}:{key}")

    def region(self, unit: Unit) -> Region:
        province = unit if unit.level == Level.PROVINCE else unit.parent
        return region_of(province.code if province is not None else "")


def select_units(scale: Scale, province_code: str, today: dt.date) -> tuple[list[Unit], list[Unit], int]:
    """(provinces, communes, communes skipped) for a scale; communes that already have
    neighbourhoods or organizations (e.g. from load_demo) are left alone and counted."""
    current = Unit.objects.valid_on(today)
    provinces = current.filter(level=Level.PROVINCE)
    if not provinces.exists() or not current.filter(level=Level.COMMUNE).exists():
        raise TerritoryMissing
    if scale != Scale.NATIONAL:
        provinces = provinces.filter(code=province_code)
        if not provinces.exists():
            raise TerritoryMissing(province_code)
    province_list = list(provinces.order_by("code"))
    communes = (
        current.filter(level=Level.COMMUNE, parent__in=province_list)
        .select_related("parent")
        .order_by("code")
    )
    occupied = _occupied_unit_ids()
    chosen = [c for c in communes if c.pk not in occupied]
    skipped = len(communes) - len(chosen)
    if scale == Scale.DEMO:
        chosen = chosen[:DEMO_COMMUNES]
    occupied_provinces = [p for p in province_list if p.pk in occupied]
    return [p for p in province_list if p not in occupied_provinces], chosen, skipped


def _occupied_unit_ids() -> set[int]:
    with_children = Unit.objects.filter(level=Level.NEIGHBOURHOOD, parent__isnull=False)
    parents = with_children.order_by().values_list("parent_id", flat=True).distinct()
    with_orgs = Organization.objects.order_by().values_list("unit_id", flat=True).distinct()
    return {pk for pk in parents if pk is not None} | set(with_orgs)
