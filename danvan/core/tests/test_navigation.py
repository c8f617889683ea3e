"""The header's navigation (core/context_processors.py, Navigation): built once per page and
printed twice (desktop bar and mobile menu); only the domains the user's roles open."""

import re

from django.test import Client

from conftest import login


def _menus(html: str) -> list[str]:
    desktop = re.search(r'<ul class="nav-desktop">(.*?)</ul>', html, re.S)
    mobile = re.search(r'<details class="nav-mobile">.*?<ul>(.*?)</ul>', html, re.S)
    assert desktop and mobile
    return [desktop.group(1), mobile.group(1)]


def test_a_reporter_sees_their_domains_the_current_page_marked_and_logout(personas):
    personas.reporter_a.full_name = "Lê <b>Thị</b> Hoa"
    personas.reporter_a.save()
    html = login(personas.reporter_a).get("/bao-cao/").content.decode()
    desktop, mobile = _menus(html)
    assert desktop == mobile
    assert '<a href="/bao-cao/" aria-current="page">Báo cáo</a>' in desktop
    assert desktop.count("aria-current") == 1
    assert '<a href="/">Trang chủ</a>' in desktop
    assert "Người dùng" not in desktop and "Nhật ký" not in desktop  # the unit admin's domains
    assert "Lê &lt;b&gt;Thị&lt;/b&gt; Hoa" in desktop and "<b>Thị</b>" not in html
    assert re.search(r'name="csrfmiddlewaretoken" value="[^"]{32,}"', desktop)
    assert "Đăng xuất" in desktop and "Đăng nhập" not in desktop


def test_the_logout_form_of_the_menu_carries_a_valid_token(personas):
    client = Client(enforce_csrf_checks=True)
    client.force_login(personas.reporter_a, backend="danvan.accounts.backends.AccountBackend")
    desktop = _menus(client.get("/bao-cao/").content.decode())[0]
    action = re.search(r'<form method="post" action="([^"]+)">', desktop).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', desktop).group(1)
    assert client.post(action, {"csrfmiddlewaretoken": token}).status_code == 302
    assert client.get("/bao-cao/").status_code == 302  # logged out: back to the login page


def test_a_unit_admin_sees_the_users_and_the_log(personas):
    desktop = _menus(login(personas.unit_admin).get("/").content.decode())[0]
    assert "Người dùng" in desktop and "Nhật ký" in desktop and "Tác vụ lỗi" not in desktop


def test_a_visitor_gets_the_login_link(db):
    html = Client().get("/tai-khoan/dang-nhap/").content.decode()
    for menu in _menus(html):
        assert "Đăng nhập" in menu and "Đăng xuất" not in menu and "Báo cáo" not in menu
        assert "Cổng thông tin" in menu
