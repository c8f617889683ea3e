"""A campaign's summary as an official document (danvan.documents registry, registered in apps.py).

What the campaign and its sub-campaigns raised (money, goods valued in đồng, by kind of donor),
what they gave (by item and beneficiary group, with quantities and values in đồng), against the
goals, and each sub-campaign's share; every table with its total. The issuing body is the
campaign's first organizer in the frame its kind writes in (the Front: Nghị định 30/2020; a party
committee: Hướng dẫn 36-HD/VPTW), or the unit's party committee when none is recorded.
"""

from typing import Any

from django.db.models import Count, Q, Sum
from pydantic import Field

from danvan.accounts.scope import UserScope
from danvan.campaigns.access import access_campaign
from danvan.campaigns.models import Campaign, Contribution, ContributionKind, DonorType
from danvan.campaigns.selectors import Progress, campaign_progress, in_tree
from danvan.core.formatting import format_date, format_money, format_number, format_percent
from danvan.core.models import MAX_ID
from danvan.documents.frame import TEXT_WIDTH_CM
from danvan.documents.official import Cell, HeaderCell, OfficialDocument, Section, Table
from danvan.documents.registry import BuildRequest, CommonParameters
from danvan.territory.models import Unit


class CampaignParameters(CommonParameters):
    campaign: int = Field(ge=1, le=MAX_ID, description="mã số (id) của cuộc vận động")


def campaign_target(scope: UserScope, values: dict[str, Any]) -> Unit:
    return access_campaign(scope, values["campaign"]).unit


def donor_table(campaign: Campaign) -> Table | None:
    rows_by_type = (
        Contribution.objects.filter(in_tree(campaign))
        .values("donor_type")
        .annotate(
            money=Sum("amount", filter=Q(kind=ContributionKind.MONEY)),
            goods=Sum("amount", filter=Q(kind=ContributionKind.GOODS)),
            n=Count("id"),
        )
    )
    found = {row["donor_type"]: row for row in rows_by_type}
    if not found:
        return None
    rows: list[list[Cell]] = []
    for number, (code, label) in enumerate([c for c in DonorType.choices if c[0] in found], start=1):
        row = found[code]
        money, goods = row["money"] or 0, row["goods"] or 0
        rows.append([str(number), str(label), row["n"], money, goods, money + goods])
    totals = [sum(int(r[i] or 0) for r in rows) for i in range(2, 6)]
    rows.append(["", "Tổng cộng", *totals])
    header: list[list[HeaderCell | str]] = [
        ["TT", "Người đóng góp", "Lượt", "Tiền (đồng)", "Hiện vật quy ra tiền (đồng)", "Cộng (đồng)"]
    ]
    table = Table("Bảng 1. Kết quả vận động theo người đóng góp", header, rows, total_row=True)
    table.widths_cm = [1.0, TEXT_WIDTH_CM - 12.3, 1.7, 3.2, 3.2, 3.2]
    return table


def distribution_table(progress: Progress) -> Table | None:
    if not progress.lines:
        return None
    rows: list[list[Cell]] = [
        [str(n), line.item_name, line.groups or "—", line.quantity, line.measure, line.value]
        for n, line in enumerate(progress.lines, start=1)
    ]
    total_value = sum(line.value or 0 for line in progress.lines)
    rows.append(["", "Tổng cộng", "", None, "", total_value])
    header: list[list[HeaderCell | str]] = [
        ["TT", "Loại hỗ trợ", "Đối tượng thụ hưởng", "Số lượng", "Đơn vị tính", "Trị giá (đồng)"]
    ]
    table = Table("Bảng 2. Kết quả trao tặng theo loại hỗ trợ và đối tượng", header, rows, total_row=True)
    table.widths_cm = [1.0, 3.6, TEXT_WIDTH_CM - 12.4, 2.2, 2.2, 3.4]
    return table


def goal_table(progress: Progress) -> Table | None:
    rows: list[list[Cell]] = []
    if progress.goal_money:
        rows.append(["Tiền và hiện vật (đồng)", progress.goal_money, progress.raised, progress.money_share])
    rows += [
        [goal.name[:1].upper() + goal.name[1:], goal.goal, goal.achieved, goal.share]
        for goal in progress.goals
    ]
    if not rows:
        return None
    header: list[list[HeaderCell | str]] = [["Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)"]]
    table = Table("Bảng 3. Thực hiện chỉ tiêu", header, rows, decimals=1)
    table.widths_cm = [TEXT_WIDTH_CM - 10.0, 3.6, 3.6, 2.8]
    return table


def children_table(campaign: Campaign) -> Table | None:
    children = list(campaign.children.select_related("unit").order_by("sort_key", "pk"))
    if not children:
        return None
    rows: list[list[Cell]] = []
    for number, child in enumerate(children, start=1):
        progress = campaign_progress(child)
        rows.append([str(number), child.name, child.unit.name, progress.raised, progress.distributed_value])
    rows.append(["", "Tổng cộng", "", *[sum(int(r[i] or 0) for r in rows) for i in (3, 4)]])
    header: list[list[HeaderCell | str]] = [
        ["TT", "Cuộc vận động", "Địa bàn", "Vận động được (đồng)", "Đã trao (đồng)"]
    ]
    table = Table("Bảng 4. Kết quả của các cuộc vận động cấp dưới", header, rows, total_row=True)
    table.widths_cm = [1.0, TEXT_WIDTH_CM - 11.7, 3.9, 3.4, 3.4]
    return table


def _raised_paragraph(progress: Progress) -> str:
    text = (
        f"Tổng số tiền và hiện vật vận động được: {format_money(progress.raised)} "
        f"({format_number(progress.raised)} đồng), gồm tiền mặt {format_money(progress.money)} "
        f"và hiện vật quy ra tiền {format_money(progress.goods_value)}, "
        f"từ {format_number(progress.contributions)} lượt đóng góp"
    )
    if progress.money_share is not None and progress.goal_money:
        text += f"; đạt {format_percent(progress.money_share)} chỉ tiêu {format_money(progress.goal_money)}"
    return text + "."


def _given_paragraphs(progress: Progress) -> list[str]:
    if not progress.lines:
        return ["Chưa ghi nhận đợt trao tặng nào."]
    lines = [f"- {line.sentence};" for line in progress.lines]
    lines[-1] = lines[-1][:-1] + "."
    total = f"Tổng trị giá đã trao: {format_money(progress.distributed_value)}"
    return ["Đã trao:", *lines, f"{total} ({format_number(progress.distributed_value)} đồng)."]


def build_campaign_summary(request: BuildRequest) -> OfficialDocument:
    campaign = Campaign.objects.select_related("unit").get(pk=request.parameters["campaign"])
    progress = campaign_progress(campaign)
    request.report_progress(40)
    organizer = campaign.organizers.select_related("kind", "unit").order_by("pk").first()
    frame = request.identity(kind_label="BÁO CÁO", kind_code="BC", organization=organizer)
    introduction = [
        f"Thời gian thực hiện: từ ngày {format_date(campaign.start_date)} "
        f"đến ngày {format_date(campaign.end_date)}; địa bàn: {campaign.unit.name}."
    ]
    if progress.sub_campaigns:
        introduction.append(f"Số liệu gồm cả {format_number(progress.sub_campaigns)} cuộc vận động cấp dưới.")
    raised = Section("KẾT QUẢ VẬN ĐỘNG", [_raised_paragraph(progress)])
    given = Section("KẾT QUẢ TRAO TẶNG, HỖ TRỢ", _given_paragraphs(progress))
    tables = [
        table
        for table in (
            donor_table(campaign),
            distribution_table(progress),
            goal_table(progress),
            children_table(campaign),
        )
        if table is not None
    ]
    return OfficialDocument(
        **frame,
        title=f"Kết quả cuộc vận động “{campaign.name}”",
        introduction=introduction,
        sections=[raised, given],
        tables=tables,
    )


def register() -> None:
    from danvan.documents.registry import register_document_type

    register_document_type(
        "campaign_summary",
        "Báo cáo kết quả cuộc vận động an sinh",
        build_campaign_summary,
        parameters=CampaignParameters,
        target=campaign_target,
    )
