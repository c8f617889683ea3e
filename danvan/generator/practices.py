"""Dân vận khéo models and exemplars: about 18 per commune and year over `--years`.

Registered by the commune itself, one of its organizations or one of its neighbourhoods, in the
four default fields (practices migration 0002), named from word lists per field. Kinds: mô hình
about 85%, điển hình tập thể (of an organization) the rest. Statuses follow the year's age: the
current year is mostly registered or in progress, older years mostly decided (recognized, not
recognized, commended, stopped). About 3% replicate an earlier recognized practice (`source`),
about 8% are late. Derived columns come from practices.services.registration.derive's rules;
each practice gets its registration StatusChange.

Simplification: every year is registered on today's communes and neighbourhoods (the former
communes merged on 1/7/2025 get none).
"""

import datetime as dt
import random
from functools import lru_cache

from django.utils import timezone

from danvan.core.text import fold, sort_key
from danvan.generator.known import ensure_known
from danvan.generator.orgs import KINDS
from danvan.generator.plan import Context, Neighbourhood
from danvan.practices.models import Kind, Practice, PracticeField, Status, StatusChange, Subject
from danvan.practices.services.registration import CONTENT_FIELDS, NOT_TEXT
from danvan.territory.models import PATH_SEGMENT, Level, Unit
from danvan.territory.tree import segment

MEAN_PER_COMMUNE_YEAR = 18  # ≈ 60,000 a year over 3,321 communes
EXEMPLAR = 0.15
REPLICATION = 0.03
LATE = 0.08
NEIGHBOURHOOD_SHARE = 0.4
BY_ORGANIZATION = 0.6  # of the commune-level ones
ORG_ROLES = ("party", "xdd", "ubnd", "mttq", "doan", "phunu", "nongdan", "ccb", "congdoan", "tgdv")

CURRENT_STATUSES = [
    (Status.REGISTERED, 45),
    (Status.IN_PROGRESS, 40),
    (Status.REVIEWED, 10),
    (Status.PAUSED, 3),
    (Status.STOPPED, 2),
]
PAST_STATUSES = [
    (Status.RECOGNIZED, 50),
    (Status.NOT_RECOGNIZED, 15),
    (Status.OUTSTANDING, 7),
    (Status.COMMENDED, 10),
    (Status.STOPPED, 12),
    (Status.EVALUATED, 3),
    (Status.PAUSED, 3),
]
RECOGNIZED = {Status.RECOGNIZED, Status.OUTSTANDING, Status.COMMENDED}

# Field code → (what is done, to what or whom); a name is "<action> <object>", sometimes with a tail.
WORDS: dict[str, tuple[list[str], list[str]]] = {
    "kinh-te": (
        ["Vận động", "Hỗ trợ", "Liên kết", "Phát triển", "Chuyển đổi", "Nhân rộng", "Tổ chức"],
        [
            "sản xuất lúa theo tiêu chuẩn VietGAP",
            "nuôi tôm ứng dụng công nghệ cao",
            "hộ nghèo thoát nghèo bền vững",
            "tổ hợp tác trồng rau an toàn",
            "vườn cây ăn trái gắn với du lịch sinh thái",
            "phụ nữ khởi nghiệp làm kinh tế",
            "thanh niên lập nghiệp tại quê hương",
            "nông dân tiêu thụ nông sản qua sàn thương mại điện tử",
            "chăn nuôi bò sinh sản",
            "sản phẩm OCOP của địa phương",
            "quỹ tín dụng tiết kiệm xoay vòng",
            "hợp tác xã dịch vụ nông nghiệp",
        ],
    ),
    "van-hoa-xa-hoi": (
        ["Xây dựng", "Vận động", "Chung tay", "Giữ gìn", "Phát huy", "Duy trì"],
        [
            "tuyến đường hoa, đường sáng, xanh, sạch, đẹp",
            "khu dân cư văn hóa kiểu mẫu",
            "phân loại rác thải tại nguồn",
            "tủ sách cộng đồng",
            "bữa ăn bán trú cho học sinh nghèo",
            "nhà tình nghĩa, nhà đại đoàn kết",
            "câu lạc bộ gia đình hạnh phúc",
            "xóa nhà tạm, nhà dột nát",
            "học bổng tiếp sức đến trường",
            "chăm sóc người cao tuổi neo đơn",
            "bảo tồn lễ hội truyền thống",
            "nước sạch nông thôn",
        ],
    ),
    "quoc-phong-an-ninh": (
        ["Xây dựng", "Duy trì", "Phát huy", "Tổ chức", "Nâng cao hiệu quả"],
        [
            "tổ tự quản an ninh trật tự",
            "camera an ninh khu dân cư",
            "tuyến đường tự quản về an ninh trật tự",
            "tổ hòa giải ở cơ sở",
            "phòng, chống ma túy trong thanh thiếu niên",
            "khu dân cư không có tội phạm",
            "tổ liên gia an toàn phòng cháy, chữa cháy",
            "dân quân tự vệ giúp dân",
            "bảo vệ an ninh biên giới, biển đảo",
        ],
    ),
    "xay-dung-he-thong-chinh-tri": (
        ["Nâng cao", "Đổi mới", "Xây dựng", "Tăng cường", "Thực hiện"],
        [
            "chất lượng sinh hoạt chi bộ",
            "dân chủ ở cơ sở",
            "đối thoại giữa người đứng đầu cấp ủy với Nhân dân",
            "cải cách thủ tục hành chính một cửa",
            "cán bộ, đảng viên gần dân, sát dân",
            "Ngày hội Đại đoàn kết toàn dân tộc",
            "tiếp nhận phản ánh, kiến nghị qua mạng xã hội",
            "chuyển đổi số trong công tác dân vận",
            "đảng viên phụ trách hộ gia đình",
        ],
    ),
}
TAILS = ["", "", "", " gắn với xây dựng nông thôn mới", " trong tình hình mới", " theo phương châm “4 cùng”"]
TARGETS = [
    "hộ gia đình",
    "hộ nghèo, cận nghèo",
    "đoàn viên, thanh niên",
    "hội viên phụ nữ",
    "người cao tuổi",
    "học sinh",
]


@lru_cache(maxsize=50_000)
def _name_keys(name: str) -> tuple[str, str]:
    return fold(name), sort_key(name)


def _weighted(rng: random.Random, choices: list[tuple[Status, int]]) -> Status:
    return rng.choices([c for c, _ in choices], weights=[w for _, w in choices])[0]


def _years(ctx: Context) -> list[int]:
    return list(range(ctx.today.year - max(ctx.years, 1) + 1, ctx.today.year + 1))


def generate(ctx: Context) -> None:
    ensure_known(ctx)
    fields = {
        f.code: f.pk
        for f in PracticeField.objects.filter(code__in=WORDS, province__isnull=True, year__isnull=True)
    }
    codes = [code for code in WORDS if code in fields]
    if not codes:
        return
    tz = timezone.get_current_timezone()
    sources: list[tuple[int, str, str]] = []  # recognized practices of earlier years
    for year in _years(ctx):
        age = ctx.today.year - year
        recognized_now: list[tuple[int, str, str]] = []
        for commune in ctx.communes:
            rng = ctx.rng("practices", f"{commune.code}:{year}")
            count = max(1, round(MEAN_PER_COMMUNE_YEAR * (0.5 + rng.random())))
            places = ctx.neighbourhoods.get(commune.pk, [])
            orgs = {r: pk for r, pk in ctx.organizations.get(commune.pk, {}).items() if r in ORG_ROLES}
            for _ in range(count):
                practice, code = _practice(
                    ctx, rng, commune, places, orgs, codes, fields, year, age, sources, tz
                )
                ctx.writer.add(practice)
                ctx.writer.add(
                    StatusChange(
                        pk=ctx.writer.next_id(StatusChange),
                        practice_id=practice.pk,
                        from_status="",
                        to_status=Status.REGISTERED,
                        reason="Nhân rộng từ mô hình khác" if practice.source_id else "",
                    )
                )
                if practice.status in RECOGNIZED:
                    recognized_now.append((practice.pk, practice.name, code))
        sources += recognized_now


def _practice(
    ctx: Context,
    rng: random.Random,
    commune: Unit,
    places: list[Neighbourhood],
    orgs: dict[str, int],
    codes: list[str],
    fields: dict[str, int],
    year: int,
    age: int,
    sources: list[tuple[int, str, str]],
    tz: dt.tzinfo,
) -> tuple[Practice, str]:
    """A practice and its field code."""
    kind = Kind.EXEMPLAR if orgs and rng.random() < EXEMPLAR else Kind.MODEL
    role, place = "", None
    if kind == Kind.EXEMPLAR:
        role = rng.choice(sorted(orgs))
    elif places and rng.random() < NEIGHBOURHOOD_SHARE:
        place = rng.choice(places)
    elif orgs and rng.random() < BY_ORGANIZATION:
        role = rng.choice(sorted(orgs))
    source = None
    if sources and rng.random() < REPLICATION:
        source = sources[rng.randrange(len(sources))]
    if source is not None:
        name, code = source[1], source[2]
    else:
        code = rng.choice(codes)
        actions, objects = WORDS[code]
        thing, tail = rng.choice(objects), rng.choice(TAILS)
        name = f"{rng.choice(actions)} {thing}{'' if 'gắn với' in thing else tail}"
    if place is not None:
        unit_path = commune.path + segment(place.pk)
        level, unit_id, where = Level.NEIGHBOURHOOD, place.pk, f"{place.name}, {commune.name}"
    else:
        unit_path, level, unit_id, where = commune.path, Level.COMMUNE, commune.pk, commune.name
    status = _weighted(rng, CURRENT_STATUSES if age == 0 else PAST_STATUSES)
    registered_at = dt.datetime(year, rng.randint(1, 4), rng.randint(1, 28), rng.randint(7, 17), tzinfo=tz)
    target = rng.choice(TARGETS)
    lead = "Ủy ban MTTQ" if not role else KINDS[role][1]
    content = {
        "place": where,
        "target_people": target,
        "lead_forces": lead,
        "activities": f"Tuyên truyền, vận động {target} cùng tham gia; phân công cán bộ phụ trách nhóm hộ.",
        "budget": rng.randrange(0, 500) * 1_000_000,
        "workdays": rng.randrange(10, 2000),
        "start_date": registered_at.date() + dt.timedelta(days=rng.randrange(0, 60)),
    }
    name_folded, key = _name_keys(name)
    texts = [name] + [str(content.get(f) or "") for f in CONTENT_FIELDS if f not in NOT_TEXT]
    practice = Practice(
        pk=ctx.writer.next_id(Practice),
        kind=kind,
        subject=Subject.COLLECTIVE if kind == Kind.EXEMPLAR else "",
        organization_id=orgs[role] if role else None,
        unit_id=unit_id,
        unit_path=unit_path,
        commune_path=unit_path if level == Level.COMMUNE else unit_path[:-PATH_SEGMENT],
        level=level,
        body_type=f"org:{KINDS[role][0]}" if role else f"unit:{level}",
        year=year,
        field_id=fields[code],
        name=name,
        status=status,
        registered_at=registered_at,
        is_late=rng.random() < LATE,
        source_id=source[0] if source is not None else None,
        is_public=status in RECOGNIZED and rng.random() < 0.2,
        name_folded=name_folded,
        sort_key=key,
        search_text=fold(" ".join(texts)),
        **content,
    )
    return practice, code
