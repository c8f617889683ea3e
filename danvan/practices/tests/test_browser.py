"""Registering a model as a commune reporter meets it: similar proven models appear while typing."""

import pytest
from playwright.sync_api import Page, expect

from danvan.practices.models import Practice

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_register_after_seeing_similar_models(
    page: Page, live_server, personas, tree, password, register, recognize
):
    recognize(register("Tuyến đường hoa tự quản", user=personas.reporter_b, unit=tree.commune_b))
    page.goto(live_server.url + "/dan-van-kheo/dang-ky/")
    page.get_by_label("Tên đăng nhập").fill(personas.reporter_a.username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Đăng ký mô hình")
    page.get_by_label("Tên mô hình, điển hình").fill("Đường hoa khóm 3")
    expect(page.locator("#similar")).to_contain_text("Tuyến đường hoa tự quản")
    page.get_by_label("Lĩnh vực").select_option(label="Kinh tế")
    page.get_by_label("Kinh phí (đồng)").fill("khoảng bốn tỷ")
    page.get_by_role("button", name="Đăng ký", exact=True).click()
    expect(page.locator(".errorlist")).to_contain_text("Không hiểu số tiền")
    page.get_by_label("Kinh phí (đồng)").fill("4 tỷ")
    page.get_by_role("button", name="Đăng ký", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Đường hoa khóm 3")
    expect(page.get_by_text("4 tỷ đồng")).to_be_visible()
    assert Practice.objects.get(name="Đường hoa khóm 3").budget == 4_000_000_000
