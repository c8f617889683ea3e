"""Demo reports: the Cao Bằng city 6-month report of 2021 (facts of the seed article, our own
words), and six months of approved monthly reports of the two demo wards of Cần Thơ, entered
through the services as people would. Idempotent."""

from collections.abc import Callable
from typing import Any

from django.utils import timezone

from danvan.accounts.models import User
from danvan.accounts.scope import scope_for
from danvan.core.periods import Period
from danvan.demo import content
from danvan.demo.selectors import find_place, grant_unit
from danvan.reporting.models import ReportForm, Status, Submission, Value
from danvan.reporting.services.submissions import narrative_save, submission_open, value_save
from danvan.reporting.services.workflow import submission_approve, submission_submit
from danvan.territory.models import Unit

CAO_BANG_2021 = {
    "I.1": (
        "Ban Dân vận Thành ủy và khối dân vận các phường, xã tham mưu cho cấp ủy lãnh đạo, chỉ đạo "
        "triển khai các chỉ thị, nghị quyết; tuyên truyền Nghị quyết đại hội Đảng các cấp và cuộc bầu cử "
        "đại biểu Quốc hội khóa XV, đại biểu HĐND các cấp nhiệm kỳ 2021–2026."
    ),
    "I.2": "Tuyên truyền phòng, chống dịch Covid-19 gắn với phát triển kinh tế – xã hội.",
    "I.3": (
        "Cải cách thủ tục hành chính; quan tâm đối thoại với Nhân dân và giải quyết đơn thư khiếu nại, "
        "tố cáo của công dân."
    ),
    "I.4": (
        "Mặt trận Tổ quốc và các đoàn thể đổi mới nội dung, phương thức hoạt động; chăm lo đối tượng chính "
        "sách, hộ nghèo, người cao tuổi dịp lễ, Tết; xây dựng nhà tình nghĩa, nhà Đại đoàn kết."
    ),
    "I.5": "Giữ vững quốc phòng, an ninh chính trị, trật tự an toàn xã hội trên địa bàn.",
    "I.6": (
        "Đến tháng 5/2021 có 16 cơ quan, đơn vị và 6 chi, đảng bộ đăng ký mô hình “Dân vận khéo”; 100% "
        "xã, phường và tổ, xóm đăng ký, với 14 mô hình cấp phường và 200 mô hình cấp tổ, xóm."
    ),
    "II": "Còn những mặt hạn chế cần khắc phục trong 6 tháng cuối năm.",
    "III": (
        "Tiếp tục tuyên truyền, vận động Nhân dân thực hiện chủ trương, chính sách; học tập và làm theo tư "
        "tưởng, đạo đức, phong cách Hồ Chí Minh; nắm tình hình tư tưởng, tâm tư, nguyện vọng của cán bộ, "
        "đảng viên và Nhân dân; thực hiện tốt an sinh xã hội; nâng cao hiệu quả các mô hình “Dân vận khéo”."
    ),
}
# 14 ward-level + 200 neighbourhood-level models, as the article counts them; the models of the
# 16 agencies and 6 party cells are not counted there, so they are in the narrative only.
CAO_BANG_FIGURES = {"dvk_registered__mo_hinh": "214"}
MONTHLY: dict[str, Any] = {  # a plausible month of a ward; each month varies a little
    "meetings_held": 4,
    "briefings_held": 1,
    "dialogues_held": 1,
    "dialogue_opinions": 18,
    "dialogue_answered": 17,
    "reception_sessions": 2,
    "petitions_received": 7,
    "petitions_resolved": 6,
    "petitions_on_time": 6,
    "propaganda_sessions": 5,
    "gifts_given": 40,
    "gifts_value": "20 triệu",
    "members": 3150,
    "new_members": 12,
    "eligible_population": 5200,
}


def load(*, stdout: Any = None) -> int:
    admin = User.objects.get(username="quantri")
    created = _cao_bang(admin) + _wards(admin)
    if stdout is not None and created:
        stdout.write(f"Báo cáo định kỳ minh họa: {created}")
    return created


def _fill(submission: Submission, admin: User, numbers: dict[str, Any]) -> None:
    scope = scope_for(admin)
    for key, raw in numbers.items():
        code, _, category = key.partition("__")
        value = Value.objects.get(submission=submission, indicator__code=code, category=category)
        value_save(actor=admin, scope=scope, value=value, raw=raw, version=None, reason="Số liệu báo cáo")


def _finish(submission: Submission, admin: User, approver: User) -> None:
    submission_submit(actor=admin, scope=scope_for(admin), submission=submission)
    submission_approve(actor=approver, scope=scope_for(approver), submission=submission)


def _cao_bang(admin: User) -> int:
    place = next(p for p in content.PLACES if p.key == "cao_bang")
    district = find_place(place).district
    form = ReportForm.objects.get(code="dv-huyen-6-thang")
    period = Period.parse("2021-H1")
    if Submission.objects.filter(form=form, unit=district, period_code=period.code).exists():
        return 0
    submission = submission_open(actor=admin, scope=scope_for(admin), form=form, unit=district, period=period)
    _fill(submission, admin, CAO_BANG_FIGURES)
    narrative_save(actor=admin, scope=scope_for(admin), submission=submission, sections=CAO_BANG_2021)
    _finish(submission, admin, admin)
    return 1


def _wards(admin: User) -> int:
    from danvan.demo.selectors import find_places

    places = find_places()
    form = ReportForm.objects.get(code="dv-xa-thang")
    approver = User.objects.filter(username__startswith="lanhdao").first() or admin
    today = timezone.localdate()
    last = Period.month(today.year, today.month).previous()
    months = [last]
    while len(months) < 6:
        months.insert(0, months[0].previous())
    created = 0
    for index in (0, 1):
        ward = grant_unit(f"ward:soc_trang:{index}", places)
        if ward is None:
            continue
        for step, month in enumerate(months):
            # The last month of the second ward is left for the demo reporter to file.
            if index == 1 and month == last:
                continue
            created += _month(admin, approver, form, ward, month, _vary(step + index))
    return created


def _vary(step: int) -> Callable[[Any], Any]:
    def vary(value: Any) -> Any:
        return value + (step % 3) if isinstance(value, int) and value < 1000 else value

    return vary


def _month(admin: User, approver: User, form: ReportForm, ward: Unit, month: Period, vary: Callable) -> int:
    if Submission.objects.filter(form=form, unit=ward, period_code=month.code).exists():
        return 0
    submission = submission_open(actor=admin, scope=scope_for(admin), form=form, unit=ward, period=month)
    numbers = {code: vary(value) for code, value in MONTHLY.items()}
    numbers["members"] = MONTHLY["members"] + 10 * month.number
    _fill(submission, admin, numbers)
    _finish(submission, admin, approver)
    return 1 if submission.status != Status.DRAFT else 0
