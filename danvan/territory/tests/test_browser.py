"""A commune reporter finds their ward by an old name, typed without accents, and adds a
neighbourhood; a duplicate is refused with a message and nothing is added twice."""

import pytest
from playwright.sync_api import Page, expect

from danvan.territory.models import Level, Unit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_reporter_finds_ward_by_old_name_and_adds_a_neighbourhood(
    page: Page, live_server, personas, tree, password
):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + "/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(personas.reporter_a.username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Phường Sóc Trăng")

    page.goto(live_server.url + "/dia-ban/")
    page.get_by_label("Tìm đơn vị").fill("phuong 2")  # the old ward merged into Phường Sóc Trăng
    page.get_by_role("button", name="Tìm").click()
    result = page.get_by_role("link", name="Phường Sóc Trăng")
    expect(result).to_be_visible()
    expect(page.get_by_text("trước đây: Phường 2")).to_be_visible()
    result.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Phường Sóc Trăng")

    form = page.locator("#thon form")
    form.get_by_label("Tên").fill("Khóm 3")
    form.get_by_label("Loại").select_option(label="Khóm")
    form.get_by_role("button", name="Thêm").click()
    expect(page.locator("#thon").get_by_role("link", name="Khóm 3")).to_be_visible()

    form = page.locator("#thon form")
    form.get_by_label("Tên").fill("khom 3")
    form.get_by_role("button", name="Thêm").click()
    expect(page.locator("#thon .errorlist")).to_be_visible()
    assert Unit.objects.filter(parent=tree.commune_a, level=Level.NEIGHBOURHOOD).count() == 1
