"""One Excel export for every list and table of the system.

A list page answers its own URL with `?xuat=xlsx`: the same view, the same filters and the same
`visible_<entities>(scope)` selector, so a user never exports more than the page shows them, and
the access-matrix test covers the export with the page. A page with several tables names them
(`?xuat=dong-gop`). In the view, after the rows are filtered and before they are paginated:

    if wants_export(request):
        return export_response(request, ListExport(
            title=_("Mô hình, điển hình"), filename="mo-hinh", columns=COLUMNS,
            rows=practices, row=_row, filters=form_filters(form)))

and in the template `{% load export %}{% export_link %}`.

The sheet has a title row, the filters line, the export time, then the header row, frozen (with
the rows above it) so it stays in view. Numbers stay numbers with a number format (Excel shows
them with the reader's own separators: an .xlsx cannot force "9.365"), dates are dates, money is
in đồng, percentages are numbers with a % format. Text that a spreadsheet would run as a formula
is written as text (`safe_text`). Rows are streamed: a write-only workbook, querysets read in
chunks, the file spooled to disk and sent in blocks. More than `DANVAN_MAX_EXPORT_ROWS` rows
answer the page again with a message asking to filter.

Personal data (`danvan.core.personal_data`): a column naming a registered personal field
(`personal="membership.Member.full_name"`) is left out unless the view passes
`allow_personal=True` from its access rule; an export that includes one is audited.
"""

import datetime as dt
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO, Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db.models import Model, QuerySet
from django.http import FileResponse, HttpRequest, HttpResponse, QueryDict
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from danvan.core.excel import XLSX_CONTENT_TYPE, safe_text
from danvan.core.formatting import format_date, format_datetime, format_number
from danvan.core.text import fold

TEXT, INTEGER, DECIMAL, MONEY, PERCENT, DATE, DATETIME, BOOLEAN = (
    "text",
    "integer",
    "decimal",
    "money",
    "percent",
    "date",
    "datetime",
    "boolean",
)
NUMBER_FORMATS = {
    INTEGER: "#,##0",
    DECIMAL: "#,##0.0#",
    MONEY: "#,##0",
    PERCENT: "0.0%",  # the value is a percentage (95.5), written as the share Excel expects (0.955)
    DATE: "DD/MM/YYYY",
    DATETIME: "DD/MM/YYYY HH:MM",
}
HEADER_ROW = 4  # title, filters, export time, then the header
EXPORT_PARAM = "xuat"
MAIN_TABLE = "xlsx"


@dataclass(frozen=True)
class Column:
    header: str  # Vietnamese: "Kinh phí (đồng)"
    kind: str = TEXT
    width: int = 0  # characters; 0 = from the header
    personal: str = ""  # "app_label.Model.field" when the column shows a registered personal field


@dataclass(frozen=True)
class Typed:
    """A value whose kind differs from its column's (a percentage in a column of counts)."""

    value: Any
    kind: str


@dataclass
class SheetTable:
    """One of several small tables written one under another (a statistics page)."""

    caption: str
    columns: Sequence[Column]
    rows: Sequence[Sequence[Any]]
    total_row: bool = False  # the last row is a total: bold


# Writing a sheet ---------------------------------------------------------------------------------


def _value(value: Any, kind: str) -> Any:
    if isinstance(value, bool) or kind == BOOLEAN:
        return "" if value is None else (_("Có") if value else _("Không"))
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, dt.datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return local.replace(tzinfo=None)
    if kind == PERCENT and value is not None:
        return float(value) / 100
    if isinstance(value, Decimal):
        return float(value) if kind == DECIMAL else value
    return value


def _cell(sheet: WriteOnlyWorksheet, value: Any, kind: str = TEXT, *, bold: bool = False) -> Any:
    if isinstance(value, Typed):
        value, kind = value.value, value.kind
    cell = WriteOnlyCell(sheet, value=_value(value, kind))
    if kind in NUMBER_FORMATS and value is not None:
        cell.number_format = NUMBER_FORMATS[kind]
    if bold:
        cell.font = Font(bold=True)
    return cell


def _width(spec: Column) -> int:
    return spec.width or max(10, min(len(spec.header) + 2, 50))


def _sheet(
    workbook: Workbook, title: str, widths: Sequence[int], filters: str, *, freeze: bool = False
) -> WriteOnlyWorksheet:
    sheet = workbook.create_sheet(title=_sheet_title(title))
    if freeze:  # the rows above the data stay in view; set before the first row is written
        sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.append([_cell(sheet, title, bold=True)])
    sheet.append([_cell(sheet, _("Điều kiện lọc: %(f)s") % {"f": filters} if filters else _("Không lọc"))])
    sheet.append([_cell(sheet, _("Xuất lúc %(t)s") % {"t": format_datetime(timezone.now())})])
    return sheet


def _header(sheet: WriteOnlyWorksheet, specs: Sequence[Column]) -> None:
    header = []
    for spec in specs:
        cell = _cell(sheet, spec.header, bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        header.append(cell)
    sheet.append(header)


def write_xlsx(
    target: IO[bytes],
    title: str,
    columns: Sequence[Column | str],
    rows: Iterable[Sequence[Any]],
    filters_description: str = "",
) -> int:
    """Write the .xlsx of one table into `target`; returns the number of data rows written."""
    specs = [c if isinstance(c, Column) else Column(c) for c in columns]
    workbook = Workbook(write_only=True)
    sheet = _sheet(workbook, title, [_width(s) for s in specs], filters_description, freeze=True)
    _header(sheet, specs)
    count = 0
    for row in rows:
        sheet.append([_cell(sheet, value, spec.kind) for value, spec in zip(row, specs, strict=False)])
        count += 1
    workbook.save(target)
    return count


def write_tables(target: IO[bytes], title: str, tables: Sequence[SheetTable], filters: str = "") -> None:
    """Several small tables on one sheet, each under its caption, with a blank row between them."""
    columns = max((len(t.columns) for t in tables), default=1)
    widths = [
        max((_width(t.columns[i]) for t in tables if i < len(t.columns)), default=10) for i in range(columns)
    ]
    workbook = Workbook(write_only=True)
    sheet = _sheet(workbook, title, widths, filters)
    for table in tables:
        sheet.append([])
        sheet.append([_cell(sheet, table.caption, bold=True)])
        _header(sheet, table.columns)
        last = len(table.rows) - 1
        for index, row in enumerate(table.rows):
            bold = table.total_row and index == last
            sheet.append(
                [_cell(sheet, v, c.kind, bold=bold) for v, c in zip(row, table.columns, strict=False)]
            )
    workbook.save(target)


def table_to_xlsx(
    title: str,
    columns: Sequence[Column | str],
    rows: Iterable[Sequence[Any]],
    filters_description: str = "",
) -> bytes:
    """The .xlsx of one table as bytes (small tables; pages stream through `export_response`)."""
    with tempfile.TemporaryFile() as handle:
        write_xlsx(handle, title, columns, rows, filters_description)
        handle.seek(0)
        return handle.read()


_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


def _sheet_title(title: str) -> str:
    """Excel refuses some characters and more than 31 of them in a sheet name."""
    return (title.translate(_FORBIDDEN).strip() or "Dữ liệu")[:31]


# Answering a list page with its Excel file ---------------------------------------------------------


@dataclass
class ListExport:
    """One list as the page shows it: its rows (a queryset or any iterable) and how to write a row."""

    title: str
    filename: str  # without extension; folded and slugified
    columns: Sequence[Column]
    rows: Iterable[Any]
    row: Callable[[Any], Sequence[Any]] = field(default=lambda item: item)
    filters: str = ""
    numbered: bool = True  # a first column "STT" numbering the rows 1, 2, 3…


def wants_export(request: HttpRequest, table: str = MAIN_TABLE) -> bool:
    return request.method == "GET" and request.GET.get(EXPORT_PARAM) == table


def export_query(query: QueryDict, table: str = MAIN_TABLE) -> str:
    """The page's query (its filters) without the page number, asking for the export of `table`."""
    copied = query.copy()
    copied.pop("page", None)
    copied[EXPORT_PARAM] = table
    return copied.urlencode()


def _count(rows: Iterable[Any]) -> int | None:
    if isinstance(rows, QuerySet):
        return rows.count()
    if isinstance(rows, Sequence):
        return len(rows)
    return None


def _iterate(rows: Iterable[Any]) -> Iterable[Any]:
    return rows.iterator(chunk_size=1000) if isinstance(rows, QuerySet) else rows


def _too_many(request: HttpRequest, count: int, limit: int) -> HttpResponse:
    messages.error(
        request,
        _(
            "Danh sách có %(n)s dòng, quá %(max)s dòng xuất một lần; "
            "hãy lọc bớt (theo năm, đơn vị…) rồi xuất lại."
        )
        % {"n": format_number(count), "max": format_number(limit)},
    )
    query = request.GET.copy()
    query.pop(EXPORT_PARAM, None)
    return redirect(f"{request.path}?{query.urlencode()}" if query else request.path)


def export_response(
    request: HttpRequest, export: ListExport, *, allow_personal: bool = False
) -> HttpResponseBase:
    """The list's .xlsx, streamed; the page with a message when it is over the bound."""
    limit = settings.DANVAN_MAX_EXPORT_ROWS
    count = _count(export.rows)
    if count is not None and count > limit:
        return _too_many(request, count, limit)
    kept = [i for i, c in enumerate(export.columns) if allow_personal or not is_personal(c)]
    columns = [export.columns[i] for i in kept]
    rows: Iterable[list[Any]] = (
        [values[i] for i in kept] for values in map(export.row, _iterate(export.rows))
    )
    if export.numbered:
        columns = [Column(_("STT"), INTEGER, 6), *columns]
        rows = ([number, *values] for number, values in enumerate(rows, start=1))
    handle = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115 - FileResponse closes it
    written = write_xlsx(handle, export.title, columns, rows, export.filters)
    handle.seek(0)
    if written:  # an export that holds personal data is an access to it: logged
        _audit_personal(request, export, columns, written)
    name = (slugify(fold(export.filename))[:80] or "danh-sach") + ".xlsx"
    return FileResponse(handle, as_attachment=True, filename=name, content_type=XLSX_CONTENT_TYPE)


def tables_response(
    request: HttpRequest, title: str, filename: str, tables: Sequence[SheetTable], filters: str = ""
) -> HttpResponseBase:
    """A statistics page's tables (small, already computed for the page) as one .xlsx."""
    handle = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115 - FileResponse closes it
    write_tables(handle, title, tables, filters)
    handle.seek(0)
    name = (slugify(fold(filename))[:80] or "thong-ke") + ".xlsx"
    return FileResponse(handle, as_attachment=True, filename=name, content_type=XLSX_CONTENT_TYPE)


def may_export_personal(scope: Any) -> bool:
    """Who keeps records (reporter or above somewhere, or a system administrator) may export the
    personal fields a list shows; a viewer's export leaves them out."""
    from danvan.accounts.models import Role

    return bool(scope.is_system_admin or scope.paths(Role.REPORTER))


def is_personal(column: Column) -> bool:
    from danvan.core.personal_data import personal_fields

    if not column.personal:
        return False
    model, _dot, name = column.personal.rpartition(".")
    return name in personal_fields(model)


def _audit_personal(request: HttpRequest, export: ListExport, columns: Sequence[Column], rows: int) -> None:
    """An export holding personal data is an access to it (Luật Bảo vệ dữ liệu cá nhân): logged."""
    shown = [c.header for c in columns if is_personal(c)]
    if not shown:
        return
    from danvan.audit.services import audit_record

    audit_record(
        actor=request.user,
        action="personal_data.export",
        obj=None,
        object_type="export",
        object_repr=export.title,
        changes={"rows": rows, "columns": shown, "filters": export.filters},
    )


def figures_table(caption: str, rows: Iterable[tuple[str, str, Any]]) -> SheetTable:
    """A statistics page's (label, unit of measure, value) rows: money in đồng, % as percentages."""
    kinds = {"%": PERCENT, "đồng": MONEY}
    values = [[label, measure, Typed(value, kinds.get(measure, DECIMAL))] for label, measure, value in rows]
    columns = [
        Column(_("Chỉ tiêu"), width=56),
        Column(_("Đơn vị tính"), width=14),
        Column(_("Số liệu"), DECIMAL, 18),
    ]
    return SheetTable(caption, columns, values)


# Describing the filters a page applied -------------------------------------------------------------


def describe(value: Any) -> str:
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, int | float | Decimal):
        return str(value) if isinstance(value, int) and 1900 < value < 2200 else format_number(value, 2)
    if isinstance(value, Model | str | Promise):
        return str(value)
    label = getattr(value, "label", None)  # a Period
    if isinstance(label, str):
        return label
    if isinstance(value, Iterable):
        return ", ".join(describe(v) for v in value)
    return str(value)


def filters_text(pairs: Iterable[tuple[str, Any]]) -> str:
    """ "Năm: 2024; Đơn vị: Tỉnh Cao Bằng" from (label, value) pairs; empty values left out."""
    return "; ".join(
        f"{label}: {describe(value)}" for label, value in pairs if value not in (None, "", [], ())
    )


def form_filters(form: forms.Form, skip: Iterable[str] = ("page",)) -> str:
    """The filters of a bound, valid filter form, with choice values shown by their labels."""
    if not form.is_bound or not form.is_valid():
        return ""
    pairs = []
    for name, value in form.cleaned_data.items():
        if name in skip or value in (None, "", [], ()):
            continue
        field_ = form.fields[name]
        plain_choice = isinstance(field_, forms.ChoiceField) and not isinstance(
            field_, forms.ModelChoiceField
        )
        choices = {str(k): v for k, v in field_.choices} if plain_choice else {}  # type: ignore[attr-defined]
        shown = str(choices.get(str(value), value)) if isinstance(value, str | int) else value
        pairs.append((str(field_.label or name), shown))
    return filters_text(pairs)
