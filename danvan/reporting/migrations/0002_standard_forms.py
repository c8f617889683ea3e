"""The standard "Báo cáo công tác dân vận" (domain.md §4): its indicators, cross rules, the
monthly commune form (the one that feeds rollups), the 6-month and annual commune reports, the
district's 6-month report (until districts ended on 30/6/2025) and the province's compiled
reports, assigned everywhere from 1/1/2019.

Sources name the figures other apps already know (their stats.FIGURES); an app that does not
exist yet simply proposes nothing.
"""

import datetime as dt

from django.db import migrations

# code, name, unit of measure, value type, aggregation, source, categories
INDICATORS = [
    ("dvk_registered", "Mô hình, điển hình Dân vận khéo đăng ký", "mô hình", "integer", "sum", "practices.registered",
     [{"code": "mo_hinh", "label": "Mô hình"}, {"code": "dien_hinh", "label": "Điển hình"}]),
    ("dvk_recognized", "Mô hình, điển hình Dân vận khéo được công nhận", "mô hình", "integer", "sum", "practices.recognized", []),
    ("dvk_commended", "Mô hình, điển hình Dân vận khéo được khen thưởng", "mô hình", "integer", "sum", "practices.commended", []),
    ("dvk_replicated", "Mô hình được nhân rộng", "mô hình", "integer", "sum", "practices.replicated", []),
    ("meetings_held", "Hội nghị, cuộc họp của Khối dân vận", "cuộc", "integer", "sum", "meetings.meetings_held", []),
    ("briefings_held", "Cuộc giao ban công tác dân vận", "cuộc", "integer", "sum", "meetings.meetings_giao_ban", []),
    ("dialogues_held", "Cuộc đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân", "cuộc", "integer", "sum", "meetings.dialogues_held", []),
    ("dialogue_opinions", "Ý kiến, kiến nghị nêu tại đối thoại", "ý kiến", "integer", "sum", "meetings.opinions_raised", []),
    ("dialogue_answered", "Ý kiến được giải đáp ngay tại đối thoại", "ý kiến", "integer", "sum", "meetings.opinions_answered_on_the_spot", []),
    ("reception_sessions", "Buổi tiếp công dân của người đứng đầu cấp ủy", "buổi", "integer", "sum", "meetings.reception_sessions_held", []),
    ("reception_citizens", "Lượt công dân được tiếp", "lượt", "integer", "sum", "meetings.reception_citizens", []),
    ("petitions_received", "Đơn thư, ý kiến, kiến nghị tiếp nhận", "đơn", "integer", "sum", "petitions.received", []),
    ("petitions_resolved", "Đơn thư, ý kiến, kiến nghị đã giải quyết", "đơn", "integer", "sum", "petitions.resolved", []),
    ("petitions_on_time", "Đơn thư giải quyết đúng hạn", "đơn", "integer", "sum", "petitions.resolved_on_time", []),
    ("complaints_received", "Đơn khiếu nại tiếp nhận", "đơn", "integer", "sum", "petitions.received_complaint_first+received_complaint_second", []),
    ("denunciations_received", "Đơn tố cáo tiếp nhận", "đơn", "integer", "sum", "petitions.received_denunciation", []),
    ("propaganda_sessions", "Buổi tuyên truyền chủ trương, chính sách", "buổi", "integer", "sum", "", []),
    ("propaganda_attendees", "Lượt người dự tuyên truyền", "lượt", "integer", "sum", "", []),
    ("opinion_reports", "Báo cáo tình hình tư tưởng, dư luận xã hội", "báo cáo", "integer", "sum", "", []),
    ("gifts_given", "Suất quà trao cho hộ nghèo, gia đình chính sách", "suất", "integer", "sum", "campaigns.gift_packages", []),
    ("gifts_value", "Trị giá quà tặng", "đồng", "money", "sum", "campaigns.gift_packages_value", []),
    ("scholarships", "Suất học bổng", "suất", "integer", "sum", "campaigns.scholarships", []),
    ("houses_built", "Nhà Đại đoàn kết, nhà tình nghĩa xây mới, sửa chữa", "căn", "integer", "sum", "campaigns.houses_built", []),
    ("funds_raised", "Kinh phí vận động được", "đồng", "money", "sum", "campaigns.money_raised", []),
    ("members", "Hội viên, đoàn viên các đoàn thể", "người", "integer", "latest", "membership.members", []),
    ("new_members", "Hội viên, đoàn viên kết nạp mới", "người", "integer", "sum", "membership.new_members", []),
    ("eligible_population", "Dân số trong độ tuổi tập hợp", "người", "integer", "latest", "membership.eligible", []),
    ("supervisions", "Cuộc giám sát của MTTQ và các đoàn thể", "cuộc", "integer", "sum", "meetings.supervisions_held", []),
    ("critiques", "Hội nghị phản biện xã hội", "cuộc", "integer", "sum", "meetings.critiques_held", []),
    ("recommendations", "Kiến nghị sau giám sát, phản biện", "kiến nghị", "integer", "sum", "meetings.recommendations_made", []),
    ("democracy_meetings", "Hội nghị nhân dân ở thôn, tổ dân phố", "cuộc", "integer", "sum", "", []),
    ("religious_visits", "Lượt thăm hỏi chức sắc, cơ sở tôn giáo", "lượt", "integer", "sum", "", []),
    ("ethnic_households", "Hộ đồng bào dân tộc thiểu số được hỗ trợ", "hộ", "integer", "sum", "", []),
    ("labour_days", "Ngày công lao động Nhân dân đóng góp", "ngày công", "integer", "sum", "", []),
    ("land_donated", "Diện tích đất Nhân dân hiến", "m²", "decimal", "sum", "", []),
    ("roads_built", "Đường giao thông làm mới, sửa chữa", "km", "decimal", "sum", "", []),
    ("new_rural", "Đạt chuẩn nông thôn mới, đô thị văn minh", "đơn vị", "boolean", "sum", "", []),
    ("satisfaction", "Mức hài lòng của người dân (điểm 0–10)", "điểm", "decimal", "average", "", []),
    ("highlights", "Kết quả nổi bật khác", "", "text", "none", "", []),
]
RATIOS = [
    ("dialogue_answered_rate", "Tỷ lệ ý kiến được giải đáp tại chỗ", "dialogue_answered", "dialogue_opinions"),
    ("petitions_resolved_rate", "Tỷ lệ đơn thư được giải quyết", "petitions_resolved", "petitions_received"),
    ("membership_rate", "Tỷ lệ tập hợp hội viên, đoàn viên", "members", "eligible_population"),
]
# Only rules that hold inside one period: a model recognised this month was often registered in
# an earlier one, and a petition resolved now may have come in last month.
RULES = [
    ("dialogue_answered", "le", "dialogue_opinions", "Số ý kiến được giải đáp không thể nhiều hơn số ý kiến nêu ra."),
    ("petitions_on_time", "le", "petitions_resolved", "Số đơn giải quyết đúng hạn không thể nhiều hơn số đã giải quyết."),
    ("new_members", "le", "members", "Số kết nạp mới không thể nhiều hơn tổng số hội viên."),
    ("members", "le", "eligible_population", "Số hội viên không thể nhiều hơn dân số trong độ tuổi tập hợp."),
]
SECTIONS = [
    {"code": "I.1", "title": "I. Kết quả — 1. Công tác lãnh đạo, chỉ đạo, ban hành văn bản"},
    {"code": "I.2", "title": "I. Kết quả — 2. Công tác tuyên truyền, nắm tình hình tư tưởng Nhân dân"},
    {"code": "I.3", "title": "I. Kết quả — 3. Dân vận chính quyền: cải cách hành chính, tiếp dân, đối thoại, giải quyết khiếu nại"},
    {"code": "I.4", "title": "I. Kết quả — 4. Hoạt động của MTTQ và các đoàn thể: phong trào, hội viên, giám sát, phản biện, an sinh"},
    {"code": "I.5", "title": "I. Kết quả — 5. Công tác dân tộc, tôn giáo; dân vận lực lượng vũ trang; thực hiện dân chủ ở cơ sở"},
    {"code": "I.6", "title": "I. Kết quả — 6. Phong trào thi đua “Dân vận khéo”"},
    {"code": "II", "title": "II. Hạn chế, nguyên nhân"},
    {"code": "III", "title": "III. Phương hướng, nhiệm vụ kỳ tới"},
]
# form code, name, level, periodicity, deadline days, counts in rollups, sections?
FORMS = [
    ("dv-xa-thang", "Báo cáo công tác dân vận tháng (cấp xã)", "commune", "month", 5, True, False),
    ("dv-xa-6-thang", "Báo cáo sơ kết công tác dân vận 6 tháng (cấp xã)", "commune", "half", 10, False, True),
    ("dv-xa-nam", "Báo cáo tổng kết công tác dân vận năm (cấp xã)", "commune", "year", 15, False, True),
    ("dv-huyen-6-thang", "Báo cáo sơ kết công tác dân vận 6 tháng (cấp huyện, đến 30/6/2025)", "district", "half", 15, False, True),
    ("dv-tinh-6-thang", "Báo cáo sơ kết công tác dân vận 6 tháng (cấp tỉnh)", "province", "half", 20, False, True),
    ("dv-tinh-nam", "Báo cáo tổng kết công tác dân vận năm (cấp tỉnh)", "province", "year", 30, False, True),
]
GROUPS = {
    "dvk": "Phong trào “Dân vận khéo”", "meetings": "Hội nghị, đối thoại, tiếp công dân",
    "briefings": "Hội nghị, đối thoại, tiếp công dân", "dialogues": "Hội nghị, đối thoại, tiếp công dân",
    "dialogue": "Hội nghị, đối thoại, tiếp công dân", "reception": "Hội nghị, đối thoại, tiếp công dân",
    "petitions": "Đơn thư, ý kiến, kiến nghị", "complaints": "Đơn thư, ý kiến, kiến nghị",
    "denunciations": "Đơn thư, ý kiến, kiến nghị", "propaganda": "Tuyên truyền, nắm tình hình",
    "opinion": "Tuyên truyền, nắm tình hình", "gifts": "An sinh xã hội", "scholarships": "An sinh xã hội",
    "houses": "An sinh xã hội", "funds": "An sinh xã hội", "members": "Hội viên, đoàn viên",
    "new": "Hội viên, đoàn viên", "eligible": "Hội viên, đoàn viên", "membership": "Hội viên, đoàn viên",
    "supervisions": "Giám sát, phản biện xã hội", "critiques": "Giám sát, phản biện xã hội",
    "recommendations": "Giám sát, phản biện xã hội",
}


def _group(code):
    return GROUPS.get(code.split("_")[0], "Dân chủ ở cơ sở, phong trào khác")


def seed(apps, schema_editor):
    Indicator = apps.get_model("reporting", "Indicator")
    CrossRule = apps.get_model("reporting", "CrossRule")
    ReportForm = apps.get_model("reporting", "ReportForm")
    FormIndicator = apps.get_model("reporting", "FormIndicator")
    Assignment = apps.get_model("reporting", "Assignment")
    by_code = {}
    for code, name, uom, vtype, agg, source, categories in INDICATORS:
        by_code[code], _ = Indicator.objects.get_or_create(code=code, defaults=dict(
            name=name, unit_of_measure=uom, value_type=vtype, aggregation=agg, source=source,
            categories=categories))
    for code, name, num, den in RATIOS:
        by_code[code], _ = Indicator.objects.get_or_create(code=code, defaults=dict(
            name=name, unit_of_measure="%", value_type="percent", aggregation="ratio",
            numerator=by_code[num], denominator=by_code[den]))
    for left, op, right, message in RULES:
        CrossRule.objects.get_or_create(left=by_code[left], operator=op, right=by_code[right],
                                        defaults={"message": message})
    order = [row[0] for row in INDICATORS]
    for code in ("dialogue_answered_rate", "petitions_resolved_rate", "membership_rate"):
        anchor = {"dialogue_answered_rate": "dialogue_answered", "petitions_resolved_rate": "petitions_on_time",
                  "membership_rate": "eligible_population"}[code]
        order.insert(order.index(anchor) + 1, code)
    for code, name, level, periodicity, days, counts, narrative in FORMS:
        form, created = ReportForm.objects.get_or_create(code=code, defaults=dict(
            name=name, level=level, periodicity=periodicity, deadline_days=days,
            counts_in_rollups=counts, sections=SECTIONS if narrative else []))
        if not created:
            continue
        for position, indicator_code in enumerate(order):
            if narrative and indicator_code == "highlights":
                continue
            FormIndicator.objects.create(
                form=form, indicator=by_code[indicator_code], position=position,
                group=_group(indicator_code),
                required=counts and indicator_code in ("dvk_registered", "meetings_held"))
        # Districts were abolished on 1/7/2025: their reports end there.
        until = dt.date(2025, 6, 30) if level == "district" else None
        Assignment.objects.create(form=form, unit=None, level=level, valid_from=dt.date(2019, 1, 1), valid_to=until)


class Migration(migrations.Migration):
    dependencies = [("reporting", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
