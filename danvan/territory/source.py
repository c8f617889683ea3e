"""The official territory as published by the `vietnam-provinces` package, as plain records.

Two generations: the 34 provinces and 3,321 communes valid from 1/7/2025, and the 63 provinces,
696 districts and 10,051 communes valid until 30/6/2025 (`valid_from` unknown, so NULL), with
the lineage between them. Codes are the official zero-padded strings ("92", "941", "31510").
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

import vietnam_provinces
from vietnam_provinces import Province, Ward, legacy
from vietnam_provinces import _province_conversion_2025 as province_conversion
from vietnam_provinces import _ward_conversion_2025 as ward_conversion

from danvan.territory.models import LEGACY_END, REFORM_DATE, Kind, Level

UnitKey = tuple[str, dt.date | None]  # (code, valid_from): a unit's identity

KINDS = {
    "tỉnh": Kind.TINH,
    "thành phố trung ương": Kind.THANH_PHO_TW,
    "huyện": Kind.HUYEN,
    "quận": Kind.QUAN,
    "thành phố": Kind.THANH_PHO,
    "thị xã": Kind.THI_XA,
    "xã": Kind.XA,
    "phường": Kind.PHUONG,
    "thị trấn": Kind.THI_TRAN,
    "đặc khu": Kind.DAC_KHU,
}
CODE_WIDTH: dict[str, int] = {Level.PROVINCE: 2, Level.DISTRICT: 3, Level.COMMUNE: 5}


@dataclass(frozen=True)
class UnitRecord:
    code: str
    name: str
    kind: str
    level: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    parent: UnitKey | None

    @property
    def key(self) -> UnitKey:
        return (self.code, self.valid_from)


@dataclass(frozen=True)
class LineageRecord:
    predecessor: UnitKey
    successor: UnitKey
    partial: bool


@dataclass
class TerritoryData:
    """Units listed parents first, and the lineage between them."""

    units: list[UnitRecord] = field(default_factory=list)
    lineage: list[LineageRecord] = field(default_factory=list)
    version: str = ""


def official_code(level: str, number: int) -> str:
    return str(number).zfill(CODE_WIDTH[level])


def _kind(division_type: str) -> str:
    try:
        return KINDS[str(division_type)]
    except KeyError as exc:
        raise ValueError(f"Unknown division type in vietnam-provinces: {division_type!r}") from exc


def _new(code: int, level: str) -> UnitKey:
    return (official_code(level, code), REFORM_DATE)


def _old(code: int, level: str) -> UnitKey:
    return (official_code(level, code), None)


def _current_units() -> Iterable[UnitRecord]:
    for p in Province.iter_all():
        code = official_code(Level.PROVINCE, int(p.code))
        yield UnitRecord(code, p.name, _kind(p.division_type), Level.PROVINCE, REFORM_DATE, None, None)
    for w in Ward.iter_all():
        parent = _new(int(w.province_code), Level.PROVINCE)
        code = official_code(Level.COMMUNE, int(w.code))
        yield UnitRecord(code, w.name, _kind(w.division_type), Level.COMMUNE, REFORM_DATE, None, parent)


def _legacy_units() -> Iterable[UnitRecord]:
    for p in legacy.Province.iter_all():
        code = official_code(Level.PROVINCE, int(p.code))
        yield UnitRecord(code, p.name, _kind(p.division_type), Level.PROVINCE, None, LEGACY_END, None)
    for d in legacy.District.iter_all():
        parent = _old(int(d.province_code), Level.PROVINCE)
        code = official_code(Level.DISTRICT, int(d.code))
        yield UnitRecord(code, d.name, _kind(d.division_type), Level.DISTRICT, None, LEGACY_END, parent)
    for w in legacy.Ward.iter_all():
        parent = _old(int(w.district_code), Level.DISTRICT)
        code = official_code(Level.COMMUNE, int(w.code))
        yield UnitRecord(code, w.name, _kind(w.division_type), Level.COMMUNE, None, LEGACY_END, parent)


def _province_lineage() -> Iterable[LineageRecord]:
    for old_code, entry in province_conversion.OLD_TO_NEW.items():
        partial = len(entry.new_provinces) > 1
        for new in entry.new_provinces:
            yield LineageRecord(_old(old_code, Level.PROVINCE), _new(new.code, Level.PROVINCE), partial)


def _commune_and_district_lineage(parents: dict[UnitKey, UnitKey | None]) -> Iterable[LineageRecord]:
    """Old commune → new commune(s) as published; old district → where its communes went.

    A district link is partial when the district's territory went to several new communes
    (or one of its communes was itself split).
    """
    district_targets: dict[UnitKey, set[UnitKey]] = {}
    district_partial: dict[UnitKey, bool] = {}
    for old_code, entry in ward_conversion.OLD_TO_NEW.items():
        old = _old(old_code, Level.COMMUNE)
        district = parents.get(old)
        if district is None:  # a code the conversion table knows but the legacy list does not
            continue
        for new in entry.new_wards:
            yield LineageRecord(old, _new(new.code, Level.COMMUNE), entry.old_ward.is_partly_merged)
            district_targets.setdefault(district, set()).add(_new(new.code, Level.COMMUNE))
        district_partial[district] = district_partial.get(district, False) or entry.old_ward.is_partly_merged
    for district, targets in district_targets.items():
        partial = len(targets) > 1 or district_partial[district]
        for target in sorted(targets, key=lambda key: key[0]):
            yield LineageRecord(district, target, partial)


def package_territory() -> TerritoryData:
    """Read the whole official territory from the installed package (about half a second)."""
    units = [*_current_units(), *_legacy_units()]
    parents = {unit.key: unit.parent for unit in units}
    lineage = [*_province_lineage(), *_commune_and_district_lineage(parents)]
    lineage = [link for link in lineage if link.predecessor in parents and link.successor in parents]
    version = f"vietnam-provinces {vietnam_provinces.__version__} ({vietnam_provinces.__data_version__})"
    return TerritoryData(units=units, lineage=lineage, version=version)
