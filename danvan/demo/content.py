"""What the demo holds: the places, bodies and people of the five seed articles, and one login per role.

Only facts of the articles are used (places, names, titles, dates). The units are looked up in
the loaded territory, never assumed: a place is a former district found by its name under its
former province; the communes shown are those that replaced the district's communes on 1/7/2025.
"""

import datetime as dt
from dataclasses import dataclass

from danvan.accounts.models import Role
from danvan.territory.models import Kind

PASSWORD = "DanVan@2026"


@dataclass(frozen=True)
class Place:
    key: str
    province_code: str  # of the former province, as in the official register
    district_names: tuple[str, ...]  # the first that exists is used
    ward_neighbourhood: Kind  # what a ward's neighbourhoods are called in this region
    commune_neighbourhood: Kind  # … and a xã's


PLACES = [
    Place("soc_trang", "94", ("Thành phố Sóc Trăng",), Kind.KHOM, Kind.AP),
    Place("cao_bang", "04", ("Thành phố Cao Bằng",), Kind.TO_DAN_PHO, Kind.XOM),
    Place("thoai_son", "89", ("Huyện Thoại Sơn",), Kind.KHOM, Kind.AP),
    Place("hong_ngu", "87", ("Thành phố Hồng Ngự",), Kind.KHOM, Kind.AP),
    # Long Điền and Đất Đỏ were merged into Long Đất shortly before the 2025 reform, so the
    # register's last list of districts knows Long Đất only: its communes include Long Điền's.
    Place("long_dien", "77", ("Huyện Long Điền", "Huyện Long Đất"), Kind.KHU_PHO, Kind.AP),
]

NEIGHBOURHOODS_PER_COMMUNE = 3


@dataclass(frozen=True)
class CommuneOrg:
    key: str
    kind: str
    name: str  # "{unit}" is the commune's name with a small first letter: "phường Sóc Trăng"
    parent: str | None = None


# Today's structure of a commune: the party committee with its Ban Xây dựng Đảng, the people's
# committee, and the Fatherland Front with the five socio-political organizations under it.
COMMUNE_ORGS = [
    CommuneOrg("party", "cap_uy", "Đảng ủy {unit}"),
    CommuneOrg("builder", "ban_xay_dung_dang", "Ban Xây dựng Đảng Đảng ủy {unit}", "party"),
    CommuneOrg("government", "ubnd", "Ủy ban nhân dân {unit}"),
    CommuneOrg("front", "mttq", "Ủy ban MTTQ Việt Nam {unit}"),
    CommuneOrg("youth", "doan_thanh_nien", "Đoàn TNCS Hồ Chí Minh {unit}", "front"),
    CommuneOrg("women", "hoi_phu_nu", "Hội Liên hiệp Phụ nữ {unit}", "front"),
    CommuneOrg("farmers", "hoi_nong_dan", "Hội Nông dân {unit}", "front"),
    CommuneOrg("veterans", "hoi_cuu_chien_binh", "Hội Cựu chiến binh {unit}", "front"),
    CommuneOrg("union", "cong_doan", "Công đoàn {unit}", "front"),
]
NEIGHBOURHOOD_ORG = CommuneOrg("residents", "ban_cong_tac_mat_tran", "Ban công tác Mặt trận {unit}", "front")

# The body that keeps the dân vận records of most communes; one ward shows that it is a setting.
DEFAULT_KEEPER = "builder"
OTHER_KEEPER = "front"


@dataclass(frozen=True)
class HistoricOrg:
    key: str
    place: str
    kind: str
    name: str
    parent: str | None = None
    at_province: bool = False  # at the former province rather than the former district


HISTORIC_ORGS = [
    HistoricOrg("st_committee", "soc_trang", "cap_uy", "Thành ủy Sóc Trăng"),
    HistoricOrg("st_dan_van", "soc_trang", "ban_dan_van", "Ban Dân vận Thành ủy Sóc Trăng", "st_committee"),
    HistoricOrg("cb_committee", "cao_bang", "cap_uy", "Thành ủy Cao Bằng"),
    HistoricOrg("cb_dan_van", "cao_bang", "ban_dan_van", "Ban Dân vận Thành ủy Cao Bằng", "cb_committee"),
    HistoricOrg("cb_front", "cao_bang", "mttq", "Ủy ban MTTQ Việt Nam thành phố Cao Bằng"),
    HistoricOrg("cb_council", "cao_bang", "hdnd", "Hội đồng nhân dân thành phố Cao Bằng"),
    HistoricOrg("cb_government", "cao_bang", "ubnd", "Ủy ban nhân dân thành phố Cao Bằng"),
    HistoricOrg("ag_committee", "thoai_son", "cap_uy", "Tỉnh ủy An Giang", at_province=True),
    HistoricOrg(
        "ag_dan_van",
        "thoai_son",
        "ban_dan_van",
        "Ban Dân vận Tỉnh ủy An Giang",
        "ag_committee",
        at_province=True,
    ),
    HistoricOrg("ts_committee", "thoai_son", "cap_uy", "Huyện ủy Thoại Sơn"),
    HistoricOrg("ts_dan_van", "thoai_son", "ban_dan_van", "Ban Dân vận Huyện ủy Thoại Sơn", "ts_committee"),
    HistoricOrg("hn_committee", "hong_ngu", "cap_uy", "Thành ủy Hồng Ngự"),
    HistoricOrg("hn_front", "hong_ngu", "mttq", "Ủy ban MTTQ Việt Nam thành phố Hồng Ngự"),
    HistoricOrg("ld_committee", "long_dien", "cap_uy", "Huyện ủy Long Điền"),
    HistoricOrg("ld_dan_van", "long_dien", "ban_dan_van", "Ban Dân vận Huyện ủy Long Điền", "ld_committee"),
]


@dataclass(frozen=True)
class Source:
    """An article: the date its event took place, and the event in a few words of our own."""

    day: dt.date
    event: str


SOURCES = {
    "soc_trang": Source(
        dt.date(2019, 4, 1), "hội nghị sơ kết công tác dân vận quý I/2019, thành phố Sóc Trăng"
    ),
    "cao_bang": Source(
        dt.date(2021, 7, 22), "hội nghị sơ kết công tác Dân vận 6 tháng đầu năm 2021, Cao Bằng"
    ),
    "thoai_son": Source(dt.date(2020, 8, 25), "giao ban công tác dân vận tháng 8/2020, huyện Thoại Sơn"),
    "hong_ngu": Source(dt.date(2022, 12, 21), "buổi làm việc với Khối vận về nhiệm vụ năm 2022, Hồng Ngự"),
    "long_dien": Source(
        dt.date(2018, 7, 11), "hội nghị sơ kết công tác Dân vận 6 tháng đầu năm 2018, Long Điền"
    ),
}


@dataclass(frozen=True)
class HistoricPerson:
    full_name: str
    place: str
    gender: str  # only where the article says ông / bà
    posts: tuple[tuple[str, str], ...]  # (historic org key, title) held on the article's date
    at_province: bool = False


HISTORIC_PEOPLE = [
    HistoricPerson(
        "Vũ Văn Minh",
        "cao_bang",
        "",
        (
            ("cb_committee", "Ủy viên Ban Thường vụ Thành ủy"),
            ("cb_dan_van", "Trưởng Ban Dân vận Thành ủy"),
            ("cb_front", "Chủ tịch Ủy ban MTTQ Việt Nam thành phố"),
        ),
    ),
    HistoricPerson(
        "Nguyễn Thị Huệ Chi",
        "cao_bang",
        "",
        (
            ("cb_committee", "Ủy viên Ban Thường vụ Thành ủy"),
            ("cb_government", "Phó Chủ tịch Ủy ban nhân dân thành phố"),
        ),
    ),
    HistoricPerson(
        "Tô Vũ Ninh",
        "cao_bang",
        "",
        (
            ("cb_committee", "Phó Bí thư Thường trực Thành ủy"),
            ("cb_council", "Chủ tịch Hội đồng nhân dân thành phố"),
        ),
    ),
    HistoricPerson(
        "Nguyễn Thị Liêm", "thoai_son", "female", (("ag_dan_van", "Phó Trưởng Ban Dân vận Tỉnh ủy"),), True
    ),
    HistoricPerson(
        "Lê Hữu Nghị", "thoai_son", "male", (("ts_committee", "Phó Bí thư Thường trực Huyện ủy"),)
    ),
    HistoricPerson("Đinh Văn Hiền", "thoai_son", "male", (("ts_dan_van", "Trưởng Ban Dân vận Huyện ủy"),)),
    HistoricPerson("Lê Hùng Dũng", "hong_ngu", "", (("hn_committee", "Phó Bí thư Thường trực Thành ủy"),)),
]


@dataclass(frozen=True)
class DemoUser:
    """A login; `unit` names where its grant lies, resolved from the places at load time."""

    prefix: str
    role: Role
    unit: str  # "" (whole country), "province:<place>", "ward:<place>:<n>" (n-th new ward by code)
    full_name: str


DEMO_USERS = [
    DemoUser("quantri", Role.SYSTEM_ADMIN, "", "Quản trị hệ thống (minh họa)"),
    DemoUser("quantri", Role.UNIT_ADMIN, "province:soc_trang", "Quản trị đơn vị cấp tỉnh (minh họa)"),
    DemoUser("lanhdao", Role.APPROVER, "province:soc_trang", "Lãnh đạo Ban Tuyên giáo và Dân vận (minh họa)"),
    DemoUser("nhaplieu", Role.REPORTER, "ward:soc_trang:0", "Cán bộ nhập liệu cấp phường (minh họa)"),
    DemoUser("nhaplieu", Role.REPORTER, "ward:soc_trang:1", "Cán bộ nhập liệu phường bên cạnh (minh họa)"),
    DemoUser("xem", Role.VIEWER, "province:cao_bang", "Người xem cấp tỉnh (minh họa)"),
]
# The ward whose records the Fatherland Front keeps instead of the Ban Xây dựng Đảng.
FRONT_KEEPS_RECORDS_IN = "ward:soc_trang:1"
