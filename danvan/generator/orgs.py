"""Organizations at every chosen province, commune and neighbourhood, with their people.

A commune gets its Đảng ủy (with the Ban Xây dựng Đảng; a đặc khu also its Ban Tuyên giáo và Dân
vận), the UBND, and the Ủy ban MTTQ with the five member organizations below it; each of its
neighbourhoods a Ban công tác Mặt trận under the commune MTTQ. A province gets the same bodies at
its level. With `--years` reaching back before 1/7/2025, the former communes merged into a chosen
commune get their Đảng ủy, UBND and MTTQ (ended 30/6/2025) and their heads term by term; some of
the last ones hold a post in the new commune too. The unit setting `records_keeper` names the
body that keeps each commune's dân vận records (domain §2: not hard-coded, a setting).
"""

import datetime as dt
import random
from dataclasses import dataclass

from danvan.core.text import fold, sort_key
from danvan.generator import people
from danvan.generator.plan import Context
from danvan.orgs.models import Organization, OrganizationKind, UnitSetting
from danvan.territory.models import LEGACY_END, Kind, Level, Unit, UnitLineage
from danvan.territory.tree import split_kind_prefix

# Organization role in the generator → OrganizationKind code (seeded by orgs migration 0003).
KINDS = {
    "party": ("cap_uy", "Đảng ủy, cấp ủy"),
    "tgdv": ("ban_tuyen_giao_dan_van", "Ban Tuyên giáo và Dân vận"),
    "xdd": ("ban_xay_dung_dang", "Ban Xây dựng Đảng"),
    "ubnd": ("ubnd", "Ủy ban nhân dân"),
    "mttq": ("mttq", "Ủy ban MTTQ Việt Nam"),
    "doan": ("doan_thanh_nien", "Đoàn TNCS Hồ Chí Minh"),
    "phunu": ("hoi_phu_nu", "Hội Liên hiệp Phụ nữ"),
    "nongdan": ("hoi_nong_dan", "Hội Nông dân"),
    "ccb": ("hoi_cuu_chien_binh", "Hội Cựu chiến binh"),
    "congdoan": ("cong_doan", "Công đoàn"),
    "btmt": ("ban_cong_tac_mat_tran", "Ban công tác Mặt trận khu dân cư"),
}


@dataclass(frozen=True)
class OrgSpec:
    role: str
    name: str  # {u}: "xã Tân Hòa"; {p}: "Cần Thơ"; {party}: Tỉnh ủy / Thành ủy; {youth}: Tỉnh đoàn…
    short_name: str
    parent_role: str | None


COMMUNE_ORGS = [
    OrgSpec("party", "Đảng ủy {u}", "Đảng ủy", None),
    OrgSpec("xdd", "Ban Xây dựng Đảng Đảng ủy {u}", "Ban XDĐ", "party"),
    OrgSpec("ubnd", "Ủy ban nhân dân {u}", "UBND", None),
    OrgSpec("mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam {u}", "Ủy ban MTTQ", None),
    OrgSpec("doan", "Đoàn Thanh niên Cộng sản Hồ Chí Minh {u}", "Đoàn Thanh niên", "mttq"),
    OrgSpec("phunu", "Hội Liên hiệp Phụ nữ {u}", "Hội LHPN", "mttq"),
    OrgSpec("nongdan", "Hội Nông dân {u}", "Hội Nông dân", "mttq"),
    OrgSpec("ccb", "Hội Cựu chiến binh {u}", "Hội CCB", "mttq"),
    OrgSpec("congdoan", "Công đoàn {u}", "Công đoàn", "mttq"),
]
SPECIAL_ZONE_ORGS = [OrgSpec("tgdv", "Ban Tuyên giáo và Dân vận Đảng ủy {u}", "Ban TG&DV", "party")]
PROVINCE_ORGS = [
    OrgSpec("party", "{party} {p}", "{party}", None),
    OrgSpec("tgdv", "Ban Tuyên giáo và Dân vận {party} {p}", "Ban TG&DV", "party"),
    *COMMUNE_ORGS[2:4],
    OrgSpec("doan", "{youth} {p}", "{youth}", "mttq"),
    *COMMUNE_ORGS[5:8],
    OrgSpec("congdoan", "Liên đoàn Lao động {u}", "LĐLĐ", "mttq"),
]
LEGACY_ORGS = [COMMUNE_ORGS[0], COMMUNE_ORGS[2], COMMUNE_ORGS[3]]
NEIGHBOURHOOD_ORG = OrgSpec("btmt", "Ban công tác Mặt trận {u}", "Ban CTMT", "mttq")

# Terms of the former communes' bodies (party congresses of 2010, 2015, 2020), up to the reform.
TERM_STARTS = [dt.date(2010, 7, 1), dt.date(2015, 7, 1), dt.date(2020, 7, 1)]
RE_ELECTED = 0.5
CARRIED_OVER = 0.4  # last holder of a former commune's post who serves in the new commune


def lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


def ensure_kinds() -> dict[str, int]:
    ids = {}
    for role, (code, name) in KINDS.items():
        kind, _created = OrganizationKind.objects.get_or_create(code=code, defaults={"name": name})
        ids[role] = kind.pk
    return ids


def create_orgs(
    ctx: Context, unit: Unit, specs: list[OrgSpec], kinds: dict[str, int], **words: str
) -> dict[str, int]:
    """The organizations of `specs` at `unit` (parents before children); role → id."""
    created: dict[str, int] = {}
    words = {"u": lower_first(unit.name), **words}
    for spec in specs:
        name = spec.name.format(**words)
        organization = Organization(
            pk=ctx.writer.next_id(Organization),
            unit_id=unit.pk,
            kind_id=kinds[spec.role],
            name=name,
            short_name=spec.short_name.format(**words),
            parent_id=created.get(spec.parent_role) if spec.parent_role else None,
            valid_from=unit.valid_from,
            valid_to=unit.valid_to,
            name_folded=fold(name),
            sort_key=sort_key(name),
        )
        ctx.writer.add(organization)
        created[spec.role] = organization.pk
    return created


def generate(ctx: Context) -> None:
    kinds = ensure_kinds()
    for province in ctx.provinces:
        rng = ctx.rng("orgs", province.code)
        city = province.kind == Kind.THANH_PHO_TW
        words = {
            "p": split_kind_prefix(province.name)[1],
            "party": "Thành ủy" if city else "Tỉnh ủy",
            "youth": "Thành đoàn" if city else "Tỉnh đoàn",
        }
        orgs = create_orgs(ctx, province, PROVINCE_ORGS, kinds, **words)
        ctx.organizations[province.pk] = orgs
        people.fill_posts(ctx, rng, province, orgs, people.PROVINCE_POSTS, words=words)
    former = former_communes(ctx)
    with_setting = set(UnitSetting.objects.filter(unit__in=ctx.communes).values_list("unit_id", flat=True))
    for commune in ctx.communes:
        rng = ctx.rng("orgs", commune.code)
        specs = COMMUNE_ORGS + (SPECIAL_ZONE_ORGS if commune.kind == Kind.DAC_KHU else [])
        orgs = create_orgs(ctx, commune, specs, kinds)
        ctx.organizations[commune.pk] = orgs
        officials = people.fill_posts(
            ctx, rng, commune, orgs, people.commune_posts(rng), words={"party": "Đảng ủy"}
        )
        neighbourhood_boards(ctx, rng, commune, orgs["mttq"], kinds)
        for old in former.pop(commune.pk, []):
            former_commune(ctx, rng, commune, old, kinds, officials)  # pops who it carries over
        if commune.pk not in with_setting:
            keeper = orgs.get("tgdv") or (orgs["xdd"] if rng.random() < 0.9 else orgs["mttq"])
            ctx.writer.add(
                UnitSetting(pk=ctx.writer.next_id(UnitSetting), unit_id=commune.pk, records_keeper_id=keeper)
            )


def neighbourhood_boards(
    ctx: Context, rng: random.Random, commune: Unit, front_id: int, kinds: dict[str, int]
) -> None:
    region = ctx.region(commune)
    for place in ctx.neighbourhoods.get(commune.pk, []):
        name = NEIGHBOURHOOD_ORG.name.format(u=lower_first(place.name))
        board = Organization(
            pk=ctx.writer.next_id(Organization),
            unit_id=place.pk,
            kind_id=kinds["btmt"],
            name=name,
            short_name=NEIGHBOURHOOD_ORG.short_name,
            parent_id=front_id,
            valid_from=commune.valid_from,
            name_folded=fold(name),
            sort_key=sort_key(name),
        )
        ctx.writer.add(board)
        people.fill_posts(ctx, rng, commune, {"btmt": board.pk}, people.NEIGHBOURHOOD_POSTS, record=False)
        for _ in range(rng.randint(0, 2)):
            member = people.new_person(ctx, rng, commune.pk, region, people.RESIDENT)
            people.add_position(ctx, member, board.pk, people.MEMBER[1], commune.valid_from, None)


def former_communes(ctx: Context) -> dict[int, list[Unit]]:
    """Former communes to give organizations, by the chosen commune they merged into (each once)."""
    if ctx.window_start > LEGACY_END:
        return {}
    links = UnitLineage.objects.filter(
        successor__in=ctx.communes, predecessor__level=Level.COMMUNE, predecessor__valid_to__isnull=False
    ).select_related("predecessor")
    organized = set(
        Organization.objects.filter(unit__in=links.values("predecessor")).values_list("unit_id", flat=True)
    )
    result: dict[int, list[Unit]] = {}
    for link in links.order_by("successor_id", "predecessor__code", "pk"):
        if link.predecessor_id not in organized:
            organized.add(link.predecessor_id)
            result.setdefault(link.successor_id, []).append(link.predecessor)
    return result


def former_commune(
    ctx: Context,
    rng: random.Random,
    commune: Unit,
    old: Unit,
    kinds: dict[str, int],
    officials: dict[str, int],
) -> None:
    """A former commune's bodies and their heads term by term; `officials` (slot → person of the
    new commune) loses whoever is carried over, so nobody heads two former communes at once."""
    orgs = create_orgs(ctx, old, LEGACY_ORGS, kinds)
    terms = [
        (start, (TERM_STARTS[i + 1] - dt.timedelta(days=1)) if i + 1 < len(TERM_STARTS) else LEGACY_END)
        for i, start in enumerate(TERM_STARTS)
    ]
    terms = [(start, end) for start, end in terms if end >= ctx.window_start]
    region = ctx.region(commune)
    for slot, profile, duties in people.LEGACY_POSTS:
        held = [(orgs[role], title.format(party="Đảng ủy")) for role, title in duties]
        holder, since = 0, terms[0][0]
        for index, (start, _end) in enumerate(terms):
            if holder and rng.random() < RE_ELECTED:
                continue
            if holder:
                for organization_id, title in held:
                    people.add_position(
                        ctx, holder, organization_id, title, since, start - dt.timedelta(days=1)
                    )
            last = index == len(terms) - 1
            if last and slot in officials and rng.random() < CARRIED_OVER:
                holder = officials.pop(slot)
            else:
                holder = people.new_person(ctx, rng, old.pk, region, profile)
            since = start
        for organization_id, title in held:
            people.add_position(ctx, holder, organization_id, title, since, LEGACY_END)
