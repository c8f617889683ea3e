"""Loading the demo: idempotent, every row looked up by its natural key before it is created.

Organizations, people, positions and the records keeper go through the orgs services (so they
are validated and audited like any other write); neighbourhoods and demo logins are written
directly, as an import would.
"""

from collections import Counter
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.accounts.models import Grant, User
from danvan.audit.services import audit_record
from danvan.core.errors import DomainError
from danvan.core.formatting import format_date
from danvan.core.text import fold
from danvan.demo import content
from danvan.demo.practices import load_practices
from danvan.demo.selectors import FoundPlace, find_places, grant_unit, username_for
from danvan.orgs import services as orgs
from danvan.orgs.models import Organization, OrganizationKind, Person, Position, UnitSetting
from danvan.territory.models import LEGACY_END, Kind, Level, Unit
from danvan.territory.tree import set_derived_fields


@dataclass
class _Run:
    kinds: dict[str, OrganizationKind]
    created: Counter[str] = field(default_factory=Counter)
    historic: dict[str, Organization] = field(default_factory=dict)


# The other domains' demo data, each an idempotent `danvan.<app>.demo.load()`, in this order
# (reports before documents and dashboards read them).
DOMAIN_DEMOS = ["reporting", "petitions", "meetings", "campaigns", "membership", "portal"]


def demo_load() -> Counter[str]:
    """Create what is missing of the demo; return how many rows of each sort were created."""
    if not Unit.objects.exists():
        raise DomainError(
            "territory_missing",
            _("Chưa có dữ liệu địa bàn: hãy chạy `python manage.py load_territory` trước, rồi chạy lại."),
        )
    with transaction.atomic():
        run = _Run(kinds={kind.code: kind for kind in OrganizationKind.objects.all()})
        places = find_places()
        front_ward = grant_unit(content.FRONT_KEEPS_RECORDS_IN, places)
        for place in places.values():
            _province(run, place.province)
            for commune in place.communes:
                keeper = content.OTHER_KEEPER if commune == front_ward else content.DEFAULT_KEEPER
                _commune(run, place, commune, keeper)
        _history(run, places)
        _users(run, places)
        practices = load_practices(User.objects.get(username="quantri"))
        if practices:
            run.created["practices"] = practices
        for name in DOMAIN_DEMOS:
            count = import_module(f"danvan.{name}.demo").load()
            if count:
                run.created[name] = int(count)
        if run.created:
            changes = dict(sorted(run.created.items()))
            audit_record(
                actor=None,
                action="demo.load",
                obj=None,
                object_type="demo",
                object_repr="Dữ liệu minh họa",
                changes=changes,
            )
    return run.created


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


def _org(
    run: _Run, unit: Unit, kind: str, name: str, parent: Organization | None, valid_to: Any = None
) -> Organization:
    existing = Organization.objects.filter(unit=unit, name_folded=fold(name)).first()
    if existing is not None:
        return existing
    run.created["organizations"] += 1
    return orgs.organization_create(
        user=None,
        unit=unit,
        kind=run.kinds[kind],
        name=name,
        parent=parent,
        valid_from=unit.valid_from,
        valid_to=valid_to,
    )


def _province(run: _Run, province: Unit) -> None:
    """The provincial party committee and its Ban Tuyên giáo và Dân vận."""
    proper = province.name.removeprefix("Thành phố ").removeprefix("Tỉnh ")
    is_city = province.kind == Kind.THANH_PHO_TW
    committee_name = f"Thành ủy {proper}" if is_city else f"Tỉnh ủy {proper}"
    if proper == "Hồ Chí Minh":
        committee_name = "Thành ủy Thành phố Hồ Chí Minh"
    committee = _org(run, province, "cap_uy", committee_name, None)
    _org(run, province, "ban_tuyen_giao_dan_van", f"Ban Tuyên giáo và Dân vận {committee_name}", committee)


def _commune(run: _Run, place: FoundPlace, commune: Unit, keeper: str) -> None:
    made: dict[str, Organization] = {}
    for spec in content.COMMUNE_ORGS:
        name = spec.name.format(unit=_lower_first(commune.name))
        made[spec.key] = _org(run, commune, spec.kind, name, made.get(spec.parent) if spec.parent else None)
    for neighbourhood in _neighbourhoods(run, place, commune):
        spec = content.NEIGHBOURHOOD_ORG
        name = spec.name.format(unit=_lower_first(neighbourhood.name))
        _org(run, neighbourhood, spec.kind, name, made[spec.parent or "front"])
    if not UnitSetting.objects.filter(unit=commune, records_keeper__isnull=False).exists():
        orgs.unit_setting_update(user=None, unit=commune, records_keeper=made[keeper])
        run.created["records_keepers"] += 1


def _neighbourhoods(run: _Run, place: FoundPlace, commune: Unit) -> list[Unit]:
    """A few neighbourhoods named as the region names them; a retired one is not brought back."""
    kind = (
        place.place.ward_neighbourhood if commune.kind == Kind.PHUONG else place.place.commune_neighbourhood
    )
    here = Unit.objects.filter(parent=commune, level=Level.NEIGHBOURHOOD)
    units = []
    for n in range(1, content.NEIGHBOURHOODS_PER_COMMUNE + 1):
        code, name = f"{commune.code}-{n:03d}", f"{Kind(kind).label} {n}"
        unit = (
            here.filter(code=code).first()
            or here.filter(valid_to__isnull=True, name_folded=fold(name)).first()
        )
        if unit is None:
            unit = Unit(code=code, name=name, kind=kind, level=Level.NEIGHBOURHOOD, parent=commune)
            unit.valid_from, unit.is_official, unit.name_folded = commune.valid_from, False, fold(name)
            unit.save()
            set_derived_fields(unit)
            unit.save(update_fields=["path", "depth", "name_folded", "sort_key"])
            run.created["neighbourhoods"] += 1
        if unit.valid_to is None:
            units.append(unit)
    return units


def _history(run: _Run, places: dict[str, FoundPlace]) -> None:
    """The bodies of before 2025 named in the articles, and the posts their people held then."""
    for spec in content.HISTORIC_ORGS:
        found = places[spec.place]
        unit = found.legacy_province if spec.at_province else found.district
        parent = run.historic.get(spec.parent) if spec.parent else None
        run.historic[spec.key] = _org(run, unit, spec.kind, spec.name, parent, unit.valid_to or LEGACY_END)
    for person in content.HISTORIC_PEOPLE:
        found = places[person.place]
        home = found.legacy_province if person.at_province else found.district
        _historic_person(run, person, home, content.SOURCES[person.place])


def _historic_person(run: _Run, spec: content.HistoricPerson, home: Unit, source: content.Source) -> None:
    person = Person.objects.filter(name_folded=fold(spec.full_name), home_unit=home).first()
    if person is None:
        person = orgs.person_create(user=None, full_name=spec.full_name, gender=spec.gender, home_unit=home)
        run.created["people"] += 1
    note = _("Giữ chức vụ vào ngày %(day)s (%(event)s); chưa rõ ngày bắt đầu và ngày thôi giữ.") % {
        "day": format_date(source.day),
        "event": source.event,
    }
    for org_key, title in spec.posts:
        organization = run.historic[org_key]
        if Position.objects.filter(person=person, organization=organization, title=title).exists():
            continue
        # Known to be held on the article's date; it cannot outlast the body, closed by 30/6/2025.
        orgs.position_add(
            user=None,
            person=person,
            organization=organization,
            title=title,
            end_date=organization.valid_to,
            note=note,
        )
        run.created["positions"] += 1


def _users(run: _Run, places: dict[str, FoundPlace]) -> None:
    hashed = ""  # hashing is slow on purpose: hash the shared demo password once
    for spec in content.DEMO_USERS:
        unit = grant_unit(spec.unit, places)
        username = username_for(spec, unit)
        user = User.objects.filter(username=username).first()
        if user is None:
            hashed = hashed or make_password(content.PASSWORD)
            user = User.objects.create_user(username=username, full_name=spec.full_name)
            user.password = hashed
            fields = ["password"]
            if hasattr(user, "folded_search_text"):  # kept by the accounts services, where they exist
                user.search_folded = user.folded_search_text()
                fields.append("search_folded")
            user.save(update_fields=fields)
            run.created["users"] += 1
        _grant, created = Grant.objects.get_or_create(user=user, unit=unit, organization=None, role=spec.role)
        if created:
            run.created["grants"] += 1
