"""The dashboard on a phone-width screen: the charts are drawn from the tables beside them, the
numbers stay available as tables, and nothing makes the page wider than the screen."""

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from danvan.reporting.tests.conftest import seed_standard_forms

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_dashboard_reads_on_a_phone(
    page: Page, live_server: Any, tree: Any, personas: Any, report: Any, password: str
) -> None:
    seed_standard_forms()
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
        "2026-M05",
        reporter=personas.reporter_b,
        dialogues_held=4,
        dialogue_opinions=10,
        dialogue_answered=5,
    )
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"{live_server.url}/tong-quan/?period=2026-H1&unit=92")
    page.get_by_label("Tên đăng nhập").fill(personas.approver.username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.locator("canvas.chart[data-drawn='1']")).to_have_count(4)  # three trends and models by kind
    trend = page.locator("table#trend-dialogues_held")
    expect(trend.locator("caption")).to_be_visible()
    expect(trend.locator("tbody td")).to_have_count(12)  # the twelve months, as numbers
    drawn = page.evaluate(
        "Chart.getChart(document.querySelector('canvas[data-for=\"trend-dialogues_held\"]')).data.datasets[0].data"
    )
    assert [v for v in drawn if v is not None] == [2, 4]  # March and May: the chart reads the table's numbers
    box = page.locator("canvas.chart").first.bounding_box()
    assert box is not None and box["width"] <= 375 and box["height"] >= 200  # tall enough to read
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
    folder = Path(settings.BASE_DIR) / "var" / "dashboards"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / "dien-thoai.png"), full_page=True)
