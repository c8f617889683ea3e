"""The welfare campaigns' lists in Excel (danvan.core.export): campaigns, a campaign's
contributions and distributions, a distribution's recipients (handlers only, audited), statistics."""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.translation import gettext as _

from danvan.campaigns.models import Beneficiary, Campaign, Contribution, Distribution
from danvan.core.export import (
    DATE,
    INTEGER,
    MONEY,
    Column,
    ListExport,
    SheetTable,
    export_response,
    figures_table,
    tables_response,
)
from danvan.core.periods import Period
from danvan.territory.models import Unit

CONTRIBUTIONS, DISTRIBUTIONS = "dong-gop", "trao-tang"


def campaigns_export(request: HttpRequest, rows: QuerySet[Campaign], filters: str) -> HttpResponseBase:
    columns = [
        Column(_("Tên cuộc vận động"), width=48),
        Column(_("Địa bàn"), width=28),
        Column(_("Thuộc cuộc vận động"), width=36),
        Column(_("Từ ngày"), DATE, 13),
        Column(_("Đến ngày"), DATE, 13),
        Column(_("Chỉ tiêu vận động (đồng)"), MONEY, 20),
    ]

    def row(c: Campaign) -> list[Any]:
        return [
            c.name,
            c.unit.name,
            c.parent.name if c.parent else "",
            c.start_date,
            c.end_date,
            c.goal_money,
        ]

    return export_response(
        request, ListExport(_("Cuộc vận động an sinh"), "cuoc-van-dong", columns, rows, row, filters)
    )


def contributions_export(request: HttpRequest, campaign: Campaign) -> HttpResponseBase:
    columns = [
        Column(_("Ngày nhận"), DATE, 13),
        Column(_("Hình thức"), width=12),
        Column(_("Người đóng góp là"), width=18),
        Column(_("Tên người, đơn vị đóng góp"), width=34),
        Column(_("Số tiền hoặc giá trị ước tính (đồng)"), MONEY, 22),
        Column(_("Loại hiện vật"), width=20),
        Column(_("Số lượng hiện vật"), INTEGER, 12),
        Column(_("Đơn vị tính"), width=10),
        Column(_("Số biên nhận"), width=14),
    ]

    def row(c: Contribution) -> list[Any]:
        return [
            c.received_on,
            c.get_kind_display(),
            c.get_donor_type_display(),
            c.donor_name,
            c.amount,
            c.goods,
            c.quantity,
            c.quantity_unit,
            c.receipt_number,
        ]

    rows = campaign.contributions.order_by("-received_on", "-id")
    title = _("Đóng góp — %(c)s") % {"c": campaign.name}
    return export_response(request, ListExport(title, f"dong-gop-{campaign.pk}", columns, rows, row))


def distributions_export(request: HttpRequest, campaign: Campaign) -> HttpResponseBase:
    columns = [
        Column(_("Ngày trao"), DATE, 13),
        Column(_("Nơi trao"), width=28),
        Column(_("Loại hỗ trợ"), width=24),
        Column(_("Đối tượng thụ hưởng"), width=40),
        Column(_("Số lượng"), INTEGER, 12),
        Column(_("Đơn vị tính"), width=10),
        Column(_("Trị giá (đồng)"), MONEY, 18),
        Column(_("Nguồn kinh phí"), width=28),
        Column(_("Ghi chú"), width=30),
    ]

    def row(d: Distribution) -> list[Any]:
        kind = d.item_kind
        groups = d.groups_label
        source = d.get_funding_source_display()
        return [
            d.distributed_on,
            d.unit.name,
            kind.name,
            groups,
            d.quantity,
            kind.measure,
            d.value,
            source,
            d.note,
        ]

    rows = campaign.distributions.select_related("unit", "item_kind").order_by("-distributed_on", "-id")
    title = _("Trao tặng — %(c)s") % {"c": campaign.name}
    return export_response(request, ListExport(title, f"trao-tang-{campaign.pk}", columns, rows, row))


def recipients_export(request: HttpRequest, distribution: Distribution, sentence: str) -> HttpResponseBase:
    """Only reached through access_distribution (the handlers): the personal fields are theirs to see."""
    columns = [
        Column(_("Họ tên chủ hộ hoặc người nhận"), width=30, personal="campaigns.Beneficiary.full_name"),
        Column(_("Nơi ở"), width=36, personal="campaigns.Beneficiary.address"),
        Column(_("Năm sinh"), width=10, personal="campaigns.Beneficiary.birth_year"),
    ]

    def row(b: Beneficiary) -> list[Any]:
        return [b.full_name, b.address, b.birth_year]

    rows = distribution.beneficiaries.order_by("id")
    title = _("Người nhận — %(s)s") % {"s": sentence}
    export = ListExport(title, f"nguoi-nhan-{distribution.pk}", columns, rows, row)
    return export_response(request, export, allow_personal=True)


def stats_export(
    request: HttpRequest, unit: Unit, period: Period, context: dict[str, Any]
) -> HttpResponseBase:
    figures = figures_table(
        _("Chỉ tiêu"), [(f["label"], f["measure"], f["value"]) for f in context["figures"]]
    )
    lines = SheetTable(
        _("Trao tặng theo loại hỗ trợ và đối tượng"),
        [
            Column(_("Loại hỗ trợ"), width=30),
            Column(_("Đối tượng thụ hưởng"), width=40),
            Column(_("Số lượng"), INTEGER, 12),
            Column(_("Đơn vị tính"), width=10),
            Column(_("Trị giá (đồng)"), MONEY, 18),
        ],
        [[x.item_name, x.groups, x.quantity, x.measure, x.value] for x in context["lines"]],
    )
    groups = SheetTable(
        _("Theo nhóm đối tượng"),
        [
            Column(_("Nhóm đối tượng"), width=40),
            Column(_("Số lượng"), INTEGER, 12),
            Column(_("Trị giá (đồng)"), MONEY, 18),
        ],
        [[g["name"], g["quantity"], g["value"]] for g in context["groups"]],
    )
    title = _("An sinh xã hội — %(u)s — %(p)s") % {"u": unit.name, "p": period.label}
    return tables_response(
        request, title, f"thong-ke-an-sinh-{unit.code}-{period.code}", [figures, lines, groups]
    )
