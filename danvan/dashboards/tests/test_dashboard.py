"""The dashboard: cheap reads, figures that link to their source, drill-down, refusals, API."""

from typing import Any

import pytest

from danvan.core.periods import Period
from danvan.dashboards.selectors import dashboard
from danvan.practices.tests.test_flow_api import bearer

pytestmark = pytest.mark.django_db


def test_kpis_trends_children_and_ranking(
    tree: Any, personas: Any, report: Any, django_assert_max_num_queries: Any
) -> None:
    report(
        tree.commune_a,
        "2026-M03",
        reporter=personas.reporter_a,
        dialogues_held=2,
        dialogue_opinions=40,
        dialogue_answered=38,
    )
    report(
        tree.commune_b,
        "2026-M04",
        reporter=personas.reporter_b,
        dialogues_held=1,
        dialogue_opinions=10,
        dialogue_answered=5,
    )
    dashboard(unit=tree.province, period=Period.parse("2026-H1"))  # the first view counts completeness once
    with django_assert_max_num_queries(8):
        board = dashboard(unit=tree.province, period=Period.parse("2026-H1"))
    kpis = {k.code: k.value for k in board.kpis}
    assert kpis["dialogues_held"] == 3 and kpis["dialogue_answered_rate"] == 86  # 43 / 50
    assert kpis["gifts_given"] == 0  # no campaign recorded: the system’s own figure is 0
    assert board.trends["dialogues_held"][-4:-2] == [2, 1]  # March, April in the 12 months to June
    assert {r["code"]: r["values"]["dialogues_held"] for r in board.children} == {"31510": 2, "31528": 1}
    assert [f.code for f in board.ranking] == ["31510", "31528"]  # 95% before 50%


def test_page_drills_down_and_links_to_sources(
    client_for: Any, tree: Any, personas: Any, report: Any
) -> None:
    report(tree.commune_a, "2026-M03", reporter=personas.reporter_a, dialogues_held=2)
    page = client_for(personas.admin).get("/tong-quan/", {"period": "2026", "unit": ""})
    assert page.status_code == 200
    html = page.content.decode()
    assert "Cả nước" in html and "?period=2026&amp;unit=92" in html  # drill down to the province
    assert "/bao-cao/tong-hop/?indicator=dialogues_held&amp;period=2026&amp;unit=" in html
    province = client_for(personas.approver).get("/tong-quan/", {"period": "2026", "unit": "92"})
    assert "?period=2026&amp;unit=31510" in province.content.decode()
    commune = client_for(personas.approver).get("/tong-quan/", {"period": "2026", "unit": "31510"})
    assert commune.status_code == 200 and "Phường Sóc Trăng" in commune.content.decode()


def test_refusals(client_for: Any, tree: Any, personas: Any, password: str) -> None:
    assert client_for(personas.reporter_b).get("/tong-quan/", {"unit": "31510"}).status_code == 404
    assert client_for(personas.other_approver).get("/tong-quan/", {"unit": "92"}).status_code == 404
    assert client_for(None).get("/tong-quan/").status_code == 302
    api = bearer(personas.reporter_a.username, password)
    assert api.get("/api/v1/dashboards/summary", {"period": "2026"}).status_code == 403
    assert api.get("/api/v1/dashboards/summary", {"period": "2026", "unit": "31528"}).status_code == 404


def test_summary_api(tree: Any, personas: Any, report: Any, password: str) -> None:
    report(tree.commune_a, "2026-M03", reporter=personas.reporter_a, gifts_given=120, funds_raised="1,5 tỷ")
    api = bearer(personas.approver.username, password)
    body = api.get("/api/v1/dashboards/summary", {"period": "2026-Q1", "unit": "92"}).json()
    kpis = {k["code"]: k["value"] for k in body["kpis"]}
    assert float(kpis["gifts_given"]) == 120 and float(kpis["funds_raised"]) == 1_500_000_000
    assert body["period_label"] == "Quý I/2026"


def test_cached_definitions_and_child_lists_follow_changes(tree: Any, personas: Any, report: Any) -> None:
    """The board keeps indicator definitions and child lists in the cache; a neighbourhood added
    or an indicator renamed shows on the next view, not after the cache ages out."""
    from danvan.reporting.models import Indicator
    from danvan.territory.models import Kind
    from danvan.territory.services.neighbourhoods import neighbourhood_create

    period = Period.parse("2026")
    before = dashboard(unit=tree.commune_a, period=period)
    neighbourhood_create(commune=tree.commune_a, name="Khóm 99", kind=Kind.KHOM, actor=personas.admin)
    after = dashboard(unit=tree.commune_a, period=period)
    assert [r["name"] for r in after.children] == [*(r["name"] for r in before.children), "Khóm 99"]
    indicator = Indicator.objects.get(code="dialogue_answered_rate")
    indicator.name = renamed = "Tỷ lệ ý kiến được trả lời ngay"
    indicator.save()
    board = dashboard(unit=tree.province, period=period)
    assert board.score_indicator is not None and board.score_indicator.name == renamed
