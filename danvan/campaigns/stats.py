"""Statistics of welfare campaigns for any unit subtree and period — the contract that reporting
and dashboards consume: `FIGURES` (key → (label, unit of measure)) and `figures(unit=, period=)`.

The unit's subtree includes the old units merged into it (history_paths), so the 2022 campaign
of a former district counts for today's province. Distributions count by the day they were
given, contributions by the day they were received, campaigns when their period overlaps.
Every figure is a COUNT or SUM with GROUP BY; no row is loaded.
"""

from typing import Any

from django.db.models import Count, Q, QuerySet, Sum

from danvan.campaigns.models import Campaign, Contribution, ContributionKind, Distribution
from danvan.campaigns.selectors import Line, distribution_lines
from danvan.core.periods import Period
from danvan.territory.models import Unit
from danvan.territory.selectors import history_paths
from danvan.territory.tree import subtree_q

# figure key → item kind code (seeded by migration 0002): quantity, and value under "<key>_value"
KIND_FIGURES = {
    "gift_packages": ("suat_qua", "Suất quà", "suất"),
    "scholarships": ("hoc_bong", "Suất học bổng", "suất"),
    "houses_dai_doan_ket": ("nha_dai_doan_ket", "Nhà Đại đoàn kết", "căn"),
    "houses_tinh_nghia": ("nha_tinh_nghia", "Nhà tình nghĩa", "căn"),
    "houses_repaired": ("sua_chua_nha", "Nhà được sửa chữa", "căn"),
    "smartphones": ("dien_thoai_thong_minh", "Điện thoại thông minh", "chiếc"),
    "bicycles": ("xe_dap", "Xe đạp", "chiếc"),
    "health_insurance_cards": ("bao_hiem_y_te", "Thẻ bảo hiểm y tế", "thẻ"),
}

FIGURES: dict[str, tuple[str, str]] = {
    "campaigns": ("Cuộc vận động an sinh", "cuộc"),
    "money_raised": ("Tiền vận động được", "đồng"),
    "goods_value": ("Hiện vật vận động được (giá trị ước tính)", "đồng"),
    "raised_total": ("Tổng giá trị vận động được", "đồng"),
    "contributions": ("Lượt đóng góp", "lượt"),
    "distributed_items": ("Tổng số suất, phần hỗ trợ đã trao", "suất"),
    "distributed_value": ("Tổng trị giá đã trao", "đồng"),
    "houses_built": ("Nhà Đại đoàn kết, nhà tình nghĩa xây mới", "căn"),
    **{key: (label, measure) for key, (_code, label, measure) in KIND_FIGURES.items()},
    **{
        f"{key}_value": (f"Trị giá {label[0].lower() + label[1:]}", "đồng")
        for key, (_c, label, _m) in KIND_FIGURES.items()
    },
}


def _distributions(unit: Unit, period: Period) -> QuerySet[Distribution]:
    return Distribution.objects.filter(
        subtree_q(history_paths(unit), "unit_path"), distributed_on__range=(period.start, period.end)
    )


def figures(*, unit: Unit, period: Period) -> dict[str, int | float]:
    """Every key of FIGURES for the unit's subtree (history included) and the period."""
    paths = history_paths(unit)
    result: dict[str, int | float] = dict.fromkeys(FIGURES, 0)
    raised = Contribution.objects.filter(
        subtree_q(paths, "unit_path"), received_on__range=(period.start, period.end)
    ).aggregate(
        money=Sum("amount", filter=Q(kind=ContributionKind.MONEY)),
        goods=Sum("amount", filter=Q(kind=ContributionKind.GOODS)),
        n=Count("id"),
    )
    result["money_raised"], result["goods_value"] = raised["money"] or 0, raised["goods"] or 0
    result["raised_total"] = result["money_raised"] + result["goods_value"]
    result["contributions"] = raised["n"]
    result["campaigns"] = Campaign.objects.filter(
        subtree_q(paths, "unit_path"), start_date__lte=period.end, end_date__gte=period.start
    ).count()
    by_kind = {
        row["item_kind__code"]: row
        for row in _distributions(unit, period)
        .values("item_kind__code", "item_kind__is_house")
        .annotate(quantity=Sum("quantity"), value=Sum("value"))
    }
    for key, (code, _label, _measure) in KIND_FIGURES.items():
        row: Any = by_kind.get(code, {})
        result[key], result[f"{key}_value"] = row.get("quantity") or 0, row.get("value") or 0
    result["distributed_items"] = sum(row["quantity"] or 0 for row in by_kind.values())
    result["distributed_value"] = sum(row["value"] or 0 for row in by_kind.values())
    result["houses_built"] = sum(
        row["quantity"] or 0 for row in by_kind.values() if row["item_kind__is_house"]
    )
    return result


def lines(*, unit: Unit, period: Period) -> list[Line]:
    """What was given, by item kind and beneficiary groups: "9.365 suất quà cho hộ nghèo, …"."""
    return distribution_lines(_distributions(unit, period))


def by_group(*, unit: Unit, period: Period) -> list[dict[str, object]]:
    """Quantity and value per beneficiary group (a distribution to several groups counts once for
    each of its groups here; the totals are in `figures`)."""
    rows = (
        _distributions(unit, period)
        .values("groups__code", "groups__name", "groups__order")
        .annotate(quantity=Sum("quantity"), value=Sum("value"), n=Count("id"))
        .order_by("groups__order", "groups__name")
    )
    return [
        {
            "code": r["groups__code"],
            "name": r["groups__name"],
            "quantity": r["quantity"],
            "value": r["value"] or 0,
        }
        for r in rows
    ]
