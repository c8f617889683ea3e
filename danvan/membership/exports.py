"""Membership lists in Excel (danvan.core.export): an organization's current members (for the
handlers who see that page; personal data, audited) and the statistics by organization kind."""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.translation import gettext as _

from danvan.core.export import (
    DATE,
    INTEGER,
    PERCENT,
    Column,
    ListExport,
    SheetTable,
    export_response,
    figures_table,
    tables_response,
)
from danvan.core.periods import Period
from danvan.membership.models import Membership
from danvan.territory.models import Unit


def members_export(request: HttpRequest, organization: Any, rows: QuerySet[Membership]) -> HttpResponseBase:
    columns = [
        Column(_("Họ và tên"), width=30, personal="membership.Member.full_name"),
        Column(_("Ngày sinh"), DATE, 13, personal="membership.Member.birth_date"),
        Column(_("Giới tính"), width=10, personal="membership.Member.gender"),
        Column(_("Chức danh"), width=20),
        Column(_("Ngày vào"), DATE, 13),
    ]

    def row(m: Membership) -> list[Any]:
        member = m.member
        return [member.full_name, member.birth_date, member.get_gender_display(), m.role, m.joined_on]

    title = _("Thành viên — %(o)s") % {"o": organization.name}
    export = ListExport(title, f"thanh-vien-{organization.pk}", columns, rows, row)
    return export_response(request, export, allow_personal=True)


def stats_export(
    request: HttpRequest, unit: Unit, period: Period, context: dict[str, Any]
) -> HttpResponseBase:
    figures = figures_table(
        _("Chỉ tiêu chính"), [(f["label"], f["measure"], f["value"]) for f in context["figures"]]
    )
    headers = (_("Thành viên"), _("Số người"), _("Kết nạp mới"), _("Ra khỏi"), _("Đối tượng"))
    kinds = SheetTable(
        _("Theo tổ chức"),
        [
            Column(_("Tổ chức"), width=36),
            *(Column(h, INTEGER, 12) for h in headers),
            Column(_("Tỷ lệ tập hợp"), PERCENT, 12),
        ],
        [
            [k["name"], k["members"], k["persons"], k["new_members"], k["leavers"], k["eligible"], k["rate"]]
            for k in context["kinds"]
        ],
    )
    title = _("Hội viên, đoàn viên — %(u)s — %(p)s") % {"u": unit.name, "p": period.label}
    return tables_response(request, title, f"thong-ke-hoi-vien-{unit.code}-{period.code}", [figures, kinds])
