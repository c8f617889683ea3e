"""Benchmark of the documents app: the 6-month report .docx of a province with 100 communes.

- `documents.report_docx`: report_document + render_docx (default party template) of a ReportContent
  for the province: 40 indicators × (value, same period last year, ratio), and the table of 100
  child communes × 8 key indicators. The communes are the province's own (the first 100 in
  Vietnamese order); the figures are deterministic made-up numbers, since the benchmark measures
  the rendering, not the reporting app's sums. Target ≤ 2 s.
  Baseline: a bare python-docx document with the same tables and cells (cell.text, no formatting,
  no template), saved in the same run.
"""

import io
from typing import Any

from docx import Document

from bench.fixtures import Fixtures
from bench.registry import Case, benchmark
from danvan.core.periods import Period
from danvan.documents.official import Section
from danvan.documents.registry import BuildRequest
from danvan.documents.rendering import render_docx
from danvan.documents.report import IndicatorRow, ReportContent, report_document
from danvan.territory.models import Level

CHILDREN, INDICATORS, KEYS = 100, 40, 8


def report_content(fx: Fixtures) -> ReportContent:
    children = list(
        fx.province.children.filter(level=Level.COMMUNE)
        .order_by("sort_key")
        .values_list("name", flat=True)[:CHILDREN]
    )
    # Below national scale a province has fewer communes: the rest get made-up names, since
    # this measures rendering, not reading.
    children += [f"Xã thử nghiệm {n}" for n in range(len(children) + 1, CHILDREN + 1)]
    rows = [
        IndicatorRow(
            label=f"Chỉ tiêu số {i + 1} của công tác dân vận",
            unit_of_measure="cuộc",
            value=1000 + 37 * i,
            last_year=900 + 31 * i,
            children=[(i * 7 + c) % 97 for c in range(CHILDREN)],
            key=i < KEYS,
        )
        for i in range(INDICATORS)
    ]
    narrative = [
        Section(
            f"Nội dung {n + 1}",
            ["Kết quả thực hiện trong kỳ được tổng hợp từ báo cáo của các xã, phường."] * 3,
        )
        for n in range(4)
    ]
    return ReportContent(
        unit=fx.province,
        form_name="Sơ kết công tác dân vận",
        period=Period.parse("2021-H1"),
        sections=[Section("KẾT QUẢ THỰC HIỆN", subsections=narrative)],
        indicators=rows,
        children=children,
    )


def bare_docx(shapes: list[tuple[int, int]]) -> bytes:
    document = Document()
    for rows, columns in shapes:
        table = document.add_table(rows=0, cols=columns)
        for r in range(rows):
            for c, cell in enumerate(table.add_row().cells):
                cell.text = str(r * columns + c)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@benchmark("documents.report_docx", baseline="bare python-docx, same table cells")
def report_docx(fx: Fixtures) -> Case:
    """Report .docx of a province with 100 communes: 40 indicators, 100 communes × 8 key indicators."""
    content = report_content(fx)
    request = BuildRequest(
        unit=fx.province, parameters={"form": "so-ket", "period": "2021-H1"}, requested_by=None
    )
    # indicators: 2 header rows + 40 rows × 6 columns; children: 1 header + 100 + total × 10 columns
    shapes = [(2 + INDICATORS, 6), (1 + CHILDREN + 1, 2 + KEYS)]

    def subject() -> Any:
        return render_docx(report_document(content, request))

    def baseline() -> Any:
        return bare_docx(shapes)

    return Case(subject, baseline)
