"""Membership statistics for any unit subtree and period — the contract reporting consumes:
`FIGURES` (key → (label, unit of measure)) and `figures(unit=, period=)`, plus `by_kind` and
`by_organization` for the pages.

- members: memberships held on the period's last day (one person in three organizations: 3);
- persons: distinct people among them (that person: 1);
- new_members / leavers: memberships begun / ended within the period;
- eligible: people the organizations could rally, entered per unit, kind and year (the year of
  the period's end). Where the unit itself (or an old unit merged into it) has a figure for a
  kind, that figure is used; otherwise the figures of the units below it are added up;
- rate (tỷ lệ tập hợp): members of the kinds with an eligible figure over that figure, in %.

The subtree includes the old units merged into the unit (history_paths). COUNT/SUM with GROUP BY.
"""

from django.db.models import Count, Q, QuerySet, Sum

from danvan.core.periods import Period
from danvan.membership.models import EligiblePopulation, Membership
from danvan.territory.models import Unit
from danvan.territory.selectors import history_paths
from danvan.territory.tree import subtree_q

# figure key suffix → organization kind code (seeded by orgs), the five organizations under the Front
MASS_KINDS = {
    "youth": ("doan_thanh_nien", "Đoàn TNCS Hồ Chí Minh"),
    "women": ("hoi_phu_nu", "Hội Liên hiệp Phụ nữ"),
    "farmers": ("hoi_nong_dan", "Hội Nông dân"),
    "veterans": ("hoi_cuu_chien_binh", "Hội Cựu chiến binh"),
    "union": ("cong_doan", "Công đoàn"),
}

FIGURES: dict[str, tuple[str, str]] = {
    "members": ("Hội viên, đoàn viên (tính theo tổ chức)", "người"),
    "persons": ("Số người là hội viên, đoàn viên", "người"),
    "new_members": ("Kết nạp mới trong kỳ", "người"),
    "leavers": ("Ra khỏi tổ chức trong kỳ", "người"),
    "eligible": ("Đối tượng trong diện tập hợp", "người"),
    "rate": ("Tỷ lệ tập hợp", "%"),
    **{f"members_{k}": (f"Thành viên {name}", "người") for k, (_c, name) in MASS_KINDS.items()},
    **{f"rate_{k}": (f"Tỷ lệ tập hợp {name}", "%") for k, (_c, name) in MASS_KINDS.items()},
}


def held_on(period: Period) -> Q:
    day = period.end
    return Q(joined_on__lte=day) & (Q(left_on__isnull=True) | Q(left_on__gt=day))


def _memberships(paths: list[str]) -> QuerySet[Membership]:
    return Membership.objects.filter(subtree_q(paths, "unit_path"))


def eligible_by_kind(unit: Unit, period: Period) -> dict[str, int]:
    """Eligible people per kind code: the unit's own figure where it has one, else those below."""
    paths = history_paths(unit)
    own = Q(unit_path__in=paths)
    rows = (
        EligiblePopulation.objects.filter(subtree_q(paths, "unit_path"), year=period.end.year)
        .values("kind__code")
        .annotate(own=Sum("count", filter=own), below=Sum("count", filter=~own))
    )
    return {r["kind__code"]: r["own"] if r["own"] is not None else (r["below"] or 0) for r in rows}


def _rate(members: int, eligible: int) -> float:
    return round(100 * members / eligible, 1) if eligible else 0.0


def by_kind(*, unit: Unit, period: Period) -> list[dict[str, object]]:
    """Per organization kind: members, persons, new members, leavers, eligible and rate."""
    rows = (
        _memberships(history_paths(unit))
        .values("organization__kind__code", "organization__kind__name", "organization__kind__order")
        .annotate(
            members=Count("id", filter=held_on(period)),
            persons=Count("member", distinct=True, filter=held_on(period)),
            new=Count("id", filter=Q(joined_on__range=(period.start, period.end))),
            left=Count("id", filter=Q(left_on__range=(period.start, period.end))),
        )
        .order_by("organization__kind__order")
    )
    eligible = eligible_by_kind(unit, period)
    result = []
    for r in rows:
        code = r["organization__kind__code"]
        result.append(
            {
                "code": code,
                "name": r["organization__kind__name"],
                "members": r["members"],
                "persons": r["persons"],
                "new_members": r["new"],
                "leavers": r["left"],
                "eligible": eligible.get(code, 0),
                "rate": _rate(r["members"], eligible.get(code, 0)) if eligible.get(code) else None,
            }
        )
    return result


def figures(*, unit: Unit, period: Period) -> dict[str, int | float]:
    """Every key of FIGURES for the unit's subtree (history included) and the period."""
    rows = _memberships(history_paths(unit))
    totals = rows.aggregate(
        members=Count("id", filter=held_on(period)),
        persons=Count("member", distinct=True, filter=held_on(period)),
        new=Count("id", filter=Q(joined_on__range=(period.start, period.end))),
        left=Count("id", filter=Q(left_on__range=(period.start, period.end))),
    )
    members = dict(
        rows.filter(held_on(period))
        .values_list("organization__kind__code")
        .annotate(n=Count("id"))
        .order_by()
    )
    eligible = eligible_by_kind(unit, period)
    counted = sum(members.get(code, 0) for code in eligible)
    result: dict[str, int | float] = {
        "members": totals["members"],
        "persons": totals["persons"],
        "new_members": totals["new"],
        "leavers": totals["left"],
        "eligible": sum(eligible.values()),
        "rate": _rate(counted, sum(eligible.values())),
    }
    for key, (code, _name) in MASS_KINDS.items():
        result[f"members_{key}"] = members.get(code, 0)
        result[f"rate_{key}"] = _rate(members.get(code, 0), eligible.get(code, 0))
    return result
