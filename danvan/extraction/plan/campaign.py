"""Welfare distributions a text reports (gift packages, scholarships, houses, smartphones…), with
their value, under an existing campaign of the unit or a new one for the event's period."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from danvan.campaigns.models import BeneficiaryGroup, Campaign, ItemKind
from danvan.campaigns.services import CampaignData, DistributionData
from danvan.core.formatting import format_date, format_money, format_number
from danvan.extraction.mapping import default_groups, default_item_kind, is_money
from danvan.extraction.plan.base import Basis, Part
from danvan.territory.tree import subtree_q

MONEY_REACH = 200  # characters between a distribution and the money that states its value


@dataclass
class Planned:
    index: int  # the figure's index
    kind: ItemKind
    quantity: int
    groups: list[BeneficiaryGroup]
    value: int | None = None
    value_from: int | None = None  # index of the money figure


@dataclass
class CampaignPart(Part):
    campaign_choices: list[Campaign] = field(default_factory=list)
    campaign: Campaign | None = None  # None = a new campaign
    new_campaign: CampaignData | None = None
    distributed_on: dt.date | None = None
    planned: list[Planned] = field(default_factory=list)
    item_choices: list[ItemKind] = field(default_factory=list)
    group_choices: list[BeneficiaryGroup] = field(default_factory=list)

    def distributions(self) -> list[DistributionData]:
        assert self.distributed_on is not None
        unit = self.campaign.unit if self.campaign else self.new_campaign.unit  # type: ignore[union-attr]
        return [
            DistributionData(
                unit=unit,
                item_kind=p.kind,
                groups=p.groups,
                quantity=p.quantity,
                value=p.value,
                distributed_on=self.distributed_on,
                note=f"Nhập từ văn bản: {p.index + 1}",
            )
            for p in self.planned
        ]


def figure_item(figure: dict[str, Any]) -> str:
    """The item kind of a distribution figure; for money, "value" unless the reviewer said none."""
    chosen = figure.get("item_kind")
    if is_money(figure):
        return "value" if chosen is None else chosen
    return chosen if chosen is not None else default_item_kind(figure)


def _next_money(figures: list[dict[str, Any]], index: int) -> int | None:
    return next((i for i in range(index + 1, len(figures)) if is_money(figures[i])), None)


def _attach_values(part: CampaignPart, figures: list[dict[str, Any]]) -> None:
    """A value belongs to the last distribution before it, close by with no other money between
    (one total after several items of a sentence goes to the item just before it)."""
    for index, figure in enumerate(figures):
        if not is_money(figure) or not figure_item(figure):
            continue
        before = [p for p in part.planned if p.index < index and _next_money(figures, p.index) == index]
        if before and figure["start"] - figures[before[-1].index]["end"] <= MONEY_REACH:
            before[-1].value = int(figure["quantity"])
            before[-1].value_from = index


def _planned(part: CampaignPart, basis: Basis) -> None:
    kinds = {k.code: k for k in part.item_choices}
    groups = {g.code: g for g in part.group_choices}
    figures = basis.data["figures"]
    for index, figure in enumerate(figures):
        code = figure_item(figure)
        if is_money(figure) or code not in kinds:
            continue
        money = _next_money(figures, index)
        chosen = figure.get("groups")
        codes = (
            chosen
            if chosen is not None
            else default_groups(figure, basis.text, figures[money]["start"] if money is not None else None)
        )
        quantity = int(figure["quantity"])
        part.planned.append(Planned(index, kinds[code], quantity, [groups[c] for c in codes if c in groups]))
    _attach_values(part, figures)


def _campaign_choices(basis: Basis) -> list[Campaign]:
    if basis.unit is None:
        return []
    rows = Campaign.objects.filter(subtree_q([basis.unit.path], "unit_path")).select_related("unit")
    if basis.day is not None:
        rows = rows.filter(start_date__lte=basis.day, end_date__gte=_start(basis))
    return list(rows.order_by("-start_date")[:20])


def _start(basis: Basis) -> dt.date:
    if basis.period is not None:
        return basis.period.start
    assert basis.day is not None
    return dt.date(basis.day.year, 1, 1)


def _new_campaign(basis: Basis) -> CampaignData | None:
    if basis.unit is None or basis.day is None:
        return None
    start = _start(basis)
    end = basis.period.end if basis.period else dt.date(basis.day.year, 12, 31)
    label = basis.period.label if basis.period else f"năm {basis.day.year}"
    name = (basis.target("campaign_name") or "").strip() or f"Chăm lo an sinh {label[:1].lower()}{label[1:]}"
    return CampaignData(
        name=name,
        unit=basis.unit,
        start_date=start,
        end_date=max(end, start),
        organizer_text=basis.data["event"].get("organizer") or "",
        description=basis.source_label,
    )


def _choose_campaign(part: CampaignPart, basis: Basis) -> None:
    chosen = str(basis.target("campaign") or "new")
    part.campaign = next((c for c in part.campaign_choices if str(c.pk) == chosen), None)
    if part.campaign is None:
        part.new_campaign = _new_campaign(basis)
    start, end = (
        (part.campaign.start_date, part.campaign.end_date)
        if part.campaign
        else (
            (part.new_campaign.start_date, part.new_campaign.end_date) if part.new_campaign else (None, None)
        )
    )
    if basis.day is not None and start and end:
        part.distributed_on = min(max(basis.day, start), end)


def _lines(part: CampaignPart, basis: Basis) -> list[str]:
    if not part.planned:
        return []
    where = (
        f"vào cuộc vận động «{part.campaign.name}»"
        if part.campaign
        else f"vào cuộc vận động mới «{part.new_campaign.name}»"
        if part.new_campaign
        else ""
    )
    lines = [f"{len(part.planned)} đợt trao tặng {where}, ngày trao {format_date(part.distributed_on)}"]
    for p in part.planned:
        value = f", trị giá {format_money(p.value)}" if p.value is not None else ""
        groups = ", ".join(g.name.lower() for g in p.groups)
        lines.append(f"S{p.index + 1}: {format_number(p.quantity)} {p.kind.counted_as} cho {groups}{value}")
    return lines


def campaign_part(basis: Basis) -> CampaignPart:
    part = CampaignPart("campaigns", "Đợt trao tặng an sinh")
    part.item_choices = list(ItemKind.objects.filter(is_active=True))
    part.group_choices = list(BeneficiaryGroup.objects.filter(is_active=True))
    part.campaign_choices = _campaign_choices(basis)
    _planned(part, basis)
    _choose_campaign(part, basis)
    part.lines = _lines(part, basis)
    if part.planned and basis.unit is None:
        part.problems.append("Chưa xác định đơn vị hành chính (mã đơn vị) của cuộc vận động.")
    if part.planned and basis.day is None:
        part.problems.append("Chưa có ngày: không xác định được ngày trao.")
    part.problems += [
        f"S{p.index + 1}: số lượng phải là số nguyên lớn hơn 0."
        for p in part.planned
        if p.quantity < 1 or p.quantity != float(basis.data["figures"][p.index]["quantity"])
    ]
    part.enabled = basis.wanted("campaigns", bool(part.planned) and not part.problems)
    part.notes.append(
        "Văn bản thường không ghi ngày trao: ngày trao lấy theo ngày của sự kiện, trong thời gian cuộc "
        "vận động. Trị giá ghi sau nhiều loại quà được gắn vào loại đứng ngay trước nó."
    )
    return part
