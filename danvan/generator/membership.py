"""Members of the five organizations under the MTTQ in every commune, and the eligible population.

A commune's people aged 16 and over are drawn as a sample of `SAMPLE_PER_COMMUNE` persons for an
average commune (0,4× to 2× by size): age, sex, and whether they farm, work for an employer with
a trade union, or served in the army. Each person eligible for an organization joins it at that
organization's rate (RATES: Đoàn TNCS 16–30, Hội LHPN women 18+, Hội Nông dân farmers 18+,
Hội CCB veterans, Công đoàn employees 18–60), so a young woman farmer may be in three of them:
one Member, three Memberships. People who join nothing are counted, not written.

The eligible population of each organization kind, commune and year of the window is the number
of sampled people eligible at the end of that year, so the rates the statistics compute
(members / eligible) are the drawn ones. Joining follows becoming eligible (the 16th or 18th
birthday, the start of work) after a delay of about two years; the Đoàn's members leave at 31,
others leave at about 1,5% a year. Memberships that ended before the window are not written.

Scale: a real commune has about 23.000 people aged 16 and over; the sample is about one person in
fifteen of them, so member and eligible counts are a fifteenth of a real commune's and the rates
realistic. All of them at national scale (≈ 50 million memberships) would not fit the generator's
20 minutes and 2 GB, nor a benchmark machine's disk.
"""

import datetime as dt
import random
from bisect import bisect
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from danvan.core.text import fold, sort_key
from danvan.generator.known import ensure_known
from danvan.generator.names import person_name
from danvan.generator.orgs import KINDS
from danvan.generator.plan import Context
from danvan.generator.writer import db_date
from danvan.membership.models import EligiblePopulation, Member, Membership
from danvan.orgs.models import OrganizationKind
from danvan.territory.models import Kind, Unit

SAMPLE_PER_COMMUNE = 1_000
# organization role → (share of the eligible who join, low–high; title of a member)
RATES = {
    "doan": ((0.60, 0.75), "Đoàn viên"),
    "phunu": ((0.70, 0.90), "Hội viên"),
    "nongdan": ((0.65, 0.85), "Hội viên"),
    "ccb": ((0.85, 0.98), "Hội viên"),
    "congdoan": ((0.90, 0.99), "Đoàn viên công đoàn"),
}
AGES = [((16, 30), 25), ((31, 45), 28), ((46, 60), 25), ((61, 85), 22)]
_AGE_CUM = list(accumulate(weight for _ages, weight in AGES))
FARMERS: dict[str, float] = {Kind.XA: 0.45, Kind.PHUONG: 0.08, Kind.DAC_KHU: 0.30}  # adults who farm or fish
EMPLOYED, VETERAN_MEN, VETERAN_WOMEN = 0.10, 0.12, 0.01
JOIN_DELAY_DAYS = 730
LEAVE_PER_YEAR = 0.015
YEAR = 365.2425  # days; dates are day ordinals below, a birthday is birth + age × YEAR
YOUTH_FROM, YOUTH_UNTIL, ADULT, VETERAN_FROM, UNION_UNTIL = 16, 31, 18, 40, 61


@dataclass(frozen=True, slots=True)
class Sampled:
    birth: int  # day ordinal
    female: bool
    farmer: bool
    employed: bool
    veteran: bool


def eligible_span(person: Sampled, role: str) -> tuple[int, int | None] | None:
    """When the person may belong to the organization, as day ordinals: (from, until) or None."""

    def at(age: int) -> int:
        return person.birth + int(age * YEAR)

    if role == "doan":
        return at(YOUTH_FROM), at(YOUTH_UNTIL)
    if role == "phunu":
        return (at(ADULT), None) if person.female else None
    if role == "nongdan":
        return (at(ADULT), None) if person.farmer else None
    if role == "ccb":
        return (at(VETERAN_FROM), None) if person.veteran else None
    if role == "congdoan":
        return (at(ADULT), at(UNION_UNTIL)) if person.employed else None
    return None


@lru_cache(maxsize=100_000)
def _name_keys(name: str) -> tuple[str, str]:
    return fold(name), sort_key(name)


@lru_cache(maxsize=100_000)
def _day(ordinal: int) -> object:
    return db_date(dt.date.fromordinal(ordinal))


def generate(ctx: Context) -> None:
    ensure_known(ctx)
    codes = [KINDS[role][0] for role in RATES]
    kinds = dict(OrganizationKind.objects.filter(code__in=codes).values_list("code", "pk"))
    years = list(range(ctx.window_start.year, ctx.today.year + 1))
    for commune in ctx.communes:
        orgs = {role: pk for role, pk in ctx.organizations.get(commune.pk, {}).items() if role in RATES}
        if orgs:
            _commune(ctx, commune, orgs, kinds, years)


def _sample(today: int, rng: random.Random, farmers: float) -> Sampled:
    low, high = AGES[bisect(_AGE_CUM, rng.random() * _AGE_CUM[-1])][0]
    age_days = rng.randint(int(low * YEAR), int((high + 1) * YEAR) - 1)
    female = rng.random() < 0.5
    veteran = age_days >= 45 * YEAR and rng.random() < (VETERAN_WOMEN if female else VETERAN_MEN)
    return Sampled(today - age_days, female, rng.random() < farmers, rng.random() < EMPLOYED, veteran)


def _commune(
    ctx: Context, commune: Unit, orgs: dict[str, int], kinds: dict[str, int], years: list[int]
) -> None:
    rng = ctx.rng("membership", commune.code)
    rates = {role: rng.uniform(*RATES[role][0]) for role in orgs}
    size = 0.4 + 1.6 * rng.random()
    eligible = {(role, year): 0 for role in orgs for year in years}
    year_ends = [(year, dt.date(year, 12, 31).toordinal()) for year in years]
    today, farmers = ctx.today.toordinal(), FARMERS.get(commune.kind, 0.3)
    for _ in range(round(SAMPLE_PER_COMMUNE * size)):
        person = _sample(today, rng, farmers)
        joined: list[tuple[str, int, int | None]] = []
        for role in orgs:
            span = eligible_span(person, role)
            if span is None:
                continue
            start, until = span
            for year, end in year_ends:
                if start <= end and (until is None or end < until):
                    eligible[(role, year)] += 1
            if start <= today and rng.random() < rates[role]:
                membership = _dates(ctx, rng, start, until)
                if membership is not None:
                    joined.append((role, *membership))
        if joined:
            _write_member(ctx, rng, commune, person, orgs, joined)
    _write_eligible(ctx, commune, orgs, kinds, eligible)


def _dates(ctx: Context, rng: random.Random, start: int, until: int | None) -> tuple[int, int | None] | None:
    """(joined, left) of a membership as day ordinals, or None when it ended before the window."""
    today, window = ctx.today.toordinal(), ctx.window_start.toordinal()
    joined = start + int(rng.expovariate(1 / JOIN_DELAY_DAYS))
    if joined > today:
        joined = rng.randint(start, today)
    if until is not None and joined >= until:
        return None
    left = until if until is not None and until <= today else None
    if left is None and rng.random() < LEAVE_PER_YEAR * ctx.years:
        day = rng.randint(window, today)
        left = day if day > joined else None
    if left is not None and left < window:
        return None
    return joined, left


def _write_member(
    ctx: Context,
    rng: random.Random,
    commune: Unit,
    person: Sampled,
    orgs: dict[str, int],
    joined: list[tuple[str, int, int | None]],
) -> None:
    name = person_name(rng, ctx.region(commune), female_share=1.0 if person.female else 0.0).full_name
    folded, key = _name_keys(name)
    member = ctx.writer.next_id(Member)
    ctx.writer.raw_table(Member).add_values(
        id=member,
        full_name=name,
        name_folded=folded,
        sort_key=key,
        birth_date=_day(person.birth),
        gender=Member.Gender.FEMALE if person.female else Member.Gender.MALE,
        home_unit_id=commune.pk,
        home_path=commune.path,
    )
    table = ctx.writer.raw_table(Membership)
    for role, joined_on, left_on in joined:
        table.add_values(
            id=ctx.writer.next_id(Membership),
            member_id=member,
            organization_id=orgs[role],
            unit_path=commune.path,
            role=RATES[role][1],
            joined_on=_day(joined_on),
            left_on=_day(left_on) if left_on else None,
        )


def _write_eligible(
    ctx: Context,
    commune: Unit,
    orgs: dict[str, int],
    kinds: dict[str, int],
    eligible: dict[tuple[str, int], int],
) -> None:
    table = ctx.writer.raw_table(EligiblePopulation)
    for (role, year), count in eligible.items():
        kind = kinds.get(KINDS[role][0])
        if kind is not None and count:
            table.add_values(
                id=ctx.writer.next_id(EligiblePopulation),
                unit_id=commune.pk,
                unit_path=commune.path,
                kind_id=kind,
                year=year,
                count=count,
            )
