"""The dashboard's child-unit table and ranking in Excel (danvan.core.export)."""

from typing import Any

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.translation import gettext as _

from danvan.core.export import INTEGER, Column, ListExport, export_response
from danvan.dashboards.selectors import Dashboard
from danvan.reporting.exports import VALUE_KINDS
from danvan.reporting.models import ValueType

CHILDREN, RANKING = "don-vi", "xep-hang"


def _kind(value_type: str) -> str:
    return VALUE_KINDS.get(ValueType(value_type), INTEGER) if value_type in ValueType.values else INTEGER


def _where(board: Dashboard) -> str:
    return f"{board.unit.name if board.unit else _('Cả nước')} — {board.period.label}"


def children_export(request: HttpRequest, board: Dashboard) -> HttpResponseBase:
    columns = [Column(_("Đơn vị"), width=34), Column(_("Mã đơn vị"), width=10)]
    columns += [Column(k.label, _kind(k.value_type), 16) for k in board.kpis]

    def row(child: dict[str, Any]) -> list[Any]:
        return [child["name"], child["code"], *(child["values"].get(k.code) for k in board.kpis)]

    title = _("Theo đơn vị trực thuộc — %(w)s") % {"w": _where(board)}
    return export_response(
        request, ListExport(title, f"tong-quan-{board.period.code}", columns, board.children, row)
    )


def ranking_export(request: HttpRequest, board: Dashboard) -> HttpResponseBase:
    indicator = board.score_indicator
    assert indicator is not None
    columns = [
        Column(_("Hạng"), INTEGER, 8),
        Column(_("Đơn vị"), width=34),
        Column(_("Mã đơn vị"), width=10),
        Column(indicator.name, _kind(indicator.value_type), 20),
    ]
    rows = [[n, f.name, f.code, f.value] for n, f in enumerate(board.ranking, start=1)]
    title = _("Xếp hạng theo %(i)s — %(w)s") % {"i": indicator.name, "w": _where(board)}
    export = ListExport(
        title, f"xep-hang-{indicator.code}-{board.period.code}", columns, rows, numbered=False
    )
    return export_response(request, export)
