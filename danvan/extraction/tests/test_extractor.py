"""The extractor on short texts written for each rule (no database)."""

import unicodedata

from danvan.extraction.extractor import extract


def _figures(text: str) -> list[tuple[float, str, str | None, int | None]]:
    return [(f["quantity"], f["unit"], f["qualifier"], f["of"]) for f in extract(text)["figures"]]


def test_vietnamese_number_formats_and_money() -> None:
    text = (
        "Năm qua vận động trao 9.365 suất quà, tổng trị giá trên 4 tỷ đồng; 45,7% hộ tham gia; 12/13 "
        "cơ sở đạt chuẩn."
    )
    assert _figures(text) == [
        (9365, "suất quà", None, None),
        (4_000_000_000, "đồng", "trên", None),
        (45.7, "%", None, None),
        (12, "cơ sở", None, 13),
    ]


def test_money_in_words_of_scale_and_qualifiers() -> None:
    text = (
        "Quỹ vận động được hơn 1 tỷ 200 triệu đồng, gần 500 triệu đồng và khoảng 4,5 tỷ đồng; đạt 95% "
        "kế hoạch."
    )
    assert [(q, u, k) for q, u, k, _ in _figures(text)] == [
        (1_200_000_000, "đồng", "hơn"),
        (500_000_000, "đồng", "gần"),
        (4_500_000_000, "đồng", "khoảng"),
        (95, "%", "đạt"),
    ]


def test_dates_durations_anniversaries_documents_terms_are_not_figures() -> None:
    text = (
        "Sáng 5/7, thực hiện Kế hoạch số 71-KH/TU ngày 11/11/2021 và Chỉ thị 33/CT-TTg, hội nghị kỷ niệm "
        "95 năm "
        "Ngày truyền thống (15/10/1930 - 15/10/2025) nhìn lại 6 tháng đầu năm 2021, nhiệm kỳ 2021 - 2026, "
        "phòng chống Covid-19 tại Phường 2 và tổ dân phố 9; có 14 mô hình."
    )
    assert _figures(text) == [(14, "mô hình", None, None)]


def test_page_chrome_is_ignored() -> None:
    text = (
        "Trang chủ | Tin tức | Dân vận | Liên hệ\nLượt xem: 1234\n\n"
        "Ngày 25/8/2020, Ban Dân vận Huyện ủy Thoại Sơn tổ chức hội nghị giao ban với 17 xã, thị trấn "
        "tham dự "
        "và nhiều đại biểu của các ban ngành đoàn thể cùng tham gia thảo luận sôi nổi.\n\n"
        "Bình luận\nĐiện thoại: 0296 3 123 456\nTổng số lượt truy cập: 18116910"
    )
    result = extract(text)
    assert [(f["quantity"], f["unit"]) for f in result["figures"]] == [(17, "xã, thị trấn")]
    assert result["event"]["type"] == "giao ban"


def test_people_with_several_posts() -> None:
    text = (
        "Sáng 22/7, Ban Dân vận Thành ủy sơ kết công tác 6 tháng đầu năm 2021. Dự hội nghị có các đồng chí: "
        "Vũ Văn Minh - UV BTV Thành ủy, Trưởng Ban Dân vận, Chủ tịch UBMTTQ thành phố; Nguyễn Thị Huệ Chi - "
        "Phó chủ tịch UBND thành phố. Phó Bí thư Thường trực Huyện ủy Lâm Văn Hòa chủ trì; bà Trần Thị Bảy, "
        "tổ trưởng tổ dân phố 9, chia sẻ kinh nghiệm. Ông Phạm Văn Hùng, khu vực 4, đề nghị nạo vét cống."
    )
    people = {p["name"]: p["position"] for p in extract(text)["people"]}
    assert people == {
        "Vũ Văn Minh": "UV BTV Thành ủy, Trưởng Ban Dân vận, Chủ tịch UBMTTQ thành phố",
        "Nguyễn Thị Huệ Chi": "Phó chủ tịch UBND thành phố",
        "Lâm Văn Hòa": "Phó Bí thư Thường trực Huyện ủy",
        "Trần Thị Bảy": "tổ trưởng tổ dân phố 9",
        "Phạm Văn Hùng": "",
    }


def test_event_year_from_the_period_and_year_end_review() -> None:
    report = (
        "Sáng 5/7, Ban Dân vận Huyện ủy Long Hồ tổ chức hội nghị sơ kết công tác dân vận 6 tháng đầu "
        "năm 2021."
    )
    event = extract(report)["event"]
    assert (event["type"], event["date"], event["period"]["code"]) == ("sơ kết", "2021-07-05", "2021-H1")
    review = "Sáng 10/1, Ban Dân vận Huyện ủy Mỹ Xuyên tổ chức hội nghị tổng kết công tác dân vận năm 2023."
    assert extract(review)["event"]["date"] == "2024-01-10"  # a year-end review is held the next January
    assert (
        extract("Sáng 10/1, Ban Dân vận tổ chức hội nghị giao ban công tác dân vận.")["event"]["date"] is None
    )


def test_offsets_point_into_nfd_text_as_given() -> None:
    text = unicodedata.normalize(
        "NFD", "Ngày 25/8/2020, Hội Nông dân xã trao tặng 9.365 suất quà trị giá trên 4 tỷ đồng."
    )
    result = extract(text)
    assert [text[f["start"] : f["end"]] for f in result["figures"]] == [
        unicodedata.normalize("NFD", "9.365 suất quà"),
        unicodedata.normalize("NFD", "trên 4 tỷ đồng"),
    ]
    assert result["event"]["date"] == "2020-08-25"


def test_units_linked_to_legacy_and_current_territory(extract_with) -> None:  # type: ignore[no-untyped-def]
    legacy = extract_with(
        "Ngày 11/7/2018, Ban Dân vận Huyện ủy Thoại Sơn tổ chức hội nghị sơ kết 6 tháng đầu năm."
    )
    assert legacy["event"]["unit"] == {"name": "Huyện Thoại Sơn", "level": "district", "code": "894"}
    current = extract_with(
        "Sáng 12/9/2025, Đảng ủy xã Hòa An, tỉnh Cao Bằng tổ chức hội nghị đối thoại với Nhân dân."
    )
    assert current["event"]["unit"] == {"name": "Xã Hòa An", "level": "commune", "code": "01654"}
    city = extract_with(
        "Sáng 22/7/2021, Ban Dân vận Thành ủy Cao Bằng sơ kết công tác dân vận 6 tháng đầu năm."
    )
    assert city["event"]["unit"]["code"] == "040"  # the city (district level), not the province


def test_tasks_from_a_report_section_and_from_a_conclusion() -> None:
    report = (
        "BÁO CÁO\nIII. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 4\n1. Tiếp tục tuyên truyền phòng, chống hạn "
        "mặn.\n2. Hướng dẫn các ấp hoàn chỉnh kế hoạch.\nNơi nhận:\n- Lưu VP."
    )
    assert [t["text"] for t in extract(report)["tasks"]] == [
        "Tiếp tục tuyên truyền phòng, chống hạn mặn.",
        "Hướng dẫn các ấp hoàn chỉnh kế hoạch.",
    ]
    news = (
        "Ngày 5/5/2024, Đảng ủy xã tổ chức hội nghị. Phát biểu kết luận, đồng chí Lê Văn A đề nghị các "
        "chi bộ tiếp tục đổi mới cách làm; Ủy ban MTTQ giám sát việc thực hiện."
    )
    assert [t["text"] for t in extract(news)["tasks"]] == [
        "các chi bộ tiếp tục đổi mới cách làm",
        "Ủy ban MTTQ giám sát việc thực hiện.",
    ]
