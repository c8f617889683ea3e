"""People and the posts they hold, with the usual overlaps and some turnover since 1/7/2025.

Overlaps follow practice at commune level: the heads of the five member organizations are also
vice-chairs of the commune MTTQ committee; the Chủ tịch UBND is a Phó Bí thư; often the Trưởng
Ban Xây dựng Đảng (who carries the dân vận staff work) also chairs the MTTQ committee.
"""

import datetime as dt
import random
from dataclasses import dataclass

from danvan.core.text import fold, sort_key
from danvan.generator.names import person_name
from danvan.generator.plan import Context, Post
from danvan.generator.regions import Region
from danvan.orgs.models import Person, Position
from danvan.territory.models import REFORM_DATE, Unit


@dataclass(frozen=True)
class Profile:
    female_share: float
    min_age: int
    max_age: int


LEADER = Profile(0.2, 40, 58)
OFFICIAL = Profile(0.35, 32, 58)
YOUTH = Profile(0.45, 25, 34)
WOMEN = Profile(1.0, 30, 55)
VETERAN = Profile(0.05, 55, 70)
RESIDENT = Profile(0.35, 38, 72)

# (slot, profile, [(organization role, title)]); "{party}" is Đảng ủy, Tỉnh ủy or Thành ủy,
# "{youth}" Tỉnh đoàn or Thành đoàn.
VICE_FRONT = ("mttq", "Phó Chủ tịch Ủy ban MTTQ")
COMMUNE_POSTS = [
    ("secretary", LEADER, [("party", "Bí thư {party}")]),
    ("deputy", LEADER, [("party", "Phó Bí thư Thường trực {party}")]),
    ("chair", LEADER, [("party", "Phó Bí thư {party}"), ("ubnd", "Chủ tịch Ủy ban nhân dân")]),
    ("vice_chair_1", OFFICIAL, [("ubnd", "Phó Chủ tịch Ủy ban nhân dân")]),
    ("vice_chair_2", OFFICIAL, [("ubnd", "Phó Chủ tịch Ủy ban nhân dân")]),
    ("front", LEADER, [("mttq", "Chủ tịch Ủy ban MTTQ")]),
    ("party_building", OFFICIAL, [("xdd", "Trưởng Ban Xây dựng Đảng")]),
    ("party_building_deputy", OFFICIAL, [("xdd", "Phó Trưởng Ban Xây dựng Đảng")]),
    ("propaganda", OFFICIAL, [("tgdv", "Trưởng Ban Tuyên giáo và Dân vận")]),
    ("front_vice", OFFICIAL, [VICE_FRONT]),
    ("youth", YOUTH, [("doan", "Bí thư Đoàn Thanh niên"), VICE_FRONT]),
    ("women", WOMEN, [("phunu", "Chủ tịch Hội Liên hiệp Phụ nữ"), VICE_FRONT]),
    ("farmers", OFFICIAL, [("nongdan", "Chủ tịch Hội Nông dân"), VICE_FRONT]),
    ("veterans", VETERAN, [("ccb", "Chủ tịch Hội Cựu chiến binh"), VICE_FRONT]),
    ("union", OFFICIAL, [("congdoan", "Chủ tịch Công đoàn"), VICE_FRONT]),
]
_COMMUNE = {post[0]: post for post in COMMUNE_POSTS}
PROVINCE_POSTS = [
    *(_COMMUNE[slot] for slot in ("secretary", "deputy", "chair")),
    (
        "propaganda",
        LEADER,
        [("tgdv", "Trưởng Ban Tuyên giáo và Dân vận"), ("party", "Ủy viên Ban Thường vụ {party}")],
    ),
    ("propaganda_deputy_1", OFFICIAL, [("tgdv", "Phó Trưởng Ban Tuyên giáo và Dân vận")]),
    ("propaganda_deputy_2", OFFICIAL, [("tgdv", "Phó Trưởng Ban Tuyên giáo và Dân vận")]),
    ("front", LEADER, [("mttq", "Chủ tịch Ủy ban MTTQ"), ("party", "Ủy viên Ban Thường vụ {party}")]),
    _COMMUNE["front_vice"],
    ("youth", YOUTH, [("doan", "Bí thư {youth}"), VICE_FRONT]),
    *(_COMMUNE[slot] for slot in ("women", "farmers", "veterans")),
    ("union", OFFICIAL, [("congdoan", "Chủ tịch Liên đoàn Lao động"), VICE_FRONT]),
]
NEIGHBOURHOOD_POSTS = [
    ("head", RESIDENT, [("btmt", "Trưởng Ban công tác Mặt trận")]),
    ("deputy", RESIDENT, [("btmt", "Phó Trưởng Ban công tác Mặt trận")]),
]
LEGACY_POSTS = [
    _COMMUNE["secretary"],
    ("chair", LEADER, [("ubnd", "Chủ tịch Ủy ban nhân dân")]),
    ("front", LEADER, [("mttq", "Chủ tịch Ủy ban MTTQ")]),
]
MEMBER = ("btmt", "Ủy viên Ban công tác Mặt trận")
FRONT_WITH_PARTY_BUILDING = 0.5  # share of communes where one person holds both posts
TURNOVER = 0.08  # share of post holders replaced since the term began


def commune_posts(rng: random.Random) -> list:
    if rng.random() >= FRONT_WITH_PARTY_BUILDING:
        return COMMUNE_POSTS
    merged = ("front", LEADER, [("mttq", "Chủ tịch Ủy ban MTTQ"), ("xdd", "Trưởng Ban Xây dựng Đảng")])
    return [merged if post[0] == "front" else post for post in COMMUNE_POSTS if post[0] != "party_building"]


def new_person(ctx: Context, rng: random.Random, home_unit_id: int, region: Region, profile: Profile) -> int:
    name = person_name(rng, region, female_share=profile.female_share)
    person = Person(
        pk=ctx.writer.next_id(Person),
        full_name=name.full_name,
        gender=name.gender,
        birth_year=ctx.today.year - rng.randint(profile.min_age, profile.max_age),
        home_unit_id=home_unit_id,
        name_folded=fold(name.full_name),
        sort_key=sort_key(name.full_name),
    )
    ctx.writer.add(person)
    return person.pk


def add_position(
    ctx: Context, person_id: int, organization_id: int, title: str, start: dt.date | None, end: dt.date | None
) -> None:
    ctx.writer.add(
        Position(
            pk=ctx.writer.next_id(Position),
            person_id=person_id,
            organization_id=organization_id,
            title=title,
            start_date=start,
            end_date=end,
        )
    )


def fill_posts(
    ctx: Context,
    rng: random.Random,
    unit: Unit,
    orgs: dict[str, int],
    posts: list,
    *,
    words: dict[str, str] | None = None,
    record: bool = True,
) -> dict[str, int]:
    """Create the people of `posts` that the unit's organizations call for; slot → person id.
    With `record`, the posts are registered in `ctx.posts[unit.pk]` for the later domains.

    A holder is replaced, with probability TURNOVER, on a day between the start of the term
    (1/7/2025, when the new units began) and today: the first holder's positions end the day before.
    """
    people: dict[str, int] = {}
    region = ctx.region(unit)
    latest_change = ctx.today - dt.timedelta(days=30)
    registered = ctx.posts.setdefault(unit.pk, []) if record else []
    words = words or {}
    for slot, profile, duties in posts:
        held = [(role, orgs[role], title.format(**words)) for role, title in duties if role in orgs]
        if not held:
            continue
        person = new_person(ctx, rng, unit.pk, region, profile)
        start = REFORM_DATE
        if latest_change > REFORM_DATE + dt.timedelta(days=30) and rng.random() < TURNOVER:
            start = REFORM_DATE + dt.timedelta(days=rng.randint(30, (latest_change - REFORM_DATE).days))
            end = start - dt.timedelta(days=1)
            for role, organization_id, title in held:
                add_position(ctx, person, organization_id, title, REFORM_DATE, end)
                registered.append(Post(person, organization_id, role, title, REFORM_DATE, end))
            person = new_person(ctx, rng, unit.pk, region, profile)
        for role, organization_id, title in held:
            add_position(ctx, person, organization_id, title, start, None)
            registered.append(Post(person, organization_id, role, title, start, None))
        people[slot] = person
    return people
