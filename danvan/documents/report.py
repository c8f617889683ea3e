"""The periodic report as a document: narrative sections and indicator tables from a ReportContent.

The reporting app produces the ReportContent of a unit, form and period and plugs itself in once
with `set_report_source(...)`; the document does not know where the figures come from.

Tables: the indicators with the unit's value (and the same period last year, with the ratio, when
known); a column per child unit when there are few children (at most CHILD_COLUMNS_MAX), else a
separate table of the children × the key indicators (at most KEY_INDICATORS_MAX of them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from pydantic import Field, field_validator

from danvan.core.errors import InvalidInput
from danvan.core.periods import Period
from danvan.documents.frame import TEXT_WIDTH_CM
from danvan.documents.official import Cell, HeaderCell, OfficialDocument, Section, Table
from danvan.documents.registry import BuildRequest, CommonParameters
from danvan.territory.models import Unit

Number = int | float | Decimal
CHILD_COLUMNS_MAX = 6
KEY_INDICATORS_MAX = 8


@dataclass
class IndicatorRow:
    label: str  # "Số cuộc tiếp xúc, đối thoại với Nhân dân"
    unit_of_measure: str  # "cuộc"
    value: Number | None
    last_year: Number | None = None
    children: list[Number | None] = field(default_factory=list)  # in ReportContent.children order
    code: str = ""
    key: bool = False  # one of the key indicators shown per child unit


@dataclass
class ReportContent:
    unit: Unit
    form_name: str  # "Sơ kết công tác dân vận"
    period: Period
    sections: list[Section] = field(default_factory=list)  # the narrative, from the submission
    indicators: list[IndicatorRow] = field(default_factory=list)
    children: list[str] = field(default_factory=list)  # child-unit names, the order of the columns
    form_code: str = ""
    introduction: list[str] = field(default_factory=list)


ReportSource = Callable[[Unit, str, Period], ReportContent]
_source: list[ReportSource] = []


def set_report_source(source: ReportSource) -> None:
    """Called once by the reporting app: (unit, form code, period) → ReportContent."""
    _source[:] = [source]


def report_source() -> ReportSource:
    if not _source:
        raise InvalidInput(
            "report_source_missing",
            "Chưa có nguồn số liệu báo cáo định kỳ (phân hệ Báo cáo chưa được cài đặt), "
            "nên chưa tạo được văn bản báo cáo.",
        )
    return _source[0]


class ReportParameters(CommonParameters):
    form: str = Field(min_length=1, max_length=40)
    period: str = Field(min_length=1, max_length=20)
    by_child: bool = True  # a breakdown by child unit: columns when few, else a table of its own
    compare_last_year: bool = True

    @field_validator("period")
    @classmethod
    def _period(cls, value: str) -> str:
        try:
            return Period.parse(value).code
        except InvalidInput as exc:
            raise ValueError(exc.message) from exc


def _ratio(value: Number | None, previous: Number | None) -> float | None:
    if value is None or not previous:
        return None
    return round(100 * float(value) / float(previous), 1)


def _period_words(period: Period) -> str:
    label = period.label
    return label[0].lower() + label[1:]


def indicator_table(content: ReportContent, *, child_columns: bool, compare: bool) -> Table:
    compare = compare and any(row.last_year is not None for row in content.indicators)
    per_child = child_columns and 0 < len(content.children) <= CHILD_COLUMNS_MAX
    first = [
        HeaderCell("TT"),
        HeaderCell("Chỉ tiêu"),
        HeaderCell("Đơn vị tính"),
        HeaderCell(content.period.label),
    ]
    second: list[HeaderCell | str] = []
    if compare:
        first += [HeaderCell("Cùng kỳ năm trước"), HeaderCell("So sánh (%)")]
    if per_child:
        first += [HeaderCell("Trong đó", colspan=len(content.children))]
        second = list(content.children)
        first = [HeaderCell(c.text, rowspan=2) if c.text != "Trong đó" else c for c in first]
    rows: list[list[Cell]] = []
    for number, row in enumerate(content.indicators, start=1):
        values: list[Cell] = [str(number), row.label, row.unit_of_measure, row.value]
        if compare:
            values += [row.last_year, _ratio(row.value, row.last_year)]
        if per_child:
            values += [*row.children, *[None] * (len(content.children) - len(row.children))]
        rows.append(values)
    header: list[list[HeaderCell | str]] = [list(first), second] if second else [list(first)]
    table = Table("Bảng 1. Kết quả thực hiện các chỉ tiêu", header, rows)
    table.widths_cm = _widths(table.column_count)
    return table


def _widths(columns: int) -> list[float]:
    """TT narrow, the label wide, the unit of measure, then the numbers sharing what is left."""
    numbers = columns - 3
    number_width = min(2.4, (TEXT_WIDTH_CM - 1.0 - 1.8 - 4.5) / max(numbers, 1))
    label = TEXT_WIDTH_CM - 1.0 - 1.8 - number_width * numbers
    return [1.0, label, 1.8] + [number_width] * numbers


def children_table(content: ReportContent) -> Table | None:
    keys = [row for row in content.indicators if row.key] or content.indicators
    keys = keys[:KEY_INDICATORS_MAX]
    if not content.children or not keys:
        return None
    header: list[HeaderCell | str] = [HeaderCell("TT"), HeaderCell("Đơn vị")]
    header += [f"{row.label} ({row.unit_of_measure})" for row in keys]
    rows: list[list[Cell]] = []
    for index, name in enumerate(content.children):
        values = [row.children[index] if index < len(row.children) else None for row in keys]
        rows.append([str(index + 1), name, *values])
    rows.append(["", "Tổng cộng", *[row.value for row in keys]])
    table = Table("Bảng 2. Một số chỉ tiêu chủ yếu theo đơn vị", [header], rows, total_row=True)
    number_width = min(2.4, (TEXT_WIDTH_CM - 1.0 - 3.5) / len(keys))
    table.widths_cm = [1.0, TEXT_WIDTH_CM - 1.0 - number_width * len(keys)] + [number_width] * len(keys)
    return table


def report_document(content: ReportContent, request: BuildRequest) -> OfficialDocument:
    p = request.parameters
    by_child = p.get("by_child", True)
    tables = [indicator_table(content, child_columns=by_child, compare=p.get("compare_last_year", True))]
    if by_child and len(content.children) > CHILD_COLUMNS_MAX:
        by_child = children_table(content)
        if by_child is not None:
            tables.append(by_child)
    return OfficialDocument(
        **request.identity(kind_label="BÁO CÁO", kind_code="BC"),
        title=f"{content.form_name} {_period_words(content.period)}",
        introduction=content.introduction,
        sections=content.sections,
        tables=tables if content.indicators else [],
    )


def build_report(request: BuildRequest) -> OfficialDocument:
    period = Period.parse(request.parameters["period"])
    content = report_source()(request.unit, request.parameters["form"], period)
    request.report_progress(40)
    return report_document(content, request)
