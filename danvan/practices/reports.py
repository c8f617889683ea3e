"""The statistics of the registry as labelled tables: one shape for the page and the Excel file.

Labels are the users' words (lĩnh vực, mô hình, điển hình, cấp xã…); figures stay numbers so the
page formats them with vn_number / vn_percent and the workbook with number formats.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from danvan.core.formatting import format_number
from danvan.practices.models import Kind, Status
from danvan.practices.selectors import field_choices
from danvan.practices.stats import BODY_GROUPS, PracticeStats
from danvan.territory.models import Level

Cell = str | int | float | None


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    has_total: bool = False


@dataclass
class Figure:
    label: str
    value: int | float | None
    percent: bool = False


def _int(value: object) -> int:
    return value if isinstance(value, int) else 0


def _by_kind(stats: PracticeStats, key: str, labels: dict[str, str], title: str, first: str) -> Table:
    """Rows by `key` (field or level), columns mô hình / điển hình / tổng, with a total row."""
    counts: dict[str, dict[str, int]] = {}
    for row in stats.breakdown:
        bucket = counts.setdefault(str(row[key]), {})
        bucket[str(row["kind"])] = bucket.get(str(row["kind"]), 0) + _int(row["count"])
    order = [code for code in labels if code in counts] + sorted(set(counts) - set(labels))
    table = Table(title, [first, *Kind.labels, _("Tổng")], has_total=True)
    for code in order:
        values = [counts[code].get(kind, 0) for kind in Kind.values]
        table.rows.append([labels.get(code, code), *values, sum(values)])
    totals = [sum(_int(r[i + 1]) for r in table.rows) for i in range(len(Kind.values) + 1)]
    table.rows.append([_("Tổng cộng"), *totals])
    return table


def stats_tables(stats: PracticeStats) -> list[Table]:
    fields = dict(field_choices())
    tables = [
        _by_kind(stats, "field", fields, _("Theo lĩnh vực"), _("Lĩnh vực")),
        _by_kind(stats, "level", dict(Level.choices), _("Theo cấp đăng ký"), _("Cấp")),
    ]
    by_status = Table(_("Theo trạng thái"), [_("Trạng thái"), _("Số lượng")])
    by_status.rows = [
        [label, stats.by_status[code]] for code, label in Status.choices if code in stats.by_status
    ]
    bodies = Table(
        _("Theo chủ thể đăng ký"), [_("Chủ thể"), _("Số chủ thể đăng ký"), _("Số mô hình, điển hình")]
    )
    bodies.rows = [
        [label, stats.bodies.get(code, 0), stats.by_body.get(code, 0)]
        for code, label in BODY_GROUPS.items()
        if code in stats.by_body
    ]
    detail = Table(
        _("Chi tiết theo lĩnh vực, loại, cấp và trạng thái"),
        [_("Lĩnh vực"), _("Loại"), _("Cấp"), _("Trạng thái"), _("Số lượng")],
    )
    kinds, levels, statuses = dict(Kind.choices), dict(Level.choices), dict(Status.choices)
    detail.rows = [
        [
            fields.get(str(r["field"]), str(r["field"])),
            kinds.get(str(r["kind"]), ""),
            levels.get(str(r["level"]), ""),
            statuses.get(str(r["status"]), ""),
            _int(r["count"]),
        ]
        for r in stats.breakdown
    ]
    return [*tables, by_status, bodies, detail]


def stats_figures(stats: PracticeStats) -> list[Figure]:
    return [
        Figure(_("Mô hình, điển hình đăng ký"), stats.total),
        Figure(_("Được công nhận (kể cả tiêu biểu, đã khen thưởng)"), stats.recognized),
        Figure(_("Tỷ lệ được công nhận trên số đăng ký"), _share(stats.recognized, stats.total), True),
        Figure(_("Tiêu biểu"), stats.outstanding),
        Figure(_("Đã khen thưởng"), stats.commended),
        Figure(_("Nhân rộng từ mô hình khác"), stats.replications),
        Figure(_("Đăng ký muộn"), stats.late),
        Figure(_("Xã, phường có đăng ký"), stats.communes_registered),
        Figure(_("Tỷ lệ xã, phường có đăng ký"), stats.communes_share, True),
        Figure(_("Thôn, tổ dân phố có đăng ký"), stats.neighbourhoods_registered),
        Figure(_("Tỷ lệ thôn, tổ dân phố có đăng ký"), stats.neighbourhoods_share, True),
    ]


def _share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def bodies_sentence(stats: PracticeStats) -> str:
    """ "16 cơ quan, đơn vị và 6 chi, đảng bộ" as reports write it (only the groups that registered)."""
    parts = [
        f"{format_number(stats.bodies[code])} {label}"
        for code, label in BODY_GROUPS.items()
        if stats.bodies.get(code)
    ]
    if len(parts) < 2:
        return "".join(parts)
    return _("%(first)s và %(last)s") % {"first": ", ".join(parts[:-1]), "last": parts[-1]}
