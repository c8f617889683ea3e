"""Statistics of the registry for any unit subtree and year — the stable signature that the
reporting indicators consume: `practice_stats(unit=..., year=...)`.

The figures are read from the tally that the services keep exact (services/tally.py).
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Q

from danvan.core.periods import Period
from danvan.practices.models import (
    RECOGNIZED_STATUSES,
    Practice,
    PracticeCell,
    PracticeReach,
    Status,
    StatusChange,
)
from danvan.practices.services.tally import ALL_YEARS, BODIES, COMMUNES, NEIGHBOURHOODS
from danvan.territory.models import NATION, Level, Unit
from danvan.territory.selectors import history_paths
from danvan.territory.tree import subtree_q

BODY_GROUPS = {
    "co_quan_don_vi": "cơ quan, đơn vị",
    "chi_dang_bo": "chi, đảng bộ",
    "province": "tỉnh, thành phố",
    "district": "huyện (trước 1/7/2025)",
    "commune": "xã, phường, đặc khu",
    "neighbourhood": "thôn, tổ dân phố",
}


@dataclass
class PracticeStats:
    unit_code: str
    year: int | None
    total: int = 0
    recognized: int = 0
    outstanding: int = 0
    commended: int = 0
    replications: int = 0
    late: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    by_field: dict[str, int] = field(default_factory=dict)
    by_level: dict[str, int] = field(default_factory=dict)
    by_status: dict[str, int] = field(default_factory=dict)
    by_body: dict[str, int] = field(default_factory=dict)  # practices per kind of registering body
    bodies: dict[str, int] = field(default_factory=dict)  # distinct registering bodies per kind
    breakdown: list[dict[str, object]] = field(default_factory=list)  # field × kind × level × status
    communes_total: int = 0
    communes_registered: int = 0
    neighbourhoods_total: int = 0
    neighbourhoods_registered: int = 0

    @property
    def communes_share(self) -> float | None:
        return round(100 * self.communes_registered / self.communes_total, 1) if self.communes_total else None

    @property
    def neighbourhoods_share(self) -> float | None:
        if not self.neighbourhoods_total:
            return None
        return round(100 * self.neighbourhoods_registered / self.neighbourhoods_total, 1)


def _in_paths(paths: list[str], column: str) -> Q:
    return subtree_q(paths, column)


def practice_stats(*, unit: Unit | None, year: int | None = None) -> PracticeStats:
    """Every figure of the registry for a unit's subtree (old units merged into it included), or the
    whole country (unit None), for a year or all years: read from the tally (services/tally.py),
    a few hundred rows at most, never by scanning the registry."""
    node = NATION if unit is None else unit.pk
    stats = PracticeStats(unit_code="" if unit is None else unit.code, year=year)
    cells = PracticeCell.objects.filter(node=node, year=year or ALL_YEARS, n__gt=0).values_list(
        "field_code", "kind", "level", "status", "body_group", "n", "replications", "late"
    )
    breakdown: dict[tuple[str, str, str, str], int] = {}
    for field_code, kind, level, status, group, n, replications, late in cells:
        stats.total += n
        stats.replications += replications
        stats.late += late
        for bucket, key in (
            (stats.by_kind, kind),
            (stats.by_field, field_code),
            (stats.by_level, level),
            (stats.by_status, status),
            (stats.by_body, group),
        ):
            bucket[key] = bucket.get(key, 0) + n
        breakdown[(field_code, kind, level, status)] = breakdown.get((field_code, kind, level, status), 0) + n
    stats.breakdown = [
        {"field": f, "kind": k, "level": lv, "status": s, "count": n}
        for (f, k, lv, s), n in sorted(breakdown.items())
    ]
    stats.recognized = sum(stats.by_status.get(s, 0) for s in RECOGNIZED_STATUSES)
    stats.outstanding = stats.by_status.get(Status.OUTSTANDING, 0) + stats.by_status.get(Status.COMMENDED, 0)
    stats.commended = stats.by_status.get(Status.COMMENDED, 0)
    _reach(stats, node, year)
    _coverage_totals(stats, unit, year)
    return stats


def _reach(stats: PracticeStats, node: int, year: int | None) -> None:
    """Distinct communes, neighbourhoods and registering bodies ("16 cơ quan, đơn vị và 6 chi, đảng bộ")."""
    reach = PracticeReach.objects.filter(node=node, year=year or ALL_YEARS, n__gt=0).values_list(
        "metric", "n"
    )
    for metric, n in reach:
        if metric == COMMUNES:
            stats.communes_registered = n
        elif metric == NEIGHBOURHOODS:
            stats.neighbourhoods_registered = n
        else:
            stats.bodies[metric.removeprefix(BODIES)] = n


def _coverage_totals(stats: PracticeStats, unit: Unit | None, year: int | None) -> None:
    day = dt.date(year, 12, 31) if year else dt.date.today()
    day = min(day, dt.date.today())
    below = Unit.objects.valid_on(day).filter(level__in=(Level.COMMUNE, Level.NEIGHBOURHOOD))
    if unit is not None:
        below = below.filter(_in_paths(history_paths(unit), "path"))
    for row in below.values("level").annotate(n=Count("id")):
        if row["level"] == Level.COMMUNE:
            stats.communes_total = row["n"]
        else:
            stats.neighbourhoods_total = row["n"]
    if unit is not None and unit.level == Level.COMMUNE:
        stats.communes_total = 1


# The statistics contract read by reporting and dashboards: FIGURES and figures(unit=, period=).
FIGURES: dict[str, tuple[str, str]] = {
    "registered": ("Mô hình, điển hình Dân vận khéo đăng ký trong kỳ", "mô hình"),
    "registered__mo_hinh": ("Mô hình đăng ký trong kỳ", "mô hình"),
    "registered__dien_hinh": ("Điển hình đăng ký trong kỳ", "điển hình"),
    "recognized": ("Mô hình, điển hình được công nhận trong kỳ", "mô hình"),
    "commended": ("Mô hình, điển hình được khen thưởng trong kỳ", "mô hình"),
    "replicated": ("Mô hình được nhân rộng trong kỳ", "mô hình"),
}


def figures(*, unit: Unit | None, period: Period) -> dict[str, int]:
    """Counts over the unit's subtree (old units included) for the period's dates."""
    start, end = period.start, period.end
    rows = Practice.objects.all()
    if unit is not None:
        rows = rows.filter(_in_paths(history_paths(unit), "unit_path"))
    registered = rows.filter(registered_at__date__gte=start, registered_at__date__lte=end).aggregate(
        total=Count("id"),
        mo_hinh=Count("id", filter=Q(kind="mo_hinh")),
        dien_hinh=Count("id", filter=Q(kind="dien_hinh")),
        replicated=Count("id", filter=Q(source__isnull=False)),
    )
    changes = StatusChange.objects.filter(
        practice__in=rows, at__date__gte=start, at__date__lte=end
    ).aggregate(
        recognized=Count("practice", distinct=True, filter=Q(to_status=Status.RECOGNIZED)),
        commended=Count("practice", distinct=True, filter=Q(to_status=Status.COMMENDED)),
    )
    return {
        "registered": registered["total"],
        "registered__mo_hinh": registered["mo_hinh"],
        "registered__dien_hinh": registered["dien_hinh"],
        "recognized": changes["recognized"],
        "commended": changes["commended"],
        "replicated": registered["replicated"],
    }
