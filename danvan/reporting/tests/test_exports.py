"""Reporting lists in Excel: submissions, a rollup and the completeness by child unit hold what
their pages show; another commune's user exports none of commune A's reports."""

from typing import Any

from danvan.audit.models import AuditEvent
from danvan.core.tests.exports import column, exported, rows_of
from danvan.reporting.models import Submission, Value


def _snapshot() -> list[Any]:
    return [
        *Submission.objects.values_list("pk", "status", "version"),
        *Value.objects.values_list("pk", "number"),
    ]


def test_submissions_export_holds_the_filtered_page(tree, personas, report, client_for):
    report(tree.commune_a, "2026-M08", reporter=personas.reporter_a, approve=False)
    report(tree.commune_b, "2026-M08", reporter=personas.reporter_b)
    client = client_for(personas.approver)
    query = {"status": "approved"}
    shown = [s.unit.name for s in client.get("/bao-cao/", query).context["page"]]
    header, rows = exported(client.get("/bao-cao/", {**query, "xuat": "xlsx"}))
    assert [r[header.index("Đơn vị")] for r in rows] == shown == ["Phường Phú Lợi"]
    assert rows[0][header.index("Kỳ")] == "Tháng 8/2026" and rows[0][header.index("Trạng thái")] == "Đã duyệt"


def test_rollup_and_completeness_exports(tree, personas, report, client_for):
    report(tree.commune_a, "2026-M08", reporter=personas.reporter_a, propaganda_sessions=7)
    report(tree.commune_b, "2026-M08", reporter=personas.reporter_b, propaganda_sessions=5, approve=False)
    client = client_for(personas.approver)
    query = {"indicator": "propaganda_sessions", "period": "2026-M08", "unit": "92", "xuat": "xlsx"}
    header, rows = exported(client.get("/bao-cao/tong-hop/", query))
    assert header[:2] == ["Đơn vị", "Mã đơn vị"]
    assert [r[:3] for r in rows] == [
        ["Phường Phú Lợi", "31528", None],
        ["Phường Sóc Trăng", "31510", 7],
        ["Thành phố Cần Thơ", "92", 7],
    ]
    query = {"form": "dv-xa-thang", "period": "2026-M08", "unit": "92", "xuat": "xlsx"}
    header, rows = exported(client.get("/bao-cao/tien-do/", query))
    by_code = {r[1]: r for r in rows}
    assert by_code["92"][header.index("Phải nộp")] == 2 and by_code["92"][header.index("Đã nộp")] == 2
    assert by_code["92"][header.index("Đã duyệt")] == 1 and by_code["92"][header.index("Tỷ lệ")] == 1.0


def test_another_commune_exports_nothing_of_commune_a(tree, personas, report, client_for):
    report(tree.commune_a, "2026-M08", reporter=personas.reporter_a)
    before, events = _snapshot(), AuditEvent.objects.count()
    client = client_for(personas.reporter_b)
    assert column(client.get("/bao-cao/", {"xuat": "xlsx"}), "Đơn vị") == []
    assert client.get("/bao-cao/tong-hop/", {"unit": "31510", "xuat": "xlsx"}).status_code == 404
    assert (
        client.get("/bao-cao/tien-do/", {"form": "dv-xa-thang", "unit": "31510", "xuat": "xlsx"}).status_code
        == 404
    )
    assert _snapshot() == before and AuditEvent.objects.count() == events


def test_the_indicators_catalogue(standard_forms, personas, client_for):
    response = client_for(personas.reporter_a).get("/bao-cao/chi-tieu/", {"xuat": "xlsx"})
    assert response.status_code == 200
    cells = rows_of(response)
    assert ["Mã", "Tên chỉ tiêu", "Đơn vị tính", "Kiểu", "Cách tổng hợp", "Nguồn tự động"] in cells
    assert any(r[:1] == ["propaganda_sessions"] for r in cells)
