"""The reporting flow in the browser: the commune reporter finds the report due with the
figure the system knows already there, fills the rest, submits; the province leader returns one
value with a comment; the reporter fixes it; it is approved; the province rollup and the
completeness page change at once."""

import re
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from danvan.core.periods import Period, PeriodKind
from danvan.practices.tests.test_flow_browser import log_in
from danvan.reporting.models import Status, Submission, Value

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def row(page: Page, label: str) -> Any:
    return page.locator("tr", has=page.get_by_role("rowheader", name=re.compile(re.escape(label))))


def test_fill_submit_return_fix_approve_and_count(
    page: Page,
    live_server: Any,
    personas: Any,
    tree: Any,
    password: str,
    standard_forms: None,
    registered_model: Any,
) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    base = live_server.url + "/bao-cao/"
    period = Period.of_kind_containing(PeriodKind.MONTH, timezone.localdate())

    log_in(page, base, personas.reporter_a.username, password)
    due = page.locator("tr", has=page.get_by_text(period.label)).filter(
        has_text="Báo cáo công tác dân vận tháng"
    )
    due.get_by_role("button", name="Lập báo cáo").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Báo cáo công tác dân vận tháng (cấp xã)")
    registered = row(page, "Mô hình, điển hình Dân vận khéo đăng ký — Mô hình")
    expect(registered.get_by_role("textbox").first).to_have_value("1")
    expect(registered).to_contain_text("Tự động: 1")

    # Autosave one value with htmx, then refuse a bad value in place.
    meetings = row(page, "Buổi tuyên truyền chủ trương, chính sách")
    meetings.get_by_role("textbox").first.fill("5")
    meetings.get_by_role("textbox").first.press("Tab")
    expect(row(page, "Buổi tuyên truyền chủ trương, chính sách").get_by_text("Sửa bởi")).to_be_visible()
    opinions = row(page, "Ý kiến, kiến nghị nêu tại đối thoại")
    opinions.get_by_role("textbox").first.fill("mười hai")
    opinions.get_by_role("textbox").first.press("Tab")
    expect(row(page, "Ý kiến, kiến nghị nêu tại đối thoại").get_by_role("alert")).to_contain_text(
        "Không hiểu số"
    )
    assert Value.objects.get(indicator__code="dialogue_opinions").number == 0  # still the system's own figure
    # The system's own figure (0 dialogues recorded in DanVan) is overridden with a reason.
    for label, number in (
        ("Ý kiến, kiến nghị nêu tại đối thoại", "1.250"),
        ("Ý kiến được giải đáp ngay tại đối thoại", "1.200"),
    ):
        row(page, label).get_by_placeholder("Lý do nếu sửa số tự động").fill(
            "Đối thoại chưa nhập vào phân hệ"
        )
        row(page, label).get_by_role("textbox").first.fill(number)
        row(page, label).get_by_role("textbox").first.press("Tab")
        expect(row(page, label).get_by_text("Sửa bởi")).to_be_visible()  # autosaved
    page.get_by_role("button", name="Lưu và nộp báo cáo").click()
    expect(page.locator("mark.status")).to_have_text("Đã nộp")
    submission = Submission.objects.get()
    assert (
        submission.status == Status.SUBMITTED
        and Value.objects.get(indicator__code="dialogue_opinions").number == 1250
    )

    # The province leader returns one value with a comment.
    log_in(page, f"{live_server.url}/bao-cao/{submission.pk}/", personas.approver.username, password)
    page.get_by_text("Trả lại để sửa").click()
    page.get_by_role("textbox", name=re.compile("^Buổi tuyên truyền chủ trương, chính sách")).fill(
        "Tháng này có 4 cuộc."
    )
    page.get_by_role("button", name="Trả lại", exact=True).click()
    expect(page.locator("mark.status")).to_have_text("Trả lại để sửa")

    # The reporter sees it, fixes that value only, and submits again.
    log_in(page, f"{live_server.url}/bao-cao/{submission.pk}/", personas.reporter_a.username, password)
    expect(page.get_by_text("Tháng này có 4 cuộc.")).to_be_visible()
    expect(row(page, "Ý kiến, kiến nghị nêu tại đối thoại").get_by_role("textbox")).to_have_count(0)  # locked
    row(page, "Buổi tuyên truyền chủ trương, chính sách").get_by_role("textbox").first.fill("4")
    row(page, "Buổi tuyên truyền chủ trương, chính sách").get_by_role("textbox").first.press("Tab")
    page.wait_for_load_state("networkidle")  # the autosave answered before the form is sent
    page.get_by_role("button", name="Lưu và nộp báo cáo").click()
    expect(page.locator("mark.status")).to_have_text("Đã nộp")

    # Approved: the province figures change at once.
    log_in(page, f"{live_server.url}/bao-cao/{submission.pk}/", personas.approver.username, password)
    page.get_by_role("button", name="Duyệt báo cáo").click()
    expect(page.locator("mark.status")).to_have_text("Đã duyệt")
    page.goto(
        f"{live_server.url}/bao-cao/tong-hop/?indicator=propaganda_sessions&period={period.code}&unit=92"
    )
    expect(page.locator("#rollup-value")).to_have_text("4")
    expect(page.locator('td[data-code="31510"]')).to_have_text("4")
    expect(page.locator('td[data-code="31528"]')).to_have_text("—")
    page.goto(f"{live_server.url}/bao-cao/tien-do/?form=dv-xa-thang&period={period.code}&unit=92")
    expect(page.locator("#completeness-rate")).to_contain_text("50")
