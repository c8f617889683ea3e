"""Reference data seeded by the data migration: topics, clock rule versions, the holiday calendar
2025–2027. All of it is editable afterwards (admin pages); the migration only fills empty rows.

The holiday rows follow the Labour Code 2019 (Điều 112) and the yearly notices on days off of
public servants; admins check each year's notice and adjust the rows on «Lịch ngày nghỉ».
"""

import datetime as dt
from typing import Any

TOPICS = [
    ("dat-dai", "Đất đai, nhà ở", 10),
    ("moi-truong", "Môi trường, vệ sinh", 20),
    ("ha-tang", "Hạ tầng, giao thông, điện, nước", 30),
    ("an-sinh", "Chính sách an sinh xã hội", 40),
    ("y-te-giao-duc", "Y tế, giáo dục", 50),
    ("an-ninh-trat-tu", "An ninh, trật tự", 60),
    ("thu-tuc-hanh-chinh", "Thủ tục hành chính", 70),
    ("can-bo", "Cán bộ, công chức", 80),
    ("khac", "Lĩnh vực khác", 999),
]

LAW_COMPLAINTS = "Luật Khiếu nại số 02/2011/QH13 (Điều 7, 9, 27, 28, 33, 36, 37)."
LAW_DENUNCIATION = "Luật Tố cáo số 25/2018/QH14 (Điều 29, 30)."
LAW_136 = (
    "Luật số 136/2025/QH15 sửa đổi, bổ sung một số điều của Luật Tiếp công dân, Luật Khiếu nại "
    "và Luật Tố cáo, có hiệu lực từ 01/7/2026: thời hạn thụ lý tính theo ngày làm việc. "
    "Cán bộ pháp chế rà soát lại các con số khi có văn bản hướng dẫn."
)
LOCAL_FEEDBACK = (
    "Quy định mẫu của địa phương về tiếp nhận, xử lý phản ánh, kiến nghị: báo đã nhận trong "
    "8 giờ làm việc, trả lời trong 3 ngày làm việc; tỉnh có quy định riêng thì thêm phiên bản riêng."
)

_COMPLAINT_FIRST = {
    "filing_limit_days": 90,
    "accept_days": 10,
    "resolve_days": 30,
    "resolve_days_complex": 45,
    "resolve_days_remote": 45,
    "resolve_days_remote_complex": 60,
}
_COMPLAINT_SECOND = {
    "filing_limit_days": 30,
    "accept_days": 10,
    "resolve_days": 45,
    "resolve_days_complex": 60,
    "resolve_days_remote": 60,
    "resolve_days_remote_complex": 70,
}
_DENUNCIATION = {
    "accept_days": 7,
    "accept_day_kind": "working",
    "resolve_days": 30,
    "resolve_days_complex": 30,
    "resolve_days_remote": 30,
    "resolve_days_remote_complex": 30,
    "extension_days": 30,
    "extensions_complex": 1,
    "extensions_especially": 2,
}
_FEEDBACK = {
    "ack_working_hours": 8,
    "accept_days": 1,
    "accept_day_kind": "working",
    "resolve_days": 3,
    "resolve_days_complex": 3,
    "resolve_days_remote": 3,
    "resolve_days_remote_complex": 3,
    "resolve_day_kind": "working",
    "extension_days": 5,
    "extensions_complex": 1,
    "extensions_especially": 1,
}
SWITCH = dt.date(2026, 7, 1)

# (clock, effective_from, name, legal basis, values)
CLOCK_RULES: list[tuple[str, dt.date, str, str, dict[str, Any]]] = [
    ("complaint_first", dt.date(2012, 7, 1), "Luật Khiếu nại 2011", LAW_COMPLAINTS, _COMPLAINT_FIRST),
    ("complaint_second", dt.date(2012, 7, 1), "Luật Khiếu nại 2011", LAW_COMPLAINTS, _COMPLAINT_SECOND),
    ("denunciation", dt.date(2019, 1, 1), "Luật Tố cáo 2018", LAW_DENUNCIATION, _DENUNCIATION),
    ("feedback", dt.date(2012, 7, 1), "Quy định mẫu của địa phương", LOCAL_FEEDBACK, _FEEDBACK),
    (
        "complaint_first",
        SWITCH,
        "Luật Khiếu nại sửa đổi 2025",
        LAW_136,
        _COMPLAINT_FIRST | {"accept_day_kind": "working"},
    ),
    (
        "complaint_second",
        SWITCH,
        "Luật Khiếu nại sửa đổi 2025",
        LAW_136,
        _COMPLAINT_SECOND | {"accept_day_kind": "working"},
    ),
    ("denunciation", SWITCH, "Luật Tố cáo sửa đổi 2025", LAW_136, _DENUNCIATION),
]

TET = "Tết Nguyên đán"
HOLIDAYS: list[tuple[str, str, str]] = [
    # 2025 — Tết Ất Tỵ (mùng 1 = 29/1), 30/4–1/5 with 2/5 swapped for Saturday 26/4.
    ("2025-01-01", "holiday", "Tết Dương lịch"),
    *[(f"2025-01-{d}", "holiday", f"{TET} Ất Tỵ") for d in (27, 28, 29, 30, 31)],
    ("2025-04-07", "holiday", "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),
    ("2025-04-30", "holiday", "Ngày Chiến thắng"),
    ("2025-05-01", "holiday", "Ngày Quốc tế Lao động"),
    ("2025-05-02", "substitute", "Nghỉ hoán đổi (làm bù thứ Bảy 26/4)"),
    ("2025-04-26", "makeup", "Làm bù cho ngày 2/5"),
    ("2025-09-01", "holiday", "Quốc khánh"),
    ("2025-09-02", "holiday", "Quốc khánh"),
    # 2026 — Tết Bính Ngọ (mùng 1 = 17/2); Giỗ Tổ falls on Sunday 26/4.
    ("2026-01-01", "holiday", "Tết Dương lịch"),
    *[(f"2026-02-{d}", "holiday", f"{TET} Bính Ngọ") for d in (16, 17, 18, 19, 20)],
    ("2026-04-27", "substitute", "Nghỉ bù Giỗ Tổ Hùng Vương (Chủ nhật 26/4)"),
    ("2026-04-30", "holiday", "Ngày Chiến thắng"),
    ("2026-05-01", "holiday", "Ngày Quốc tế Lao động"),
    ("2026-09-01", "holiday", "Quốc khánh"),
    ("2026-09-02", "holiday", "Quốc khánh"),
    # 2027 — Tết Đinh Mùi (mùng 1 = 6/2, a Saturday): days off on the weekend are given back.
    ("2027-01-01", "holiday", "Tết Dương lịch"),
    *[(f"2027-02-0{d}", "holiday", f"{TET} Đinh Mùi") for d in (5, 8, 9)],
    ("2027-02-10", "substitute", "Nghỉ bù Tết (thứ Bảy 6/2)"),
    ("2027-02-11", "substitute", "Nghỉ bù Tết (Chủ nhật 7/2)"),
    ("2027-04-16", "holiday", "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),
    ("2027-04-30", "holiday", "Ngày Chiến thắng"),
    ("2027-05-03", "substitute", "Nghỉ bù Ngày Quốc tế Lao động (thứ Bảy 1/5)"),
    ("2027-09-02", "holiday", "Quốc khánh"),
    ("2027-09-03", "holiday", "Quốc khánh"),
]


def seed(apps: Any, schema_editor: Any = None) -> None:
    """Idempotent: rows already there (by their natural key) are left as the admins made them."""
    Topic = apps.get_model("petitions", "Topic")
    ClockRule = apps.get_model("petitions", "ClockRule")
    Holiday = apps.get_model("petitions", "Holiday")
    for code, name, order in TOPICS:
        Topic.objects.get_or_create(code=code, defaults={"name": name, "order": order})
    for clock, effective_from, name, basis, values in CLOCK_RULES:
        ClockRule.objects.get_or_create(
            clock=clock,
            province=None,
            effective_from=effective_from,
            defaults={"name": name, "legal_basis": basis, **values},
        )
    for day, kind, name in HOLIDAYS:
        Holiday.objects.get_or_create(date=dt.date.fromisoformat(day), defaults={"kind": kind, "name": name})
