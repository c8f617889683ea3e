"""Welfare campaigns: each year every province runs three, and each of its communes a
sub-campaign of each, organized by the Ủy ban MTTQ (domain.md §7).

- Tết (1/12 of the year before – end of February): gift packages to poor and near-poor households,
  policy families and the elderly, health-insurance cards;
- Tiếp sức đến trường (August – September): scholarships, bicycles and gifts to pupils in hardship;
- Quỹ Vì người nghèo (the whole year): Đại đoàn kết houses, repaired houses, tình nghĩa houses,
  smartphones and cash support.

A commune's quantities grow with its size (0,4× to 2× an average commune); values are quantity ×
a unit value drawn within the usual range, in đồng. Contributions (money from people, firms and
agencies, a few in goods) add up to 100–130% of what the commune gave; the province campaign also
receives a few large donations. Each new house has its household as a beneficiary (name and
place only). Nothing is dated after today; campaigns that have not begun are left out.
"""

import datetime as dt
import random
from dataclasses import dataclass
from functools import lru_cache

from danvan.campaigns.models import (
    Beneficiary,
    BeneficiaryGroup,
    Campaign,
    Contribution,
    ContributionKind,
    Distribution,
    DonorType,
    FundingSource,
    GoalItem,
    ItemKind,
)
from danvan.campaigns.services import TREE_SEGMENT, household_key
from danvan.core.text import fold, sort_key
from danvan.generator.known import ensure_known
from danvan.generator.names import person_name
from danvan.generator.plan import Context
from danvan.generator.writer import db_date
from danvan.territory.models import Unit


@dataclass(frozen=True)
class Gift:
    item: str  # ItemKind code
    groups: tuple[str, ...]  # BeneficiaryGroup codes
    per_commune: tuple[int, int]  # quantity range for an average commune
    unit_value: tuple[int, int]  # đồng
    source: str = FundingSource.CAMPAIGN


@dataclass(frozen=True)
class Template:
    key: str
    name: str  # {y}: the year
    start: tuple[int, int, int]  # (year offset, month, day)
    end: tuple[int, int, int]
    gifts: tuple[Gift, ...]


TEMPLATES = [
    Template(
        "tet",
        "Chăm lo Tết cho hộ nghèo và gia đình chính sách Xuân {y}",
        (-1, 12, 1),
        (0, 2, 28),
        (
            Gift("suat_qua", ("ho_ngheo", "ho_can_ngheo"), (250, 900), (300_000, 600_000)),
            Gift("suat_qua", ("gia_dinh_chinh_sach",), (60, 200), (500_000, 1_000_000), FundingSource.BUDGET),
            Gift("suat_qua", ("nguoi_cao_tuoi", "bao_tro_xa_hoi"), (40, 150), (300_000, 500_000)),
            Gift("bao_hiem_y_te", ("ho_can_ngheo",), (10, 60), (700_000, 900_000), FundingSource.FUND),
        ),
    ),
    Template(
        "school",
        "Tiếp sức đến trường năm học {y}–{y1}",
        (0, 8, 1),
        (0, 9, 30),
        (
            Gift("hoc_bong", ("hoc_sinh_kho_khan",), (10, 60), (1_000_000, 3_000_000)),
            Gift("xe_dap", ("hoc_sinh_kho_khan",), (3, 20), (1_500_000, 2_500_000), FundingSource.SPONSOR),
            Gift("suat_qua", ("hoc_sinh_kho_khan",), (40, 200), (300_000, 500_000)),
            Gift("dien_thoai_thong_minh", ("hoc_sinh_kho_khan",), (0, 8), (2_500_000, 4_000_000)),
        ),
    ),
    Template(
        "fund",
        "Quỹ Vì người nghèo năm {y}",
        (0, 1, 1),
        (0, 12, 31),
        (
            Gift("nha_dai_doan_ket", ("ho_ngheo",), (0, 4), (50_000_000, 80_000_000), FundingSource.FUND),
            Gift("sua_chua_nha", ("ho_ngheo", "ho_can_ngheo"), (0, 5), (15_000_000, 30_000_000)),
            Gift(
                "nha_tinh_nghia",
                ("gia_dinh_chinh_sach",),
                (0, 1),
                (80_000_000, 120_000_000),
                FundingSource.MIXED,
            ),
            Gift("tien_mat", ("bao_tro_xa_hoi", "nguoi_khuyet_tat"), (10, 50), (500_000, 2_000_000)),
        ),
    ),
]
HOUSES = {"nha_dai_doan_ket", "nha_tinh_nghia"}
DONORS = [
    (DonorType.INDIVIDUAL, 55, (200_000, 5_000_000)),
    (DonorType.ENTERPRISE, 20, (5_000_000, 100_000_000)),
    (DonorType.ORGANIZATION, 20, (1_000_000, 20_000_000)),
    (DonorType.ANONYMOUS, 5, (100_000, 2_000_000)),
]
GOODS = [
    ("Gạo", "kg", 15_000, (200, 2_000)),
    ("Mì tôm", "thùng", 110_000, (20, 200)),
    ("Dầu ăn", "chai", 45_000, (50, 300)),
]
GOODS_SHARE = 0.15
FIRMS = [
    "Công ty TNHH Thương mại Phú Quý",
    "Ngân hàng Chính sách xã hội",
    "Hợp tác xã Nông nghiệp Tân Tiến",
    "Công ty Cổ phần Xây dựng Đại Phát",
    "Doanh nghiệp tư nhân Minh Khang",
]


@lru_cache(maxsize=20_000)
def _name_keys(name: str) -> tuple[str, str]:
    return fold(name), sort_key(name)[:800]


@dataclass
class _Lookup:
    items: dict[str, int]
    groups: dict[str, tuple[int, str, int]]  # code → (id, name, order)


def _period(template: Template, year: int) -> tuple[dt.date, dt.date]:
    (sy, sm, sd), (ey, em, ed) = template.start, template.end
    return dt.date(year + sy, sm, sd), dt.date(year + ey, em, ed)


def generate(ctx: Context) -> None:
    ensure_known(ctx)
    lookup = _Lookup(
        dict(ItemKind.objects.values_list("code", "pk")),
        {
            code: (pk, name, order)
            for pk, code, name, order in BeneficiaryGroup.objects.values_list("pk", "code", "name", "order")
        },
    )
    by_province: dict[int | None, list[Unit]] = {}
    for commune in ctx.communes:
        by_province.setdefault(commune.parent_id, []).append(commune)
    provinces = {p.pk: p for p in ctx.provinces}
    for province_id, communes in by_province.items():
        province = provinces.get(province_id) if province_id is not None else None
        for year in range(ctx.window_start.year, ctx.today.year + 1):
            for template in TEMPLATES:
                start, end = _period(template, year)
                if start > ctx.today or end < ctx.window_start:
                    continue
                _campaign_tree(ctx, lookup, template, year, province, communes)


def _campaign_tree(
    ctx: Context, lookup: _Lookup, template: Template, year: int, province: Unit | None, communes: list[Unit]
) -> None:
    name = template.name.format(y=year, y1=year + 1)
    parent_id, parent_path = None, ""
    if province is not None:
        rng = ctx.rng("campaigns", f"{province.code}:{template.key}:{year}")
        parent_id, parent_path = _campaign(ctx, province, name, template, year, None, "", goal=None)
        for _ in range(rng.randint(2, 6)):
            _contribution(ctx, rng, parent_id, province, *_period(template, year), large=True)
    for commune in communes:
        rng = ctx.rng("campaigns", f"{commune.code}:{template.key}:{year}")
        size = 0.4 + 1.6 * ctx.rng("campaigns", commune.code).random()
        _commune_campaign(ctx, lookup, rng, commune, template, year, size, name, parent_id, parent_path)


def _campaign(
    ctx: Context,
    unit: Unit,
    name: str,
    template: Template,
    year: int,
    parent_id: int | None,
    parent_path: str,
    *,
    goal: int | None,
) -> tuple[int, str]:
    pk = ctx.writer.next_id(Campaign)
    tree_path = parent_path + f"{pk:0{TREE_SEGMENT}d}"
    start, end = _period(template, year)
    folded, key = _name_keys(name)
    ctx.writer.raw_table(Campaign).add_values(
        id=pk,
        name=name,
        unit_id=unit.pk,
        unit_path=unit.path,
        parent_id=parent_id,
        tree_path=tree_path,
        organizer_text=f"Ủy ban MTTQ Việt Nam {unit.name[:1].lower()}{unit.name[1:]}",
        start_date=db_date(start),
        end_date=db_date(end),
        goal_money=goal,
        description="Vận động các tổ chức, doanh nghiệp, cá nhân ủng hộ; trao tận tay đúng đối tượng.",
        name_folded=folded,
        sort_key=key,
    )
    front = ctx.organizations.get(unit.pk, {}).get("mttq")
    if front is not None:
        through = Campaign.organizers.through
        ctx.writer.raw_table(through).add((ctx.writer.next_id(through), pk, front))
    return pk, tree_path


def _commune_campaign(
    ctx: Context,
    lookup: _Lookup,
    rng: random.Random,
    commune: Unit,
    template: Template,
    year: int,
    size: float,
    name: str,
    parent_id: int | None,
    parent_path: str,
) -> None:
    start, end = _period(template, year)
    last = min(end, ctx.today)
    planned = [(gift, round(rng.randint(*gift.per_commune) * size)) for gift in template.gifts]
    goal = (
        sum(n * (gift.unit_value[0] + gift.unit_value[1]) // 2 for gift, n in planned)
        // 1_000_000
        * 1_000_000
    )
    pk, _path = _campaign(
        ctx, commune, f"{name} — {commune.name}", template, year, parent_id, parent_path, goal=goal
    )
    for gift, quantity in planned:
        if gift.item == "suat_qua" and gift.groups[0] in ("ho_ngheo", "hoc_sinh_kho_khan") and quantity:
            table = ctx.writer.raw_table(GoalItem)
            table.add_values(
                id=ctx.writer.next_id(GoalItem),
                campaign_id=pk,
                item_kind_id=lookup.items["suat_qua"],
                quantity=quantity,
            )
    given = 0
    for gift, quantity in planned:
        # Given in one to three rounds, those due by today only.
        rounds = min(quantity, rng.randint(1, 3))
        for index in range(rounds):
            day = start + dt.timedelta(days=rng.randint(0, max((end - start).days, 0)))
            part = quantity // rounds + (1 if index < quantity % rounds else 0)
            if day <= last and part:
                given += _distribution(ctx, lookup, rng, pk, commune, gift, part, day)
    raised, target = 0, given * rng.uniform(1.0, 1.3)
    while raised < target or raised == 0:
        raised += _contribution(ctx, rng, pk, commune, start, last, large=False)


def _distribution(
    ctx: Context,
    lookup: _Lookup,
    rng: random.Random,
    campaign: int,
    commune: Unit,
    gift: Gift,
    quantity: int,
    day: dt.date,
) -> int:
    """Write one distribution (and its groups, and its houses' households); its value in đồng."""
    value = quantity * rng.randint(*gift.unit_value) // 1000 * 1000
    groups = sorted((lookup.groups[code] for code in gift.groups), key=lambda g: g[2])
    pk = ctx.writer.next_id(Distribution)
    ctx.writer.raw_table(Distribution).add_values(
        id=pk,
        campaign_id=campaign,
        unit_id=commune.pk,
        unit_path=commune.path,
        item_kind_id=lookup.items[gift.item],
        groups_key=",".join(sorted(gift.groups)),
        groups_label=", ".join(name[:1].lower() + name[1:] for _pk, name, _order in groups),
        groups_rank=groups[0][2],
        quantity=quantity,
        value=value,
        funding_source=gift.source,
        distributed_on=db_date(day),
    )
    through = Distribution.groups.through
    for group_id, _name, _order in groups:
        ctx.writer.raw_table(through).add((ctx.writer.next_id(through), pk, group_id))
    if gift.item in HOUSES:
        _households(ctx, rng, pk, campaign, commune, quantity)
    return value


def _households(
    ctx: Context, rng: random.Random, distribution: int, campaign: int, commune: Unit, count: int
) -> None:
    places = ctx.neighbourhoods.get(commune.pk, [])
    region = ctx.region(commune)
    for _ in range(count):
        name = person_name(rng, region).full_name
        address = f"{rng.choice(places).name}, {commune.name}" if places else commune.name
        ctx.writer.raw_table(Beneficiary).add_values(
            id=ctx.writer.next_id(Beneficiary),
            distribution_id=distribution,
            campaign_id=campaign,
            full_name=name,
            address=address,
            birth_year=ctx.today.year - rng.randint(30, 85),
            household_key=household_key(name, address),
        )


def _contribution(
    ctx: Context, rng: random.Random, campaign: int, unit: Unit, start: dt.date, last: dt.date, *, large: bool
) -> int:
    """Write one contribution received between `start` and `last`; its amount in đồng."""
    day = start + dt.timedelta(days=rng.randint(0, max((last - start).days, 0)))
    donor, _weight, (low, high) = rng.choices(DONORS, weights=[d[1] for d in DONORS])[0]
    if large:
        donor, low, high = DonorType.ENTERPRISE, 100_000_000, 1_000_000_000
    goods = None if large or rng.random() >= GOODS_SHARE else rng.choice(GOODS)
    if goods is not None:
        quantity = rng.randint(*goods[3])
        amount = quantity * goods[2]
    else:
        amount = rng.randint(low, high) // 100_000 * 100_000
    if donor == DonorType.INDIVIDUAL:
        name = person_name(rng, ctx.region(unit)).full_name
    elif donor == DonorType.ANONYMOUS:
        name = ""
    else:
        name = rng.choice(FIRMS)
    ctx.writer.raw_table(Contribution).add_values(
        id=ctx.writer.next_id(Contribution),
        campaign_id=campaign,
        unit_path=unit.path,
        kind=ContributionKind.GOODS if goods else ContributionKind.MONEY,
        donor_type=donor,
        donor_name=name,
        amount=amount,
        goods=goods[0] if goods else "",
        quantity=quantity if goods else None,
        quantity_unit=goods[1] if goods else "",
        received_on=db_date(day),
        receipt_number=f"BN{day:%y}-{rng.randint(1, 9999):04d}",
    )
    return amount
