"""Demo Dân vận khéo records of the seed articles' places, with the articles' figures.

- Former Cao Bằng city, by May 2021: 16 agencies and units and 6 party cells registered models;
  every commune and every neighbourhood registered: 14 models at commune level and 200 at
  neighbourhood level (tổ, xóm).
- Former Long Điền district, first half of 2018: 187 models and exemplars registered.
- Today: a few models in the wards that replaced the former Sóc Trăng city and Hồng Ngự city
  (Tổ Nhân dân tự quản, Hội quán), one recognised, commended, published and replicated.

The old units keep these records; the new units read them through the merge lineage.
"""

import datetime as dt
import itertools
from collections.abc import Iterator
from typing import Any

from django.db import transaction

from danvan.accounts.scope import UserScope
from danvan.orgs.models import Organization, OrganizationKind
from danvan.practices.models import Commendation, Kind, Practice, PracticeField, Status, Subject
from danvan.practices.services.lifecycle import practice_transition
from danvan.practices.services.registration import practice_register
from danvan.practices.services.replication import practice_adopt
from danvan.practices.services.results import practice_commend, practice_publish
from danvan.territory.models import LEGACY_END, Level, Unit
from danvan.territory.models import Kind as UnitKind
from danvan.territory.tree import set_derived_fields

FIELD_CODES = ("kinh-te", "van-hoa-xa-hoi", "quoc-phong-an-ninh", "xay-dung-he-thong-chinh-tri")
# Model names by field, in our own words: the usual kinds of Dân vận khéo models.
NAMES = {
    "kinh-te": [
        "Nuôi heo đất tiết kiệm giúp hội viên thoát nghèo",
        "Tổ hợp tác trồng rau an toàn",
        "Vốn vay xoay vòng không lãi cho phụ nữ nghèo",
        "Liên kết tiêu thụ nông sản cho nông dân",
    ],
    "van-hoa-xa-hoi": [
        "Tuyến đường hoa, đường sáng – xanh – sạch – đẹp",
        "Hũ gạo tình thương",
        "Quỹ khuyến học khu dân cư",
        "Thu gom rác thải nhựa đổi quà",
    ],
    "quoc-phong-an-ninh": [
        "Camera an ninh khu dân cư",
        "Tổ tự quản an ninh trật tự",
        "Khu dân cư không có tội phạm và tệ nạn xã hội",
        "Cựu chiến binh giúp nhau giữ gìn trật tự",
    ],
    "xay-dung-he-thong-chinh-tri": [
        "Dân vận khéo trong cải cách thủ tục hành chính",
        "Tiếp dân và đối thoại định kỳ tại khu dân cư",
        "Chi bộ gắn với nắm tình hình Nhân dân",
        "Tổ Nhân dân tự quản",
    ],
}


def legacy_district(province_code: str, *names: str) -> Unit:
    """The first of `names` found among the old districts of an old province."""
    province = Unit.objects.get(code=province_code, level=Level.PROVINCE, valid_to=LEGACY_END)
    districts = {
        u.name: u for u in Unit.objects.filter(parent=province, level=Level.DISTRICT, name__in=names)
    }
    return next(districts[name] for name in names if name in districts)


def _legacy_neighbourhoods(commune: Unit, count: int, kind: str, label: str) -> list[Unit]:
    existing = list(Unit.objects.filter(parent=commune, level=Level.NEIGHBOURHOOD).order_by("code"))
    for number in range(len(existing) + 1, count + 1):
        unit = Unit.objects.create(
            code=f"{commune.code}-{number:03d}",
            name=f"{label} {number}",
            kind=kind,
            level=Level.NEIGHBOURHOOD,
            parent=commune,
            valid_to=LEGACY_END,
            is_official=False,
        )
        set_derived_fields(unit)
        unit.save(update_fields=["path", "depth", "name_folded", "sort_key"])
        existing.append(unit)
    return existing[:count]


def _org(unit: Unit, kind_code: str, name: str) -> Organization:
    from danvan.core.text import fold, sort_key

    kind = OrganizationKind.objects.get(code=kind_code)
    org, _ = Organization.objects.get_or_create(
        unit=unit,
        name_folded=fold(name),
        defaults={"kind": kind, "name": name, "sort_key": sort_key(name), "valid_to": unit.valid_to},
    )
    return org


class Registrar:
    """Registers demo practices through the real services, skipping those already there."""

    def __init__(self, actor: Any) -> None:
        self.actor = actor
        self.scope = UserScope(user=actor, grants=[])
        self.scope.__dict__["is_system_admin"] = True
        self.fields = {f.code: f for f in PracticeField.objects.filter(province=None, year=None)}
        self.created = 0

    def register(self, unit: Unit, year: int, name: str, field: str, **kw: Any) -> Practice:
        existing = Practice.objects.filter(
            unit=unit, year=year, name=name, organization=kw.get("organization")
        )
        if existing.exists():
            return existing.get()
        self.created += 1
        return practice_register(
            actor=self.actor,
            scope=self.scope,
            unit=unit,
            field=self.fields[field],
            year=year,
            name=name,
            **kw,
        )

    def move(self, practice: Practice, *targets: str, reason: str = "") -> Practice:
        for target in targets:
            practice = practice_transition(
                actor=self.actor, scope=self.scope, practice=practice, to=target, reason=reason
            )
        return practice


def _phrase(name: str) -> str:
    """ "Xã An Ngãi" → "xã An Ngãi", to be used inside a sentence."""
    return name[:1].lower() + name[1:]


def _names() -> Iterator[tuple[str, str]]:
    return itertools.cycle([(field, name) for field in FIELD_CODES for name in NAMES[field]])


def _cao_bang_2021(reg: Registrar) -> None:
    city = legacy_district("04", "Thành phố Cao Bằng")
    communes = list(Unit.objects.filter(parent=city, level=Level.COMMUNE).order_by("sort_key"))
    names = _names()
    for index in range(14):  # 14 models at commune level, every commune at least one
        field, name = next(names)
        reg.register(communes[index % len(communes)], 2021, f"{name} ({index + 1})", field)
    neighbourhoods = [n for c in communes for n in _legacy_neighbourhoods(c, 8, UnitKind.TO_DAN_PHO, "Tổ")]
    for index in range(200):  # 200 models at neighbourhood level, every tổ, xóm at least one
        field, name = next(names)
        reg.register(neighbourhoods[index % len(neighbourhoods)], 2021, f"{name} – tổ {index + 1}", field)
    for index in range(16):
        org = _org(city, "co_quan_don_vi", f"Cơ quan, đơn vị thành phố số {index + 1}")
        reg.register(
            city,
            2021,
            f"Dân vận khéo trong phục vụ Nhân dân ({org.name})",
            "xay-dung-he-thong-chinh-tri",
            organization=org,
        )
    for index in range(6):
        org = _org(city, "chi_bo_dang_bo", f"Chi bộ khối cơ quan số {index + 1}")
        reg.register(
            city,
            2021,
            f"Chi bộ nắm tình hình Nhân dân ({org.name})",
            "xay-dung-he-thong-chinh-tri",
            organization=org,
        )


def _long_dien_2018(reg: Registrar) -> None:
    # Long Điền and Đất Đỏ became Long Đất shortly before 2025; the register knows Long Đất only.
    district = legacy_district("77", "Huyện Long Điền", "Huyện Long Đất")
    communes = list(Unit.objects.filter(parent=district, level=Level.COMMUNE).order_by("sort_key"))
    names = _names()
    for index in range(187):  # 187 models and exemplars in the first six months
        commune = communes[index % len(communes)]
        field, name = next(names)
        if index % 6 == 5:
            org = _org(commune, "hoi_nong_dan", f"Hội Nông dân {_phrase(commune.name)}")
            reg.register(
                commune,
                2018,
                f"Điển hình {_phrase(name)} ({index + 1})",
                field,
                kind=Kind.EXEMPLAR,
                subject=Subject.COLLECTIVE,
                organization=org,
            )
        else:
            reg.register(commune, 2018, f"{name} ({index + 1})", field)


def new_wards_of(province_code: str, district_name: str) -> list[Unit]:
    """Today's communes that took over the old communes of a former district, in Vietnamese order."""
    district = legacy_district(province_code, district_name)
    return list(
        Unit.objects.filter(predecessor_links__predecessor__parent=district, valid_to__isnull=True)
        .distinct()
        .order_by("sort_key")
    )


def _today(reg: Registrar) -> None:
    soc_trang = new_wards_of("94", "Thành phố Sóc Trăng")
    ward_a, ward_b = soc_trang[0], soc_trang[1]
    source = reg.register(
        ward_a,
        2026,
        "Tuyến đường hoa, đường sáng do khu dân cư tự quản",
        "van-hoa-xa-hoi",
        content={
            "problem": "Đường hẻm tối, thiếu cây xanh, rác tồn đọng.",
            "goals": "Mỗi khóm có ít nhất một tuyến đường hoa có đèn chiếu sáng.",
            "activities": "Vận động hộ dân góp cây, góp ngày công; chia tuyến cho tổ tự quản.",
            "budget": 45_000_000,
            "workdays": 320,
            "start_date": dt.date(2026, 2, 15),
            "evaluation_date": dt.date(2026, 9, 30),
            "outputs": "Số tuyến đường hoa, số bóng đèn lắp đặt, số hộ tham gia.",
        },
    )
    if source.status == Status.REGISTERED:
        source = reg.move(source, Status.IN_PROGRESS, Status.REVIEWED, Status.EVALUATED, Status.RECOGNIZED)
        practice_commend(
            actor=reg.actor,
            scope=reg.scope,
            practice=source,
            form=Commendation.Form.GIAY_KHEN,
            issuer="Ban Thường vụ Đảng ủy phường",
            decision_number="45-QĐ/ĐU",
            decision_date=dt.date(2026, 10, 15),
            recipients="Ban công tác Mặt trận các khóm",
        )
        practice_publish(actor=reg.actor, practice=source, public=True)
        practice_adopt(actor=reg.actor, scope=reg.scope, source=source, unit=ward_b, year=2026)
    hong_ngu = new_wards_of("87", "Thành phố Hồng Ngự")
    for ward, name, field in (
        (hong_ngu[0], "Tổ Nhân dân tự quản", "quoc-phong-an-ninh"),
        (hong_ngu[-1], "Hội quán – nơi nông dân cùng bàn việc làm ăn", "kinh-te"),
    ):
        practice = reg.register(ward, 2026, name, field)
        if practice.status == Status.REGISTERED:
            reg.move(practice, Status.IN_PROGRESS)


@transaction.atomic
def load_practices(actor: Any) -> int:
    """Load the demo practices; returns how many were created (0 on a second run)."""
    reg = Registrar(actor)
    _cao_bang_2021(reg)
    _long_dien_2018(reg)
    _today(reg)
    return reg.created
