"""The territory's lists in Excel (danvan.core.export): provinces, search results, a unit's children
and a commune's neighbourhoods. Public data: the same as the public pages show."""

from typing import Any

from django.utils.translation import gettext as _

from danvan.core.export import DATE, INTEGER, Column
from danvan.territory.models import Unit


def unit_columns(with_children: bool = False) -> list[Column]:
    columns = [
        Column(_("Tên"), width=36),
        Column(_("Loại"), width=16),
        Column(_("Mã"), width=10),
        Column(_("Cấp"), width=14),
        Column(_("Thuộc"), width=30),
        Column(_("Hiệu lực từ"), DATE, 13),
        Column(_("Hiệu lực đến"), DATE, 13),
    ]
    return [*columns, Column(_("Đơn vị cấp dưới"), INTEGER, 14)] if with_children else columns


def unit_row(unit: Unit) -> list[Any]:
    parent = unit.parent.name if unit.parent_id and unit.parent else ""
    row = [
        unit.name,
        unit.get_kind_display(),
        unit.code,
        unit.get_level_display(),
        parent,
        unit.valid_from,
        unit.valid_to,
    ]
    return [*row, getattr(unit, "n_children", None)] if hasattr(unit, "n_children") else row
