"""The shell as a person meets it: log in, see the home page of the working unit, switch unit."""

import pytest
from playwright.sync_api import Page, expect

from danvan.accounts.models import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_login_home_and_unit_switch(page: Page, live_server, personas, tree, password):
    user = personas.reporter_a
    user.grants.create(role=Role.VIEWER, unit=tree.other_province)
    page.goto(live_server.url + "/tai-khoan/dang-nhap/")
    expect(page.get_by_role("heading", name="Đăng nhập")).to_be_visible()
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill("sai-mat-khau")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.locator(".errorlist")).to_be_visible()
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tỉnh Cao Bằng")
    page.get_by_label("Đơn vị đang làm việc").select_option(label="Phường Sóc Trăng")
    expect(page.get_by_role("heading", level=1)).to_have_text("Phường Sóc Trăng")
