"""Petition lists and statistics in Excel: the filtered page, never another commune's items."""

from danvan.core.tests.exports import column, exported, rows_of


def test_the_filtered_list_export_holds_the_page(receive, personas, client_for):
    receive(kind="recommendation", title="Kiến nghị về đền bù")
    receive(title="Kiến nghị sửa đường")
    client = client_for(personas.reporter_a)
    query = {"kind": "recommendation"}
    shown = [p.tracking_code for p in client.get("/y-kien/", query).context["page"]]
    header, rows = exported(client.get("/y-kien/", {**query, "xuat": "xlsx"}))
    assert [r[0] for r in rows] == shown and len(shown) == 1
    assert rows[0][header.index("Tóm tắt")] == "Kiến nghị về đền bù"


def test_another_commune_exports_none_and_nothing_changes(receive, personas, client_for, unchanged):
    receive(title="Kiến nghị của phường A")
    with unchanged():
        assert column(client_for(personas.reporter_b).get("/y-kien/", {"xuat": "xlsx"}), "Mã theo dõi") == []
        assert (
            client_for(personas.reporter_b)
            .get("/y-kien/thong-ke/", {"unit": "31510", "xuat": "xlsx"})
            .status_code
            == 404
        )


def test_stats_export(receive, personas, client_for, today):
    receive(title="Kiến nghị sửa đường")
    cells = rows_of(client_for(personas.approver).get("/y-kien/thong-ke/", {"unit": "92", "xuat": "xlsx"}))
    assert ["Chỉ tiêu", "Đơn vị tính", "Số liệu"] in cells and [
        "Lĩnh vực",
        "Tiếp nhận",
        "Đã giải quyết",
        "Đúng hạn",
    ] in cells
