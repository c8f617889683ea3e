"""Demo petitions in the wards that replaced the former Sóc Trăng city (Cần Thơ): a handful of
items through every channel and kind, at every stage — answered with evidence and rated, overdue
and reported up, a complaint on its statutory clock, a protected denunciation, a new opinion.

Idempotent: an item is recognised by its unit and title; running twice creates nothing new.
Dates are relative to today so that the deadline lists always have something to show.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from danvan.accounts.models import Grant, Role, User
from danvan.accounts.scope import scope_for
from danvan.demo.selectors import find_places
from danvan.orgs.models import Organization
from danvan.petitions import timing
from danvan.petitions.models import Petition, Topic
from danvan.petitions.services import handling, routing
from danvan.petitions.services.intake import Intake, petition_receive
from danvan.petitions.services.reminders import petition_reminders_run
from danvan.territory.models import Unit

EVIDENCE_PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass(frozen=True)
class Item:
    """One demo item: what was received, when (days ago), and how far it went."""

    ward: int
    days_ago: int
    kind: str
    channel: str
    topic: str
    title: str
    content: str
    citizen: dict[str, str] = field(default_factory=dict)
    steps: tuple[str, ...] = ()
    answer: str = ""
    rating: bool | None = None


ITEMS = [
    Item(
        0,
        24,
        "report",
        "hotline",
        "ha-tang",
        "Đèn chiếu sáng hỏng trên đường Lê Hồng Phong",
        "Ba trụ đèn trên đường Lê Hồng Phong, đoạn gần trường tiểu học, tắt đã hơn một tuần; "
        "học sinh học thêm buổi tối đi về rất nguy hiểm.",
        {"name": "Nguyễn Văn Tâm", "phone": "0939000111"},
        ("accept", "start", "answer"),
        "Ngày hôm sau Ủy ban nhân dân phường đã phối hợp Điện lực thay 3 bóng đèn và dây dẫn; "
        "biên bản nghiệm thu và ảnh sau khi sửa kèm theo.",
        True,
    ),
    Item(
        0,
        20,
        "recommendation",
        "dialogue",
        "ha-tang",
        "Nạo vét cống thoát nước khóm 5 trước mùa mưa",
        "Tại buổi đối thoại với Bí thư Đảng ủy phường, bà con khóm 5 kiến nghị nạo vét tuyến cống "
        "dọc hẻm 12 vì mỗi lần mưa lớn nước ngập vào nhà.",
        {"name": "Tổ trưởng tổ dân phố 5"},
        ("accept", "start"),
    ),
    Item(
        0,
        6,
        "complaint_first",
        "reception",
        "dat-dai",
        "Khiếu nại quyết định thu hồi đất làm đường nội ô",
        "Tôi khiếu nại quyết định thu hồi 42 m² đất ở vì diện tích đo đạc chưa khớp với giấy chứng "
        "nhận và mức bồi thường chưa tính phần nhà phụ.",
        {"name": "Trần Thị Hạnh", "phone": "0918222333", "address": "Khóm 2, Phường Sóc Trăng"},
        ("accept",),
    ),
    Item(
        1,
        3,
        "denunciation",
        "web",
        "can-bo",
        "Tố cáo việc thu tiền ngoài quy định khi làm thủ tục",
        "Tố cáo việc một cán bộ bộ phận một cửa yêu cầu nộp thêm tiền «bồi dưỡng» khi chứng thực "
        "hồ sơ, có nhiều người dân cùng gặp.",
        {"name": "Người tố cáo (bảo mật)", "phone": "0977444555", "address": "Khóm 1"},
        ("assign",),
    ),
    Item(
        1,
        0,
        "opinion",
        "mailbox",
        "thu-tuc-hanh-chinh",
        "Đề nghị kéo dài giờ tiếp công dân chiều thứ Sáu",
        "Người lao động khó sắp xếp thời gian trong giờ hành chính; đề nghị phường tiếp công dân "
        "thêm đến 19 giờ chiều thứ Sáu.",
    ),
    Item(
        1,
        40,
        "report",
        "grassroots",
        "moi-truong",
        "Rác thải tồn đọng tại bãi đất trống cuối hẻm 7",
        "Tổ dân phố báo cáo bãi đất trống cuối hẻm 7 bị đổ rác nhiều ngày, bốc mùi và có muỗi.",
        {"name": "Tổ dân phố 7"},
        ("accept", "answer"),
        "Đã thu gom 4 tấn rác, rắc vôi khử khuẩn và cắm biển cấm đổ rác; ảnh hiện trường kèm theo.",
        False,
    ),
]


def _moment(days_ago: int, hour: int = 9) -> dt.datetime:
    day = timezone.localdate() - dt.timedelta(days=days_ago)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _users(unit: Unit, province: Unit) -> tuple[Any, Any]:
    reporter = Grant.objects.filter(unit=unit, role=Role.REPORTER).select_related("user").first()
    leader = Grant.objects.filter(unit=province, role=Role.APPROVER).select_related("user").first()
    admin = (
        User.objects.filter(is_superuser=True).first()
        or User.objects.filter(grants__role=Role.SYSTEM_ADMIN).first()
    )
    return (reporter.user if reporter else admin), (leader.user if leader else admin)


def _steps(
    item: Item, petition: Petition, reporter: Any, leader: Any, organization: Organization | None
) -> None:
    lead, handle = scope_for(leader), scope_for(reporter)
    with timing.frozen(_moment(item.days_ago, 14)):
        for step in item.steps:
            petition.refresh_from_db()
            if step == "accept":
                handling.petition_accept(actor=leader, scope=lead, petition=petition)
            elif step == "start":
                handling.petition_start(actor=reporter, scope=handle, petition=petition)
            elif step == "assign":
                routing.petition_assign(actor=leader, scope=lead, petition=petition, handlers=[reporter])
    if item.answer:
        answered_at = _moment(max(item.days_ago - (2 if item.rating else 8), 0), 15)
        with timing.frozen(answered_at):
            evidence = SimpleUploadedFile(
                "bien-ban-nghiem-thu.pdf", EVIDENCE_PDF, content_type="application/pdf"
            )
            handling.petition_answer(
                actor=reporter,
                scope=handle,
                petition=petition,
                text=item.answer,
                uploads=[evidence],
                public=True,
            )
        if item.rating is not None:
            handling.petition_rate(
                petition=petition, satisfied=item.rating, note="" if item.rating else "Chỉ dọn một lần."
            )


@transaction.atomic
def load(*, stdout: Any = None) -> None:
    place = find_places()["soc_trang"]
    province, wards = place.province, place.communes[:2]
    if province is None or len(wards) < 2:
        return
    created = 0
    for item in ITEMS:
        unit = wards[item.ward]
        if Petition.objects.filter(unit=unit, title=item.title).exists():
            continue
        reporter, leader = _users(unit, province)
        if reporter is None or leader is None:
            return
        organization = Organization.objects.filter(
            unit=unit, kind__code="ubnd", valid_to__isnull=True
        ).first()
        if organization is not None:
            routing.routing_rule_set(actor=leader, unit=unit, organization=organization)
        intake = Intake(
            kind=item.kind,
            topic=Topic.objects.get(code=item.topic),
            unit=unit,
            title=item.title,
            content=item.content,
            citizen_name=item.citizen.get("name", ""),
            citizen_phone=item.citizen.get("phone", ""),
            citizen_address=item.citizen.get("address", ""),
            public_consent=True,
        )
        with timing.frozen(_moment(item.days_ago)):
            petition, _secret = petition_receive(
                actor=reporter, scope=scope_for(reporter), intake=intake, channel=item.channel
            )
        _steps(item, petition, reporter, leader, organization)
        created += 1
    if created:
        petition_reminders_run(day=timezone.localdate())  # the overdue dialogue item is reported up
    if stdout is not None:
        stdout.write(f"Ý kiến, đơn thư: {created} vụ việc mới.\n")
