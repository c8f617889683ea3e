"""Statistics of the registry for any unit subtree and year — the stable signature that the
reporting indicators consume: `practice_stats(unit=..., year=...)`.

Every figure is a GROUP BY or COUNT over the indexed (unit_path, year) range: no row is loaded.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from danvan.core.periods import Period
from danvan.practices.models import RECOGNIZED_STATUSES, Practice, Status, StatusChange
from danvan.territory.models import Level, Unit
from danvan.territory.selectors import history_paths
from danvan.territory.tree import subtree_q

# Organization kinds (the codes seeded by orgs) counted as party cells ("chi, đảng bộ") in
# reports; the other organizations are "cơ quan, đơn vị". BODY_GROUPS names every group.
PARTY_CELL_KINDS = ("org:chi_bo_dang_bo", "org:cap_uy")
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


def _rows(paths: list[str], year: int | None) -> QuerySet[Practice]:
    rows = Practice.objects.filter(_in_paths(paths, "unit_path"))
    return rows.filter(year=year) if year else rows


def _body_group(body_type: str) -> str:
    if body_type in PARTY_CELL_KINDS:
        return "chi_dang_bo"
    if body_type.startswith("org:"):
        return "co_quan_don_vi"
    return body_type.removeprefix("unit:")


def practice_stats(*, unit: Unit, year: int | None = None) -> PracticeStats:
    paths = history_paths(unit)
    rows = _rows(paths, year)
    stats = PracticeStats(unit_code=unit.code, year=year)
    grouped = rows.values("field__code", "kind", "level", "status", "body_type").annotate(n=Count("id"))
    breakdown: dict[tuple[str, str, str, str], int] = {}
    for row in grouped:
        n = row["n"]
        stats.total += n
        for bucket, key in (
            (stats.by_kind, row["kind"]),
            (stats.by_field, row["field__code"]),
            (stats.by_level, row["level"]),
            (stats.by_status, row["status"]),
            (stats.by_body, _body_group(row["body_type"])),
        ):
            bucket[key] = bucket.get(key, 0) + n
        k = (row["field__code"], row["kind"], row["level"], row["status"])
        breakdown[k] = breakdown.get(k, 0) + n
    stats.breakdown = [
        {"field": f, "kind": k, "level": lv, "status": s, "count": n}
        for (f, k, lv, s), n in sorted(breakdown.items())
    ]
    stats.recognized = sum(stats.by_status.get(s, 0) for s in RECOGNIZED_STATUSES)
    stats.outstanding = stats.by_status.get(Status.OUTSTANDING, 0) + stats.by_status.get(Status.COMMENDED, 0)
    stats.commended = stats.by_status.get(Status.COMMENDED, 0)
    counts = rows.aggregate(
        replications=Count("id", filter=Q(source__isnull=False)),
        late=Count("id", filter=Q(is_late=True)),
        communes=Count("commune_path", distinct=True, filter=~Q(commune_path="")),
        neighbourhoods=Count("unit_path", distinct=True, filter=Q(level=Level.NEIGHBOURHOOD)),
    )
    stats.replications, stats.late = counts["replications"], counts["late"]
    stats.communes_registered, stats.neighbourhoods_registered = counts["communes"], counts["neighbourhoods"]
    _count_bodies(stats, rows)
    _coverage_totals(stats, unit, paths, year)
    return stats


def _count_bodies(stats: PracticeStats, rows: QuerySet[Practice]) -> None:
    """How many bodies registered ("16 cơ quan, đơn vị và 6 chi, đảng bộ"): distinct organizations
    for organizations, distinct units for units. An organization has one kind, so sums are exact."""
    grouped = rows.values("body_type").annotate(
        organizations=Count("organization", distinct=True), units=Count("unit", distinct=True)
    )
    for row in grouped:
        group = _body_group(row["body_type"])
        n = row["organizations"] if row["body_type"].startswith("org:") else row["units"]
        stats.bodies[group] = stats.bodies.get(group, 0) + n


def _coverage_totals(stats: PracticeStats, unit: Unit, paths: list[str], year: int | None) -> None:
    day = dt.date(year, 12, 31) if year else dt.date.today()
    day = min(day, dt.date.today())
    below = Unit.objects.valid_on(day).filter(_in_paths(paths, "path"))
    totals = (
        below.filter(level__in=(Level.COMMUNE, Level.NEIGHBOURHOOD)).values("level").annotate(n=Count("id"))
    )
    for row in totals:
        if row["level"] == Level.COMMUNE:
            stats.communes_total = row["n"]
        else:
            stats.neighbourhoods_total = row["n"]
    if unit.level == Level.COMMUNE:
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
