"""Vietnamese personal names with realistic frequencies, by region.

Family-name shares follow the usual estimates (Nguyễn ≈ 38 %, Trần ≈ 11 %, Lê ≈ 9.5 %…); the pairs
Hoàng/Huỳnh and Vũ/Võ take their northern or southern spelling from the province's region. Mountain,
Central Highlands and Mekong provinces add Tày–Thái, H'Mông, Ê Đê and Khmer names at modest shares.
"""

import random
from dataclasses import dataclass
from itertools import accumulate

from danvan.generator.regions import Region

# (name, weight per 1000); "Hoàng" and "Vũ" are respelled in the south (see _respell).
_FAMILY = [
    ("Nguyễn", 384), ("Trần", 110), ("Lê", 95), ("Phạm", 70), ("Hoàng", 51), ("Phan", 45),
    ("Vũ", 39), ("Đặng", 21), ("Bùi", 20), ("Đỗ", 14), ("Hồ", 13), ("Ngô", 13), ("Dương", 10),
    ("Lý", 5), ("Đinh", 6), ("Trương", 6), ("Đào", 4), ("Lâm", 4), ("Mai", 4), ("Đoàn", 4),
    ("Trịnh", 3), ("Cao", 3), ("Lương", 3), ("Hà", 3), ("Tạ", 2), ("Châu", 2), ("Tô", 2),
    ("Thái", 2), ("Lưu", 2), ("Phùng", 2), ("Kiều", 1), ("La", 1), ("Quách", 1), ("Chu", 1),
    ("Triệu", 1), ("Từ", 1), ("Tăng", 1),
]  # fmt: skip
_SOUTHERN = {"Hoàng": "Huỳnh", "Vũ": "Võ"}

_MIDDLE_MALE = [
    ("Văn", 40), ("Minh", 9), ("Đức", 8), ("Quốc", 7), ("Hữu", 7), ("Thanh", 6), ("Công", 5),
    ("Ngọc", 4), ("Xuân", 4), ("Quang", 4), ("Hoàng", 3), ("Duy", 3), ("Đình", 3), ("Trung", 2),
    ("Thành", 2), ("Anh", 2), ("Bá", 2), ("Tấn", 2), ("Trọng", 2),
]  # fmt: skip
_MIDDLE_FEMALE = [
    ("Thị", 45), ("Ngọc", 8), ("Thu", 6), ("Thanh", 6), ("Kim", 5), ("Thúy", 4), ("Hồng", 4),
    ("Phương", 3), ("Minh", 3), ("Mỹ", 3), ("Bích", 3), ("Khánh", 2), ("Diệu", 2), ("Quỳnh", 2),
    ("Hoài", 2), ("Bảo", 2),
]  # fmt: skip
_GIVEN_MALE = [
    ("Hùng", 30), ("Dũng", 28), ("Tuấn", 26), ("Minh", 25), ("Hải", 22), ("Sơn", 20), ("Long", 18),
    ("Nam", 18), ("Thắng", 16), ("Cường", 16), ("Hiếu", 14), ("Trung", 14), ("Phong", 12),
    ("Quang", 12), ("Tâm", 12), ("Thành", 12), ("Tùng", 11), ("Hòa", 11), ("Bình", 11), ("Huy", 10),
    ("Đức", 10), ("Vinh", 10), ("Phúc", 9), ("Lộc", 9), ("Tài", 8), ("Nghĩa", 8), ("Thịnh", 7),
    ("Toàn", 7), ("Hưng", 7), ("Việt", 7), ("Kiên", 6), ("Khánh", 6), ("Lâm", 6), ("Thiện", 5),
    ("Hoàng", 5), ("Tiến", 5), ("Chiến", 5), ("Thọ", 4), ("Đạt", 4), ("Khoa", 4), ("Sang", 4),
    ("Tín", 3), ("Nhân", 3), ("Trí", 3), ("Quý", 3), ("Định", 3), ("Lực", 2), ("Mạnh", 2),
]  # fmt: skip
_GIVEN_FEMALE = [
    ("Lan", 25), ("Hương", 24), ("Hoa", 20), ("Mai", 20), ("Hạnh", 18), ("Thảo", 18), ("Trang", 17),
    ("Linh", 16), ("Ngọc", 14), ("Nhung", 12), ("Hằng", 12), ("Thủy", 12), ("Hà", 11), ("Loan", 10),
    ("Phượng", 9), ("Yến", 9), ("Nga", 9), ("Dung", 9), ("Huyền", 8), ("Oanh", 7), ("Vân", 7),
    ("Thu", 7), ("Tuyết", 6), ("Hiền", 6), ("Quyên", 5), ("Nhi", 5), ("Vy", 5), ("Anh", 5),
    ("Liên", 5), ("Xuân", 4), ("Diễm", 4), ("Trinh", 4), ("Thư", 4), ("Giang", 4), ("Hồng", 4),
    ("Lý", 3), ("Châu", 3), ("Tâm", 3), ("Thắm", 3), ("Nguyệt", 3),
]  # fmt: skip

# Minority names, added to a region at a share (per 1000 people).
_TAY_THAI_FAMILY = ["Lò", "Lường", "Cầm", "Quàng", "Nông", "Lục", "Vi", "Sầm", "Hoàng", "Hà"]
_HMONG_FAMILY = ["Giàng", "Sùng", "Vàng", "Thào", "Mùa", "Lầu", "Sình"]
_HMONG_GIVEN = ["Páo", "Sình", "Chứ", "Dế", "Mua", "Lử", "Pó", "Chá", "Tú", "Sử", "Mỷ", "Dua", "Sua"]
_EDE_FAMILY = ["Niê", "Mlô", "Êban", "Byă", "Adrơng", "Ksơr", "Hđơk", "Buôn Yă"]
_EDE_GIVEN = ["Bih", "Khuê", "Nuôl", "Thu", "Ngông", "Jek", "Ly", "Hen", "Blin", "Xuân", "Rin", "Djuin"]
_KHMER_FAMILY = ["Thạch", "Sơn", "Kim", "Danh", "Lâm", "Châu", "Trịnh"]
_MINORITY_SHARE = {
    Region.NORTH_MOUNTAIN: 450,
    Region.HIGHLANDS: 200,
    Region.MEKONG: 70,
    Region.NORTH_CENTRAL: 60,
}


class _Weighted:
    """random.choices with the cumulative weights computed once."""

    def __init__(self, pairs: list[tuple[str, int]]) -> None:
        self.values = [value for value, _ in pairs]
        self.cum = list(accumulate(weight for _, weight in pairs))

    def pick(self, rng: random.Random) -> str:
        return rng.choices(self.values, cum_weights=self.cum)[0]


_FAMILY_W = _Weighted(_FAMILY)
_MIDDLE_W = {"male": _Weighted(_MIDDLE_MALE), "female": _Weighted(_MIDDLE_FEMALE)}
_GIVEN_W = {"male": _Weighted(_GIVEN_MALE), "female": _Weighted(_GIVEN_FEMALE)}


@dataclass(frozen=True, slots=True)
class PersonName:
    full_name: str
    gender: str  # "male" | "female", the values of orgs.Person.Gender


def _respell(family: str, region: Region) -> str:
    return _SOUTHERN.get(family, family) if region.is_southern else family


def _kinh_name(rng: random.Random, gender: str, region: Region) -> str:
    family = _respell(_FAMILY_W.pick(rng), region)
    middle = _MIDDLE_W[gender].pick(rng)
    if middle in ("Thị", "Văn") and rng.random() < 0.2:  # "Nguyễn Thị Thanh Hương"
        second = _MIDDLE_W[gender].pick(rng)
        middle = f"{middle} {second}" if second not in ("Thị", "Văn") else middle
    given = _GIVEN_W[gender].pick(rng)
    if given == middle.split()[-1]:
        given = _GIVEN_W[gender].pick(rng)
    return f"{family} {middle} {given}"


def _minority_name(rng: random.Random, gender: str, region: Region) -> str:
    if region is Region.HIGHLANDS:
        prefix = "Y" if gender == "male" else "H'"
        return f"{prefix} {rng.choice(_EDE_GIVEN)} {rng.choice(_EDE_FAMILY)}"
    if region is Region.NORTH_MOUNTAIN and rng.random() < 0.3:
        middle = "A" if gender == "male" else "Thị"
        return f"{rng.choice(_HMONG_FAMILY)} {middle} {rng.choice(_HMONG_GIVEN)}"
    family = rng.choice(_KHMER_FAMILY if region is Region.MEKONG else _TAY_THAI_FAMILY)
    middle = "Văn" if gender == "male" else "Thị"
    return f"{family} {middle} {_GIVEN_W[gender].pick(rng)}"


def person_name(rng: random.Random, region: Region, *, female_share: float = 0.5) -> PersonName:
    gender = "female" if rng.random() < female_share else "male"
    if rng.random() * 1000 < _MINORITY_SHARE.get(region, 0):
        return PersonName(_minority_name(rng, gender, region), gender)
    return PersonName(_kinh_name(rng, gender, region), gender)
