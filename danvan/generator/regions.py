"""Regions of the 34 provinces since 1/7/2025 and how each names its neighbourhoods.

Wards (phường) are divided into tổ dân phố in the north and centre, khu phố in the south-east,
khóm in the Mekong delta; communes (xã) into thôn/xóm in the north, bản in the northern mountains,
thôn/buôn in the Central Highlands, ấp in the south.
"""

import random
from enum import StrEnum

from danvan.core.text import fold
from danvan.territory.models import Kind


class Region(StrEnum):
    NORTH_DELTA = "north_delta"
    NORTH_MOUNTAIN = "north_mountain"
    NORTH_CENTRAL = "north_central"
    CENTRAL = "central"
    HIGHLANDS = "highlands"
    SOUTHEAST = "southeast"
    MEKONG = "mekong"

    @property
    def is_southern(self) -> bool:
        return self in (Region.HIGHLANDS, Region.SOUTHEAST, Region.MEKONG, Region.CENTRAL)


_PROVINCE_REGION = {
    **dict.fromkeys(["01", "22", "24", "31", "33", "37"], Region.NORTH_DELTA),
    **dict.fromkeys(["04", "08", "11", "12", "14", "15", "19", "20", "25"], Region.NORTH_MOUNTAIN),
    **dict.fromkeys(["38", "40", "42"], Region.NORTH_CENTRAL),
    **dict.fromkeys(["44", "46", "48", "51", "56"], Region.CENTRAL),
    **dict.fromkeys(["52", "66", "68"], Region.HIGHLANDS),
    **dict.fromkeys(["75", "79", "80"], Region.SOUTHEAST),
    **dict.fromkeys(["82", "86", "91", "92", "96"], Region.MEKONG),
}


def region_of(province_code: str) -> Region:
    """The region of a current province; an unknown code (a test tree) counts as the delta."""
    return _PROVINCE_REGION.get(province_code.zfill(2), Region.NORTH_DELTA)


# (kind, weight) of a commune's neighbourhoods: wards first, then xã and đặc khu.
_WARD_KINDS: dict[Region, list[tuple[Kind, int]]] = {
    Region.SOUTHEAST: [(Kind.KHU_PHO, 1)],
    Region.MEKONG: [(Kind.KHOM, 1)],
}
_RURAL_KINDS: dict[Region, list[tuple[Kind, int]]] = {
    Region.NORTH_DELTA: [(Kind.THON, 7), (Kind.XOM, 3)],
    Region.NORTH_MOUNTAIN: [(Kind.BAN, 5), (Kind.THON, 4), (Kind.XOM, 1)],
    Region.NORTH_CENTRAL: [(Kind.THON, 6), (Kind.XOM, 3), (Kind.BAN, 1)],
    Region.CENTRAL: [(Kind.THON, 1)],
    Region.HIGHLANDS: [(Kind.THON, 6), (Kind.BUON, 4)],
    Region.SOUTHEAST: [(Kind.AP, 1)],
    Region.MEKONG: [(Kind.AP, 1)],
}
# Hán-Việt syllables of village names ("Tân Hòa", "Phú Lợi"), with the southern forms (Thạnh,
# Thới, Quới) only in the south; Tày–Thái syllables of bản names; Ê Đê names of buôn.
_SOUTH_FIRST = "Tân An Phú Long Thạnh Mỹ Hòa Bình Phước Vĩnh Thới Hưng Đông Tây Trung Nam Bắc"
_SOUTH_SECOND = "Hòa Lợi Thạnh An Bình Phú Long Hưng Thuận Hiệp Lộc Thới Mỹ Đông Tây Quới Khánh Lập Phát"
_NORTH_FIRST = "Tân An Phú Yên Thịnh Mỹ Hòa Bình Phúc Vĩnh Đại Hưng Đông Tây Trung Thượng Hạ Nam Bắc Xuân"
_NORTH_SECOND = "Hòa Lợi Thịnh An Bình Phú Long Hưng Thuận Hiệp Lộc Mỹ Đông Tây Khánh Lập Phát Đoài Trại"
_BAN_FIRST = "Nà Phiêng Huổi Pá Nậm Co Hua Púng Khuổi Lũng Bó Tà Nà Khau Pác Cốc"
_BAN_SECOND = "Sang Làng Mường Lanh Chè Hốc Tong Pục Vai Mạ Cáy Phầy Nưa Luông Bon Khoang Kham"
_BUON_NAMES = "Ea Kmar|Kô Đung|Ako Dhông|Tơng Jú|Ea Bông|Kô Siêr|Dhung|Ea Tuk|Cuôr Knia|Ea Nao|Trưng|Đôn"


def neighbourhood_kinds(region: Region, commune_kind: str) -> list[tuple[Kind, int]]:
    if commune_kind == Kind.PHUONG:
        return _WARD_KINDS.get(region, [(Kind.TO_DAN_PHO, 1)])
    return _RURAL_KINDS[region]


def _named(rng: random.Random, kind: str, region: Region) -> str:
    if kind == Kind.BAN:
        return f"{rng.choice(_BAN_FIRST.split())} {rng.choice(_BAN_SECOND.split())}"
    if kind == Kind.BUON:
        return rng.choice(_BUON_NAMES.split("|"))
    south = region in (Region.SOUTHEAST, Region.MEKONG)
    first = rng.choice((_SOUTH_FIRST if south else _NORTH_FIRST).split())
    second = rng.choice((_SOUTH_SECOND if south else _NORTH_SECOND).split())
    return f"{first} {second}" if first != second else first


def neighbourhood_names(
    rng: random.Random, region: Region, commune_kind: str, count: int
) -> list[tuple[str, str]]:
    """`count` distinct (name, kind) pairs for one commune's neighbourhoods."""
    kinds = neighbourhood_kinds(region, commune_kind)
    # A commune numbers its neighbourhoods ("Khóm 3") or names them ("Ấp Tân Hòa"); bản and buôn
    # always have names.
    numbered = rng.random() < (0.7 if commune_kind == Kind.PHUONG else 0.35)
    result: list[tuple[str, str]] = []
    seen: set[str] = set()
    number = 0
    while len(result) < count:
        kind = rng.choices([k for k, _ in kinds], weights=[w for _, w in kinds])[0]
        label = Kind(kind).label
        name = f"{label} {_named(rng, kind, region)}"
        if fold(name) in seen or (numbered and kind not in (Kind.BAN, Kind.BUON)):
            number += 1  # numbered names never collide, so the loop always ends
            name = f"{label} {number}"
        seen.add(fold(name))
        result.append((name, kind))
    return result
