"""A unit admin creates a user on a phone-sized screen; the new user logs in and creates an API token."""

import os
import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NEW_PASSWORD = "Mat-khau-ban-dau-2026"
SHOTS = os.environ.get("DANVAN_SCREENSHOTS", "")  # a folder: save screenshots there to look at the pages


def _login(page: Page, url: str, username: str, password: str) -> None:
    page.goto(url + "/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(url + "/")


def test_admin_creates_a_user_who_then_logs_in(page: Page, live_server, personas, tree, password):
    page.set_viewport_size({"width": 390, "height": 844})
    _login(page, live_server.url, personas.unit_admin.username, password)
    page.goto(live_server.url + "/tai-khoan/nguoi-dung/")
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/users.png", full_page=True)
    page.get_by_role("button", name="Thêm người dùng").click()  # a link styled as a button
    page.get_by_label("Tên đăng nhập").fill("can.bo.moi")
    page.get_by_label("Họ và tên").fill("Cán Bộ Mới")
    page.get_by_label("Mật khẩu ban đầu").fill(NEW_PASSWORD)
    page.get_by_label("Nhập lại mật khẩu").fill("khac-han")
    page.locator("#id_grants-0-unit").select_option(label="— Phường Phú Lợi (31528)")
    page.locator("#id_grants-0-role").select_option(label="Nhập liệu")
    page.get_by_role("button", name="Tạo người dùng").click()
    expect(page.get_by_text("Hai lần nhập mật khẩu không khớp.")).to_be_visible()
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/create.png", full_page=True)
    page.get_by_label("Mật khẩu ban đầu").fill(NEW_PASSWORD)
    page.get_by_label("Nhập lại mật khẩu").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Tạo người dùng").click()
    expect(page.get_by_text("Đã tạo người dùng «can.bo.moi».")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cán Bộ Mới")
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/detail.png", full_page=True)

    page.context.clear_cookies()
    _login(page, live_server.url, "can.bo.moi", NEW_PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Phường Phú Lợi")
    page.goto(live_server.url + "/tai-khoan/ho-so/")
    page.get_by_label("Tên khóa").fill("Máy tổng hợp")
    page.get_by_role("button", name="Tạo khóa").click()
    expect(page.get_by_label("Khóa API mới")).to_have_value(re.compile(r"^dv_"))
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/profile.png", full_page=True)
