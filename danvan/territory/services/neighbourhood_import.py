"""Importing a commune's neighbourhoods from Excel: every row valid, or nothing saved."""

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.audit.services import audit_record
from danvan.core.errors import DomainError
from danvan.core.excel import RowErrors, SheetRow, read_rows, template_workbook
from danvan.core.text import fold
from danvan.territory.models import NEIGHBOURHOOD_KINDS, Kind, Level, Unit
from danvan.territory.services.neighbourhoods import (
    check_commune,
    clean_name,
    duplicate_message,
    name_error,
    next_numbers,
)
from danvan.territory.tree import segment, set_name_fields

COLUMNS = {"name": "Tên", "kind": "Loại"}
# "Tổ dân phố", "to dan pho", "to_dan_pho" all name the same kind.
KIND_BY_WORD = {fold(Kind(k).label): Kind(k) for k in NEIGHBOURHOOD_KINDS} | {
    fold(str(k)): Kind(k) for k in NEIGHBOURHOOD_KINDS
}


@dataclass(frozen=True)
class ImportRow:
    number: int
    name: str
    kind: str


def neighbourhood_import_template() -> bytes:
    examples = [["Thôn Tân Lập", "Thôn"], ["Tổ dân phố 3", "Tổ dân phố"], ["Ấp Phú Hòa", "Ấp"]]
    return template_workbook(COLUMNS, examples, sheet_title="Thôn, tổ dân phố")


def kind_of(value: Any, name: str) -> Kind | None:
    """The kind written in the row, or, when the cell is empty, the one the name starts with."""
    if value not in (None, ""):
        return KIND_BY_WORD.get(fold(str(value)))
    folded = fold(name)
    for word in sorted(KIND_BY_WORD, key=len, reverse=True):
        if folded.startswith(word + " "):
            return KIND_BY_WORD[word]
    return None


def _kind_error(value: Any) -> str:
    choices = ", ".join(str(Kind(k).label) for k in NEIGHBOURHOOD_KINDS)
    if value in (None, ""):
        return _("Chưa ghi loại (một trong: %(choices)s).") % {"choices": choices}
    return _("Loại “%(value)s” không hợp lệ; dùng một trong: %(choices)s.") % {
        "value": value,
        "choices": choices,
    }


def _validate(rows: list[SheetRow], commune: Unit) -> list[ImportRow]:
    errors = RowErrors()
    existing = {
        fold(name): name
        for name in Unit.objects.filter(
            parent=commune, level=Level.NEIGHBOURHOOD, valid_to__isnull=True
        ).values_list("name", flat=True)
    }
    seen: dict[str, int] = {}
    valid: list[ImportRow] = []
    for row in rows:
        raw_name = str(row.values["name"] or "")
        kind = kind_of(row.values["kind"], raw_name)
        if kind is None:
            errors.add(row.number, _kind_error(row.values["kind"]))
        name = clean_name(raw_name, kind or Kind.THON)
        problem = name_error(name) or _duplicate(name, seen, existing, commune)
        if problem:
            errors.add(row.number, problem)
        if name:
            seen.setdefault(fold(name), row.number)
        if kind is not None and not problem:
            valid.append(ImportRow(row.number, name, kind))
    errors.raise_if_any()
    return valid


def _duplicate(name: str, seen: dict[str, int], existing: dict[str, str], commune: Unit) -> str | None:
    key = fold(name)
    if key in seen:
        return _("Trùng tên với dòng %(row)d.") % {"row": seen[key]}
    if key in existing:
        return duplicate_message(Unit(name=existing[key]), commune)
    return None


@transaction.atomic
def neighbourhood_import(*, commune: Unit, data: bytes, actor: Any) -> list[Unit]:
    """Create the neighbourhoods listed in an Excel sheet (columns Tên, Loại) below the commune."""
    check_commune(commune)
    rows = _validate(list(read_rows(data, COLUMNS)), commune)
    if not rows:
        raise DomainError("import_empty", _("Tệp không có dòng dữ liệu nào."))
    codes = next_numbers(commune, len(rows))
    units = [
        Unit(
            code=code,
            name=row.name,
            kind=row.kind,
            level=Level.NEIGHBOURHOOD,
            parent=commune,
            valid_from=commune.valid_from,
            is_official=False,
        )
        for code, row in zip(codes, rows, strict=True)
    ]
    for unit in units:
        set_name_fields(unit)
    Unit.objects.bulk_create(units)
    for unit in units:
        unit.path, unit.depth = commune.path + segment(unit.pk), commune.depth + 1
    Unit.objects.bulk_update(units, ["path", "depth"])
    audit_record(
        actor=actor,
        action="neighbourhood.import",
        obj=None,
        object_type="territory.unit",
        object_repr=_("Nhập thôn, tổ dân phố của %(commune)s") % {"commune": commune.name},
        unit=commune,
        changes={"created": len(units), "codes": f"{codes[0]} … {codes[-1]}"},
    )
    return units
