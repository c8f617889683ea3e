"""The report document is built from the reporting data: figures, children, last year, narrative."""

import io
from typing import Any

import pytest
from docx import Document

from danvan.accounts.scope import scope_for
from danvan.core.periods import Period
from danvan.documents.models import GeneratedDocument
from danvan.documents.services import document_generate, document_request
from danvan.reporting.documents import report_content

pytestmark = pytest.mark.django_db


def test_report_content_reads_rollups_children_and_last_year(tree: Any, personas: Any, report: Any) -> None:
    report(tree.commune_a, "2025-M03", reporter=personas.reporter_a, propaganda_sessions=2)
    report(tree.commune_a, "2026-M03", reporter=personas.reporter_a, propaganda_sessions=5)
    report(tree.commune_b, "2026-M02", reporter=personas.reporter_b, propaganda_sessions=4)
    content = report_content(tree.province, "dv-tinh-6-thang", Period.parse("2026-H1"))
    row = next(r for r in content.indicators if r.code == "propaganda_sessions")
    assert (row.value, row.last_year) == (9, 2)
    assert content.children == ["Phường Phú Lợi", "Phường Sóc Trăng"]
    assert row.children == [4, 5]


def test_a_province_report_docx_carries_the_figures(
    tree: Any, personas: Any, report: Any, django_capture_on_commit_callbacks: Any
) -> None:
    report(
        tree.commune_a, "2026-M03", reporter=personas.reporter_a, propaganda_sessions=5, gifts_value="4,5 tỷ"
    )
    document = document_request(
        actor=personas.approver,
        scope=scope_for(personas.approver),
        type_code="report",
        unit=tree.province,
        parameters={"form": "dv-tinh-6-thang", "period": "2026-H1"},
    )
    document_generate(document_id=document.pk)
    document = GeneratedDocument.objects.get(pk=document.pk)
    assert document.status == "done", document.error
    docx = Document(io.BytesIO(document.file.read()))
    text = "\n".join(cell.text for table in docx.tables for row in table.rows for cell in row.cells)
    assert "Buổi tuyên truyền chủ trương, chính sách" in text
    assert "4.500.000.000" in text or "4,5" in text
