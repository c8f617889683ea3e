"""The public territory pages on the persona tree."""

import pytest


@pytest.fixture
def neighbourhoods(tree):
    from danvan.territory.models import Kind
    from danvan.territory.services import neighbourhood_create

    return [
        neighbourhood_create(commune=tree.commune_a, name=name, kind=Kind.KHOM, actor=None)
        for name in ["Khóm 10", "Khóm 2", "Khóm Ánh Sáng"]
    ]


def test_index_lists_provinces_in_vietnamese_order(tree, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        page = client.get("/dia-ban/")
    assert page.status_code == 200 and "2 tỉnh, thành phố" in page.text
    assert page.text.index("Tỉnh Cao Bằng") < page.text.index("Thành phố Cần Thơ")
    assert 'hx-get="/dia-ban/"' in page.text and 'name="q"' in page.text
    legacy = client.get("/dia-ban/?truoc=on")
    assert "1 tỉnh, thành phố trước 1/7/2025" in legacy.text
    assert "/dia-ban/94/?ngay=2025-06-30" in legacy.text


def test_search_full_page_and_htmx_partial(tree, client):
    page = client.get("/dia-ban/?q=soc+trang")
    assert "<html" in page.text and "2 đơn vị phù hợp" in page.text
    assert "trước đây: Tỉnh Sóc Trăng" in page.text
    partial = client.get("/dia-ban/?q=thuc+phan", headers={"HX-Request": "true"})
    assert "<html" not in partial.text and "Phường Thục Phán" in partial.text
    assert "Không tìm thấy" in client.get("/dia-ban/?q=zzz").text
    assert "Phường 2" in client.get("/dia-ban/?q=phuong+2&truoc=on").text


def test_province_page(tree, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        page = client.get("/dia-ban/92/")
    text = page.text
    assert page.status_code == 200 and "Thành phố trực thuộc trung ương" in text
    assert text.index("Phường Phú Lợi") < text.index("Phường Sóc Trăng")
    assert "Hình thành từ" in text and 'href="/dia-ban/94/?ngay=2025-06-30"' in text
    assert 'href="/to-chuc/?unit=92"' in text
    partial = client.get("/dia-ban/92/?loc=phu+loi", headers={"HX-Request": "true"})
    assert "Phường Phú Lợi" in partial.text and "Phường Sóc Trăng" not in partial.text
    assert "Phường Sóc Trăng" not in client.get("/dia-ban/92/?loc=phu+loi").text.split("Lọc theo tên")[1]


def test_commune_page_breadcrumbs_lineage_and_neighbourhoods(tree, client, neighbourhoods):
    text = client.get("/dia-ban/31510/").text
    assert (
        '<a href="/dia-ban/">Địa bàn</a>' in text and '<a href="/dia-ban/92/">Thành phố Cần Thơ</a>' in text
    )
    assert "Phường 2" in text and "(Tỉnh Sóc Trăng)" in text
    assert text.index("Khóm Ánh Sáng") < text.index("Khóm 2") < text.index("Khóm 10")
    assert "Thêm thôn, tổ dân phố" not in text  # anonymous reads only
    neighbourhood = client.get("/dia-ban/31510-001/").text
    assert "Thành phố Cần Thơ" in neighbourhood and "không thuộc danh mục chính thức" in neighbourhood


def test_old_units_by_date_and_redirect(tree, client):
    legacy = client.get("/dia-ban/94/?ngay=2025-06-01")
    assert "Đã sáp nhập vào" in legacy.text and "Trước 1/7/2025" in legacy.text
    assert client.get("/dia-ban/94/").url == "/dia-ban/94/?ngay=2025-06-30"
    assert client.get("/dia-ban/92/?ngay=2025-06-01").status_code == 404
    assert client.get("/dia-ban/92/?ngay=01-06-2025").status_code == 404
    assert client.get("/dia-ban/khong-co/").status_code == 404
