"""Words of the generated meetings: agenda items, conclusions, tasks by owner, dialogue questions
and reception subjects, in the terms commune staff use (domain.md §4–§5). Written for the
generator, not taken from any article."""

# What a commune's dân vận meeting reviews; an agenda takes two or three of them.
AGENDA_ITEMS = [
    "kết quả thực hiện Quy chế dân chủ ở cơ sở",
    "tình hình tư tưởng, tâm trạng và dư luận xã hội trong Nhân dân",
    "công tác tiếp công dân, giải quyết đơn thư, kiến nghị",
    "tiến độ các mô hình «Dân vận khéo» đã đăng ký",
    "vận động Nhân dân hiến đất, góp công làm đường giao thông nông thôn",
    "chăm lo hộ nghèo, hộ cận nghèo và gia đình chính sách",
    "công tác dân vận chính quyền và cải cách thủ tục hành chính",
    "hoạt động giám sát và phản biện xã hội của Mặt trận và các đoàn thể",
    "tình hình tôn giáo, dân tộc trên địa bàn",
    "phong trào toàn dân đoàn kết xây dựng đời sống văn hóa ở khu dân cư",
    "vận động Nhân dân giữ gìn vệ sinh môi trường, phân loại rác tại nguồn",
    "chuyển đổi số và dịch vụ công trực tuyến cho người dân",
    "phối hợp giữ gìn an ninh chính trị, trật tự an toàn xã hội ở cơ sở",
]

CONCLUSIONS = [
    "Hội nghị thống nhất đánh giá kết quả trong kỳ, chỉ ra hạn chế và giao nhiệm vụ cho kỳ tới.",
    "Các cơ quan, đoàn thể bám sát cơ sở, nắm chắc tình hình Nhân dân và báo cáo kịp thời những vấn đề "
    "phát sinh.",
    "Tập trung giải quyết dứt điểm các kiến nghị tồn đọng; công khai kết quả cho Nhân dân biết.",
    "Tiếp tục nhân rộng các mô hình hiệu quả, khắc phục tình trạng đăng ký hình thức.",
]

# Tasks a meeting gives each organization (by the generator's role of the organization).
TASKS: dict[str, list[str]] = {
    "party": [
        "Chỉ đạo các chi bộ thực hiện Quy chế dân chủ ở cơ sở",
        "Kiểm tra việc thực hiện kết luận giao ban",
    ],
    "xdd": [
        "Tham mưu sơ kết các mô hình «Dân vận khéo» đã đăng ký",
        "Tổng hợp tình hình tư tưởng, dư luận xã hội báo cáo Ban Thường vụ",
        "Theo dõi, đôn đốc việc thực hiện các kết luận của Đảng ủy",
    ],
    "tgdv": ["Tham mưu kế hoạch tuyên truyền các ngày lễ lớn", "Hướng dẫn đăng ký mô hình «Dân vận khéo»"],
    "ubnd": [
        "Giải quyết dứt điểm các kiến nghị tồn đọng về đất đai",
        "Niêm yết công khai thủ tục hành chính tại bộ phận một cửa",
        "Sửa chữa tuyến đường liên ấp bị hư hỏng",
        "Rà soát hộ nghèo, hộ cận nghèo cuối năm",
    ],
    "mttq": [
        "Tổng hợp ý kiến, kiến nghị của cử tri và Nhân dân",
        "Vận động ủng hộ Quỹ Vì người nghèo",
        "Giám sát việc bình xét hộ nghèo ở khu dân cư",
        "Chuẩn bị Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư",
    ],
    "doan": [
        "Ra quân tình nguyện vệ sinh môi trường, thắp sáng đường quê",
        "Vận động đoàn viên tham gia chuyển đổi số cộng đồng",
    ],
    "phunu": [
        "Vận động hội viên phân loại rác thải tại nguồn",
        "Hỗ trợ phụ nữ nghèo vay vốn phát triển kinh tế",
    ],
    "nongdan": [
        "Hướng dẫn hội viên chuyển đổi cơ cấu cây trồng, vật nuôi",
        "Liên kết tiêu thụ nông sản cho hội viên",
    ],
    "ccb": ["Tham gia tổ tự quản an ninh trật tự ở khu dân cư", "Hòa giải mâu thuẫn trong Nhân dân"],
    "congdoan": ["Chăm lo đoàn viên có hoàn cảnh khó khăn", "Tổ chức thi đua thực hiện dân vận chính quyền"],
}
TASK_DESCRIPTION = "Báo cáo kết quả thực hiện tại cuộc giao ban kỳ sau."

DIALOGUE_THEMES = [
    "công tác giải phóng mặt bằng, bồi thường, hỗ trợ tái định cư",
    "xây dựng nông thôn mới, đô thị văn minh",
    "cải cách thủ tục hành chính và dịch vụ công trực tuyến",
    "vệ sinh môi trường và xử lý rác thải sinh hoạt",
    "giữ gìn an ninh trật tự ở khu dân cư",
    "chính sách an sinh xã hội, hộ nghèo, hộ cận nghèo",
]
ANSWER_ON_THE_SPOT = "Đã giải thích rõ chủ trương, chính sách và hướng giải quyết tại hội nghị."
ANSWER_PROMISED = "Giao cơ quan chuyên môn kiểm tra, giải quyết và trả lời bằng văn bản."

RECEPTION_FOLLOWUPS = [
    "Hướng dẫn công dân gửi hồ sơ đến bộ phận một cửa.",
    "Giao UBND xã kiểm tra, trả lời công dân.",
    "Giải thích, công dân thống nhất.",
    "Chuyển Ủy ban MTTQ xã phối hợp hòa giải.",
]
