"""The list page: scope, accent-insensitive search, filters, Vietnamese order, pages, htmx, export."""

import io

import pytest
from openpyxl import load_workbook

from danvan.practices.models import Kind

LIST = "/dan-van-kheo/"


def test_anonymous_is_sent_to_login(db, client_for):
    for url in (LIST, LIST + "xuat-excel/", LIST + "dang-ky/", LIST + "thong-ke/", LIST + "binh-xet/"):
        response = client_for(None).get(url)
        assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]


def test_list_shows_own_drafts_and_recognised_practices_elsewhere(
    register, recognize, personas, tree, client_for
):
    register("Mô hình khóm sạch của phường A")
    recognize(register("Tuyến đường nở hoa", user=personas.reporter_b, unit=tree.commune_b))
    register("Bản nháp của phường B", user=personas.reporter_b, unit=tree.commune_b)
    page = client_for(personas.reporter_a).get(LIST)
    assert page.status_code == 200
    assert "Mô hình khóm sạch của phường A" in page.text and "Tuyến đường nở hoa" in page.text
    assert "Bản nháp của phường B" not in page.text
    assert page.context["breadcrumbs"][1]["label"] == "Dân vận khéo"


def test_search_is_accent_insensitive_and_filters_combine(register, personas, client_for, tree):
    register("Dân vận khéo trong xây dựng nông thôn mới")
    register("Quỹ khuyến học dòng họ", content={"activities": "Trao học bổng cho học sinh nghèo"})
    client = client_for(personas.approver)
    found = client.get(LIST, {"q": "dan van kheo nong thon"})
    assert [p.name for p in found.context["page"]] == ["Dân vận khéo trong xây dựng nông thôn mới"]
    assert [p.name for p in client.get(LIST, {"q": "đường hoa"}).context["page"]] == []
    assert [p.name for p in client.get(LIST, {"q": "hoc bong"}).context["page"]] == ["Quỹ khuyến học dòng họ"]
    assert client.get(LIST, {"kind": Kind.EXEMPLAR}).context["page"].paginator.count == 0
    by_filters = client.get(
        LIST,
        {
            "field": "kinh-te",
            "kind": "mo_hinh",
            "level": "commune",
            "status": "registered",
            "year": 2026,
            "unit": "31510",
        },
    )
    assert by_filters.context["page"].paginator.count == 2
    assert client.get(LIST, {"unit": "31528"}).context["page"].paginator.count == 0


def test_unknown_unit_code_is_a_form_error_not_a_500(register, personas, client_for):
    register()
    page = client_for(personas.approver).get(LIST, {"unit": "99999", "year": "abc"})
    assert page.status_code == 200
    assert "Không có đơn vị mã «99999»" in page.text


def test_names_sort_in_vietnamese_order(register, personas, client_for):
    for name in (
        "Đường hoa",
        "Dòng họ khuyến học",
        "Ánh sáng đường quê",
        "Bếp ăn tình thương",
        "An toàn giao thông",
    ):
        register(name)
    page = client_for(personas.reporter_a).get(LIST, {"order": "name"})
    assert [p.name for p in page.context["page"]] == [
        "An toàn giao thông",
        "Ánh sáng đường quê",
        "Bếp ăn tình thương",
        "Dòng họ khuyến học",
        "Đường hoa",
    ]


def test_pages_and_htmx_partial(register, personas, client_for):
    for n in range(30):
        register(f"Mô hình số {n:02d}")
    client = client_for(personas.reporter_a)
    first = client.get(LIST, {"order": "name"})
    assert first.context["page"].paginator.num_pages == 2 and "Trang 1/2" in first.text
    second = client.get(LIST, {"order": "name", "page": 2}, headers={"HX-Request": "true"})
    assert "<html" not in second.text and "Mô hình số 29" in second.text
    assert "<html" in first.text


@pytest.mark.parametrize("n", [3, 30])
def test_list_query_count_does_not_grow(register, personas, client_for, django_assert_max_num_queries, n):
    for i in range(n):
        register(f"Mô hình {i}")
    client = client_for(personas.approver)
    client.get(LIST)  # warm the session
    with django_assert_max_num_queries(11):  # session, user, grants, lineage, fields, count, page…
        assert client.get(LIST).status_code == 200


def test_export_reads_back_with_vietnamese_headers_and_formats(register, personas, client_for):
    register("Mô hình có kinh phí", content={"budget": 4_500_000_000, "workdays": 1200})
    register('=HYPERLINK("http://x","bấm")')
    register("+cmd|' /C calc'!A0")
    response = client_for(personas.reporter_a).get(LIST, {"order": "name", "xuat": "xlsx"})
    assert response.status_code == 200 and response["Content-Type"].startswith(
        "application/vnd.openxmlformats"
    )
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert (
        rows[0][0] == "Mô hình, điển hình “Dân vận khéo”"
        and rows[1][0] == "Điều kiện lọc: Sắp xếp: Tên (A → Z)"
    )
    assert rows[3][:4] == ("STT", "Tên mô hình, điển hình", "Loại", "Lĩnh vực")
    names = [row[1] for row in rows[4:]]
    assert '\'=HYPERLINK("http://x","bấm")' in names and "'+cmd|' /C calc'!A0" in names
    for row in sheet.iter_rows(min_row=5):
        assert row[1].data_type == "s"  # never a formula
    money_row = next(row for row in sheet.iter_rows(min_row=5) if row[1].value == "Mô hình có kinh phí")
    assert money_row[10].value == 4_500_000_000 and money_row[10].number_format == "#,##0"
    assert money_row[2].value == "Mô hình" and money_row[9].value == "Đã đăng ký"


def test_export_keeps_the_filters_and_the_scope(register, recognize, personas, tree, client_for):
    register("Của phường A")
    register("Bản nháp phường B", user=personas.reporter_b, unit=tree.commune_b)
    response = client_for(personas.reporter_a).get(LIST + "xuat-excel/", {"q": "phuong"}, follow=True)
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    names = [row[1] for row in sheet.iter_rows(min_row=5, values_only=True)]
    assert names == ["Của phường A"]


def test_too_large_export_is_refused_with_a_message(register, personas, client_for, settings):
    settings.DANVAN_MAX_EXPORT_ROWS = 1
    register("Một")
    register("Hai")
    response = client_for(personas.reporter_a).get(LIST, {"xuat": "xlsx"}, follow=True)
    assert "quá 1 dòng" in response.text and response.redirect_chain[-1][0] == LIST
