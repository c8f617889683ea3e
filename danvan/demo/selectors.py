"""Finding the demo's places in the loaded territory, and the demo logins that exist."""

from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext as _

from danvan.accounts.models import User
from danvan.core.errors import DomainError
from danvan.core.text import fold
from danvan.demo import content
from danvan.territory.models import LEGACY_END, Level, Unit, UnitLineage


@dataclass(frozen=True)
class FoundPlace:
    place: content.Place
    district: Unit  # the former district (until 30/6/2025)
    legacy_province: Unit  # the former province it belonged to
    communes: list[Unit]  # today's communes that replaced the district's communes, by code
    province: Unit  # today's province of those communes


def legacy_district(place: content.Place) -> Unit:
    """The former district with one of the place's names under the former province's code."""
    codes = {place.province_code, str(int(place.province_code))}
    districts = Unit.objects.filter(level=Level.DISTRICT, valid_to=LEGACY_END, parent__code__in=codes)
    for name in place.district_names:
        found = districts.filter(name_folded=fold(name)).select_related("parent").first()
        if found is not None:
            return found
    message = _("Không tìm thấy %(name)s (mã tỉnh cũ %(code)s) trong dữ liệu địa bàn đã nạp.")
    raise DomainError(
        "demo_place_missing", message % {"name": place.district_names[0], "code": place.province_code}
    )


def successor_communes(district: Unit) -> list[Unit]:
    """Today's communes formed from the district's former communes (UnitLineage).

    Done in simple steps on ids: right after a load, PostgreSQL has no statistics yet and would
    plan the one-query join badly.
    """
    former = list(Unit.objects.filter(parent=district, level=Level.COMMUNE).values_list("pk", flat=True))
    successor_ids = set(
        UnitLineage.objects.filter(predecessor_id__in=former).values_list("successor_id", flat=True)
    )
    successors = Unit.objects.filter(pk__in=successor_ids, level=Level.COMMUNE, valid_to__isnull=True)
    return list(successors.select_related("parent").order_by("code", "pk"))


def find_place(place: content.Place) -> FoundPlace:
    district = legacy_district(place)
    communes = successor_communes(district)
    if not communes:
        message = _("Dữ liệu địa bàn chưa có quan hệ sáp nhập của %(name)s: hãy nạp lại địa bàn.")
        raise DomainError("demo_lineage_missing", message % {"name": district.name})
    provinces = Counter(commune.parent for commune in communes if commune.parent is not None)
    assert district.parent is not None
    return FoundPlace(place, district, district.parent, communes, provinces.most_common(1)[0][0])


def find_places() -> dict[str, FoundPlace]:
    return {place.key: find_place(place) for place in content.PLACES}


def grant_unit(where: str, places: dict[str, FoundPlace]) -> Unit | None:
    """Resolve "" / "province:<place>" / "ward:<place>:<n>" of the demo content."""
    if not where:
        return None
    sort, key, *rest = where.split(":")
    found = places[key]
    if sort == "province":
        return found.province
    return found.communes[int(rest[0])]


def proper_name(unit: Unit) -> str:
    """The name without its kind word: "Cần Thơ" for "Thành phố Cần Thơ"."""
    for prefix in ("Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Đặc khu "):
        if unit.name.startswith(prefix):
            return unit.name[len(prefix) :]
    return unit.name


def username_for(spec: content.DemoUser, unit: Unit | None) -> str:
    return spec.prefix if unit is None else f"{spec.prefix}_{fold(proper_name(unit)).replace(' ', '')}"


@dataclass(frozen=True)
class Login:
    username: str
    role: str
    unit: str
    exists: bool


def demo_logins() -> list[Login]:
    """The demo logins with their role and unit; empty when the demo's places cannot be found."""
    try:
        places = find_places()
    except DomainError:
        return []
    logins = []
    for spec in content.DEMO_USERS:
        unit = grant_unit(spec.unit, places)
        username = username_for(spec, unit)
        where = unit.name if unit is not None else _("toàn quốc")
        exists = User.objects.filter(username=username, grants__role=spec.role, grants__unit=unit).exists()
        logins.append(Login(username, str(spec.role.label), where, exists))
    return logins
