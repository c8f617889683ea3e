"""The Hồng Ngự 2022 figures entered in the browser as a person of today's Đồng Tháp does it: the
campaign on the former city, the four distributions (after two refusals), and the province's
statistics reading them back as the article states them."""

import pytest
from playwright.sync_api import Page, expect

from danvan.campaigns.models import Distribution
from danvan.campaigns.tests.test_stats import ARTICLE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def log_in(page: Page, url: str, username: str, password: str) -> None:
    page.context.clear_cookies()
    page.goto(url)
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


def give(
    page: Page, item: str, groups: list[str], quantity: str, value: str = "", day: str = "2022-12-01"
) -> None:
    page.get_by_role("button", name="Ghi nhận trao tặng").click()  # a link styled as a button
    page.get_by_label("Loại hỗ trợ").select_option(label=item)
    for group in groups:
        page.get_by_label(group, exact=True).check()
    page.get_by_label("Số lượng").fill(quantity)
    page.get_by_label("Trị giá (đồng)").fill(value)
    page.get_by_label("Ngày trao").fill(day)
    page.get_by_role("button", name="Lưu").click()


def test_hong_ngu_2022_entered_in_the_browser_reads_back_at_the_province(
    page: Page, live_server, dong_thap, password
):
    page.set_viewport_size({"width": 390, "height": 844})
    base = live_server.url + "/an-sinh"
    log_in(page, f"{base}/tao/", dong_thap.reporter.username, password)
    page.get_by_label("Tên cuộc vận động").fill("Chăm lo hộ nghèo, học sinh khó khăn năm 2022")
    page.get_by_label("Địa bàn").select_option(label="Thành phố Hồng Ngự (869) — trước 1/7/2025")
    page.get_by_label("Từ ngày").fill("2022-01-01")
    page.get_by_label("Đến ngày").fill("2022-12-31")
    page.get_by_label("Chỉ tiêu vận động (đồng)").fill("7 tỷ")
    page.get_by_role("button", name="Tạo cuộc vận động").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Chăm lo hộ nghèo, học sinh khó khăn năm 2022")

    # money typed in the quantity box, then a day after the campaign: both explained, nothing saved
    give(page, "Suất quà", ["Hộ nghèo", "Hộ cận nghèo"], "4 tỷ", "trên 4 tỷ đồng")
    expect(page.get_by_text("Số lượng «4 tỷ» phải là số nguyên, ví dụ 9.365.", exact=False)).to_be_visible()
    page.get_by_label("Số lượng").fill("9.365")
    page.get_by_label("Ngày trao").fill("2023-01-05")
    page.get_by_role("button", name="Lưu").click()
    expect(
        page.get_by_text("nằm ngoài thời gian của cuộc vận động (01/01/2022 – 31/12/2022)", exact=False)
    ).to_be_visible()
    assert Distribution.objects.count() == 0
    page.get_by_label("Ngày trao").fill("2022-12-01")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text(f"Đã ghi nhận: {ARTICLE[0]}.")).to_be_visible()

    give(page, "Điện thoại thông minh", ["Học sinh có hoàn cảnh khó khăn"], "76")
    give(page, "Học bổng", ["Học sinh có hoàn cảnh khó khăn"], "126")
    give(page, "Suất quà", ["Học sinh có hoàn cảnh khó khăn"], "5.863", "trên 3 tỷ đồng")
    expect(page.get_by_text(f"Đã ghi nhận: {ARTICLE[1]}.")).to_be_visible()

    page.goto(f"{base}/thong-ke/?unit=82&period=2022")
    expect(page.get_by_role("heading", level=2)).to_have_text("Tỉnh Đồng Tháp — Năm 2022")
    expect(page.locator("ul.results li")).to_have_text(ARTICLE)
