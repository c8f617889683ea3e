"""Dashboards drill from the nation to a neighbourhood; every figure links to its records (or to
the approved reports it adds up); the child-unit table and the ranking export to Excel."""

from typing import Any

import pytest

from danvan.core.tests.exports import exported
from danvan.territory.models import Kind, Level
from danvan.territory.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


def test_drill_from_the_nation_to_a_neighbourhood(
    client_for: Any, tree: Any, personas: Any, report: Any
) -> None:
    UnitFactory(
        name="Khóm 1", code="31510-001", kind=Kind.KHOM, level=Level.NEIGHBOURHOOD, parent=tree.commune_a
    )
    report(tree.commune_a, "2026-M03", reporter=personas.reporter_a, dialogues_held=2)
    client = client_for(personas.admin)
    steps = [
        ("", "?period=2026&amp;unit=92"),
        ("92", "?period=2026&amp;unit=31510"),
        ("31510", "?period=2026&amp;unit=31510-001"),
    ]
    for code, child_link in steps:
        page = client.get("/tong-quan/", {"period": "2026", "unit": code})
        assert page.status_code == 200 and child_link in page.text, code
    leaf = client.get("/tong-quan/", {"period": "2026", "unit": "31510-001"})
    assert leaf.status_code == 200 and "Khóm 1" in leaf.text and "Không có đơn vị trực thuộc." in leaf.text
    assert "Thành phố Cần Thơ" in leaf.text and "Phường Sóc Trăng" in leaf.text  # the way back up


def test_figures_link_to_their_records_and_their_source(
    client_for: Any, tree: Any, personas: Any, report: Any
) -> None:
    report(tree.commune_a, "2026-M03", reporter=personas.reporter_a, dialogues_held=2, gifts_given=120)
    html = client_for(personas.approver).get("/tong-quan/", {"period": "2026-H1", "unit": "92"}).text
    assert "/dan-van-kheo/?year=2026&amp;unit=92" in html  # models registered → the registry, filtered
    assert "/an-sinh/thong-ke/?unit=92&amp;period=2026-H1" in html  # gifts → the campaigns' breakdown
    assert "/y-kien/thong-ke/?unit=31510&amp;period=2026-H1" in html  # a child cell → its own records
    assert "/bao-cao/tong-hop/?indicator=dialogues_held&amp;period=2026-H1&amp;unit=92" in html  # the source
    assert "/hoi-vien/?unit=31528&amp;period=2026-H1" in html
    registry = client_for(personas.approver).get("/dan-van-kheo/", {"year": "2026", "unit": "92"})
    assert registry.status_code == 200


def test_children_and_ranking_export(client_for: Any, tree: Any, personas: Any, report: Any) -> None:
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
    client = client_for(personas.approver)
    query = {"period": "2026-H1", "unit": "92"}
    board = client.get("/tong-quan/", query).context["board"]
    header, rows = exported(client.get("/tong-quan/", {**query, "xuat": "don-vi"}))
    assert [r[:2] for r in rows] == [[c["name"], c["code"]] for c in board.children]
    held = header.index("Cuộc đối thoại với Nhân dân")
    assert {r[1]: r[held] for r in rows} == {"31510": 2, "31528": 1}
    header, rows = exported(client.get("/tong-quan/", {**query, "xuat": "xep-hang"}))
    assert [r[:3] for r in rows] == [[1, "Phường Sóc Trăng", "31510"], [2, "Phường Phú Lợi", "31528"]]
    assert rows[0][3] == 0.95 and rows[1][3] == 0.5  # percentages as shares with a % format


def test_another_province_cannot_export_these_units(client_for: Any, tree: Any, personas: Any) -> None:
    client = client_for(personas.other_approver)
    assert client.get("/tong-quan/", {"unit": "92", "xuat": "don-vi"}).status_code == 404
    assert (
        client_for(personas.reporter_b).get("/tong-quan/", {"unit": "31510", "xuat": "xep-hang"}).status_code
        == 404
    )
