"""A small territory shaped like the real one around the five places of the demo."""

from dataclasses import dataclass
from typing import Any

import pytest

from danvan.territory.models import LEGACY_END, REFORM_DATE, Kind, Level, Unit, UnitLineage
from danvan.territory.tests.factories import UnitFactory

# (key, old province code and name, district name, old communes, new province code/name/kind, new communes)
PLACES = [
    (
        "soc_trang",
        "94",
        "Tỉnh Sóc Trăng",
        "Thành phố Sóc Trăng",
        ["Phường 5", "Phường 2"],
        "92",
        "Thành phố Cần Thơ",
        Kind.THANH_PHO_TW,
        [("31507", "Phường Sóc Trăng"), ("31510", "Phường Phú Lợi")],
    ),
    (
        "cao_bang",
        "04",
        "Tỉnh Cao Bằng",
        "Thành phố Cao Bằng",
        ["Phường Sông Hiến"],
        "04",
        "Tỉnh Cao Bằng",
        Kind.TINH,
        [("01273", "Phường Thục Phán")],
    ),
    (
        "thoai_son",
        "89",
        "Tỉnh An Giang",
        "Huyện Thoại Sơn",
        ["Thị trấn Núi Sập", "Xã Thoại Giang"],
        "91",
        "Tỉnh An Giang",
        Kind.TINH,
        [("30682", "Xã Thoại Sơn")],
    ),
    (
        "hong_ngu",
        "87",
        "Tỉnh Đồng Tháp",
        "Thành phố Hồng Ngự",
        ["Phường An Thạnh"],
        "82",
        "Tỉnh Đồng Tháp",
        Kind.TINH,
        [("29955", "Phường Hồng Ngự")],
    ),
    (
        "long_dien",
        "77",
        "Tỉnh Bà Rịa - Vũng Tàu",
        "Huyện Long Đất",
        ["Thị trấn Long Điền"],
        "79",
        "Thành phố Hồ Chí Minh",
        Kind.THANH_PHO_TW,
        [("26659", "Xã Long Điền")],
    ),
]


@dataclass
class MiniTerritory:
    new_communes: dict[str, list[Unit]]
    districts: dict[str, Unit]


def _legacy(**kw: Any) -> Unit:
    return UnitFactory(valid_from=None, valid_to=LEGACY_END, **kw)


@pytest.fixture
def mini_territory(db: Any) -> MiniTerritory:
    communes: dict[str, list[Unit]] = {}
    districts: dict[str, Unit] = {}
    for key, old_code, old_name, district_name, olds, new_code, new_name, new_kind, news in PLACES:
        old_province = _legacy(code=old_code, name=old_name, kind=Kind.TINH, level=Level.PROVINCE)
        district = _legacy(
            code=f"{old_code}9",
            name=district_name,
            kind=Kind.HUYEN,
            level=Level.DISTRICT,
            parent=old_province,
        )
        old_units = [
            _legacy(code=f"{old_code}9{i}", name=name, kind=Kind.PHUONG, level=Level.COMMUNE, parent=district)
            for i, name in enumerate(olds)
        ]
        province = UnitFactory(
            code=new_code, name=new_name, kind=new_kind, level=Level.PROVINCE, valid_from=REFORM_DATE
        )
        UnitLineage.objects.create(predecessor=old_province, successor=province)
        kind = lambda name: Kind.PHUONG if name.startswith("Phường") else Kind.XA  # noqa: E731
        new_units = [
            UnitFactory(code=code, name=name, kind=kind(name), level=Level.COMMUNE, parent=province)
            for code, name in news
        ]
        for i, old in enumerate(old_units):
            UnitLineage.objects.create(predecessor=old, successor=new_units[min(i, len(new_units) - 1)])
        communes[key], districts[key] = new_units, district
    return MiniTerritory(new_communes=communes, districts=districts)
