"""The statistics page and its Excel export."""

import io

from openpyxl import load_workbook

from danvan.practices.models import Kind
from danvan.practices.stats import practice_stats
from danvan.practices.tests.conftest import make_org

STATS = "/dan-van-kheo/thong-ke/"


def seed(register, recognize, personas, tree):
    cell = make_org(tree.commune_a, "Chi bộ khóm 3", "chi_bo_dang_bo")
    school = make_org(tree.commune_a, "Trường Tiểu học Sóc Trăng", "truong_hoc")
    recognize(register("Mô hình của chi bộ", organization=cell))
    register("Mô hình thứ hai của chi bộ", organization=cell)
    register("Mô hình của trường", organization=school, kind=Kind.EXEMPLAR, subject="tap_the")
    register("Mô hình của phường B", user=personas.reporter_b, unit=tree.commune_b)


def test_bodies_are_counted_once_each(register, recognize, personas, tree):
    seed(register, recognize, personas, tree)
    stats = practice_stats(unit=tree.province, year=2026)
    assert stats.bodies == {"chi_dang_bo": 1, "co_quan_don_vi": 1, "commune": 1}
    assert stats.by_body == {"chi_dang_bo": 2, "co_quan_don_vi": 1, "commune": 1}


def test_stats_page_tables_and_sentences(register, recognize, personas, tree, client_for):
    seed(register, recognize, personas, tree)
    page = client_for(personas.approver).get(STATS, {"unit": "92", "year": 2026})
    assert page.status_code == 200
    expected = (
        "Có 4 mô hình, điển hình đăng ký, của 1 cơ quan, đơn vị, 1 chi, đảng bộ và 1 xã, phường, đặc khu."
    )
    assert expected in page.text
    assert "100% xã, phường có đăng ký." in page.text
    tables = {t.title: t for t in page.context["tables"]}
    by_field = tables["Theo lĩnh vực"]
    assert by_field.headers == ["Lĩnh vực", "Mô hình", "Điển hình", "Tổng"]
    assert by_field.rows == [["Kinh tế", 3, 1, 4], ["Tổng cộng", 3, 1, 4]]
    figures = {f.label: f.value for f in page.context["figures"]}
    assert figures["Được công nhận (kể cả tiêu biểu, đã khen thưởng)"] == 1
    assert figures["Tỷ lệ được công nhận trên số đăng ký"] == 25.0


def test_default_unit_is_the_current_one(register, personas, client_for):
    register()
    page = client_for(personas.reporter_a).get(STATS)
    assert page.context["unit"].code == "31510" and page.context["stats"].total == 1


def test_stats_export_reads_back(register, recognize, personas, tree, client_for):
    seed(register, recognize, personas, tree)
    response = client_for(personas.approver).get(STATS, {"unit": "92", "year": 2026, "xuat": "xlsx"})
    book = load_workbook(io.BytesIO(response.getvalue()))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0][0] == "Dân vận khéo năm 2026 — Thành phố Cần Thơ"
    values = {r[0]: r[1] for r in rows if r and r[0]}
    assert values["Mô hình, điển hình đăng ký"] == 4 and values["Tỷ lệ xã, phường có đăng ký"] == 1.0
    share_cell = next(
        r for r in book.active.iter_rows() if r and r[0].value == "Tỷ lệ xã, phường có đăng ký"
    )[1]
    assert share_cell.number_format == "0.0%"
    start = next(i for i, r in enumerate(rows) if r and r[0] == "Theo lĩnh vực")
    assert rows[start + 1][:4] == ("Lĩnh vực", "Mô hình", "Điển hình", "Tổng")
    assert tuple(v for v in rows[start + 2] if v is not None) == ("Kinh tế", 3, 1, 4)


def test_units_outside_the_subtree_are_404(register, personas, client_for):
    client = client_for(personas.reporter_a)
    assert client.get(STATS, {"unit": "31528"}).status_code == 404
    assert client.get(STATS, {"unit": "01273"}).status_code == 404
    assert client.get(STATS, {"unit": "92", "xuat": "xlsx"}).status_code == 404
    bad = client.get(STATS, {"unit": "xx", "year": "abc"})
    assert bad.status_code == 200 and "Không có đơn vị mã «xx»" in bad.text
