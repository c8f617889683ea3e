"""The reports list's rows, built in Python (views.submission_rows): each report links to its
page with its form, unit, period, status (and "late" when filed after the deadline) and the time
it was filed; names are escaped; the approver's list and the empty list read as before."""

import datetime as dt
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext

from danvan.reporting.models import Status, Submission
from danvan.territory.models import Unit


def _cells(html: str, pk: int) -> str:
    start = html.index(f'<a href="/bao-cao/{pk}/">')
    return html[html.rindex("<tr>", 0, start) : html.index("</tr>", start)]


def test_each_row_links_and_reads_as_the_report(
    client_for: Any, report: Any, personas: Any, tree: Any
) -> None:
    Unit.objects.filter(pk=tree.commune_a.pk).update(name="Phường <Sóc> Trăng & Co")
    approved = report(tree.commune_a, "2026-M02", reporter=personas.reporter_a, approve=True)
    late = report(tree.commune_a, "2026-M03", reporter=personas.reporter_a, approve=False)
    filed_at = dt.datetime(2026, 4, 20, 9, 5, tzinfo=dt.UTC)  # 16:05 in Việt Nam, after the deadline
    Submission.objects.filter(pk=late.pk).update(submitted_at=filed_at)
    on_time = dt.datetime(2026, 2, 28, 3, 0, tzinfo=dt.UTC)  # 10:00 on the period's last day
    Submission.objects.filter(pk=approved.pk).update(submitted_at=on_time)
    html = client_for(personas.reporter_a).get("/bao-cao/").content.decode()

    row = _cells(html, late.pk)
    assert f'<a href="/bao-cao/{late.pk}/">{late.form.name}</a>' in row
    assert "<td>Phường &lt;Sóc&gt; Trăng &amp; Co</td>" in row and "<Sóc>" not in html
    assert "<td>Tháng 3/2026</td>" in row
    assert '<mark class="status submitted">Đã nộp</mark> <mark class="late">muộn</mark>' in row
    assert "<td>16:05 ngày 20/04/2026</td>" in row

    row = _cells(html, approved.pk)
    assert "<td>Tháng 2/2026</td>" in row and '<mark class="status approved">' in row
    assert 'class="late"' not in row
    assert "<td>10:00 ngày 28/02/2026</td>" in row


def test_the_approvers_list_and_an_empty_list(client_for: Any, report: Any, personas: Any, tree: Any) -> None:
    waiting = report(tree.commune_a, "2026-M03", reporter=personas.reporter_a, approve=False)
    draft_list = client_for(personas.approver).get("/bao-cao/?status=draft").content.decode()
    assert "Chưa có báo cáo nào." in draft_list and f'href="/bao-cao/{waiting.pk}/"' not in draft_list
    waiting_list = client_for(personas.approver).get(f"/bao-cao/?status={Status.SUBMITTED}").content.decode()
    assert f'href="/bao-cao/{waiting.pk}/"' in waiting_list and "Chưa có báo cáo nào." not in waiting_list
    assert "Đã nộp" in _cells(waiting_list, waiting.pk) and "—" not in _cells(waiting_list, waiting.pk)
    draft = client_for(personas.reporter_b).get("/bao-cao/").content.decode()
    assert f'href="/bao-cao/{waiting.pk}/"' not in draft  # another commune's report is not listed


def test_the_list_reads_the_same_queries_for_one_report_or_many(
    client_for: Any, report: Any, personas: Any, tree: Any
) -> None:
    """No read per row: the rows come with their form and unit."""
    client = client_for(personas.approver)
    report(tree.commune_a, "2026-M01", reporter=personas.reporter_a, approve=False)
    client.get("/bao-cao/")
    with CaptureQueriesContext(connection) as one:
        assert client.get("/bao-cao/").status_code == 200
    for period in ("2026-M02", "2026-M03"):
        report(tree.commune_a, period, reporter=personas.reporter_a, approve=False)
        report(tree.commune_b, period, reporter=personas.reporter_b, approve=False)
    with CaptureQueriesContext(connection) as five:
        html = client.get("/bao-cao/").content.decode()
    assert html.count('<a href="/bao-cao/') >= 5
    assert len(five.captured_queries) == len(one.captured_queries)
