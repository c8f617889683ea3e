"""Reads of the welfare campaigns: lists, a campaign's progress against its goal (sub-campaigns
included), and the "N suất quà cho …, trị giá X tỷ đồng" lines, all computed with GROUP BY."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from danvan.campaigns.models import Campaign, Contribution, ContributionKind, Distribution, GoalItem
from danvan.core.formatting import format_money, format_number
from danvan.core.periods import Period
from danvan.core.text import fold
from danvan.territory.models import Unit
from danvan.territory.selectors import history_paths
from danvan.territory.tree import subtree_q


@dataclass(frozen=True)
class CampaignFilter:
    q: str = ""
    unit: Unit | None = None
    period: Period | None = None
    year: int | None = None


def filter_campaigns(campaigns: QuerySet[Campaign], criteria: CampaignFilter) -> QuerySet[Campaign]:
    if fold(criteria.q):
        campaigns = campaigns.filter(name_folded__contains=fold(criteria.q))
    if criteria.unit is not None:
        campaigns = campaigns.filter(subtree_q(history_paths(criteria.unit), "unit_path"))
    for period in (criteria.period, Period.whole_year(criteria.year) if criteria.year else None):
        if period is not None:
            campaigns = campaigns.filter(start_date__lte=period.end, end_date__gte=period.start)
    return campaigns.select_related("unit", "parent").order_by("-start_date", "sort_key", "pk")


@dataclass(frozen=True)
class Line:
    """Items of one kind given to one set of groups: "9.365 suất quà cho hộ nghèo, hộ cận nghèo"."""

    item_code: str
    item_name: str
    counted_as: str
    measure: str
    groups: str
    quantity: int
    value: int | None

    @property
    def sentence(self) -> str:
        text = f"{format_number(self.quantity)} {self.counted_as}"
        if self.groups:
            text += " " + _("cho %(groups)s") % {"groups": self.groups}
        if self.value:
            text += ", " + _("trị giá %(money)s") % {"money": format_money(self.value)}
        return text


def distribution_lines(distributions: QuerySet[Distribution]) -> list[Line]:
    rows = (
        distributions.values(
            "item_kind__code",
            "item_kind__name",
            "item_kind__counted_as",
            "item_kind__measure",
            "item_kind__order",
            "groups_key",
            "groups_label",
            "groups_rank",
        )
        .annotate(quantity=Sum("quantity"), value=Sum("value"))
        .order_by("item_kind__order", "item_kind__name", "groups_rank", "groups_label")
    )
    return [
        Line(
            r["item_kind__code"],
            r["item_kind__name"],
            r["item_kind__counted_as"],
            r["item_kind__measure"],
            r["groups_label"],
            r["quantity"] or 0,
            r["value"],
        )
        for r in rows
    ]


def in_tree(campaign: Campaign, prefix: str = "campaign__") -> Q:
    """The campaign and its sub-campaigns, at any depth (one range on tree_path)."""
    return Q(**{f"{prefix}tree_path__startswith": campaign.tree_path})


@dataclass
class GoalProgress:
    code: str
    name: str
    goal: int
    achieved: int

    @property
    def share(self) -> float | None:
        return round(100 * self.achieved / self.goal, 1) if self.goal else None


@dataclass
class Progress:
    money: int = 0
    goods_value: int = 0
    contributions: int = 0
    distributed_value: int = 0
    sub_campaigns: int = 0
    goal_money: int | None = None
    lines: list[Line] = field(default_factory=list)
    goals: list[GoalProgress] = field(default_factory=list)

    @property
    def raised(self) -> int:
        return self.money + self.goods_value

    @property
    def money_share(self) -> float | None:
        return round(100 * self.raised / self.goal_money, 1) if self.goal_money else None


def campaign_progress(campaign: Campaign) -> Progress:
    """What the campaign and its sub-campaigns raised and gave, against the campaign's goals."""
    raised = Contribution.objects.filter(in_tree(campaign)).aggregate(
        money=Sum("amount", filter=Q(kind=ContributionKind.MONEY)),
        goods=Sum("amount", filter=Q(kind=ContributionKind.GOODS)),
        n=Count("id"),
    )
    distributions = Distribution.objects.filter(in_tree(campaign))
    given = distributions.values("item_kind_id").annotate(quantity=Sum("quantity"))
    by_kind = {row["item_kind_id"]: row["quantity"] for row in given}
    goals = [
        GoalProgress(
            goal.item_kind.code, goal.item_kind.counted_as, goal.quantity, by_kind.get(goal.item_kind_id, 0)
        )
        for goal in GoalItem.objects.filter(campaign=campaign).select_related("item_kind")
    ]
    return Progress(
        money=raised["money"] or 0,
        goods_value=raised["goods"] or 0,
        contributions=raised["n"],
        distributed_value=distributions.aggregate(v=Sum("value"))["v"] or 0,
        sub_campaigns=Campaign.objects.filter(in_tree(campaign, "")).exclude(pk=campaign.pk).count(),
        goal_money=campaign.goal_money,
        lines=distribution_lines(distributions),
        goals=goals,
    )


def default_distribution_day(campaign: Campaign, today: dt.date) -> dt.date:
    return min(max(today, campaign.start_date), campaign.end_date)
