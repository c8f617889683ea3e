"""Citizen opinions, complaints and denunciations: about 300 per commune over `--years`.

Kinds: mostly opinions, recommendations and reports (≈80%), complaints (≈12%), denunciations
(≈8%); every channel; the seeded topics. Each item is received on a day of the window, gets the
clock rule in force on that day and its deadlines from the seeded working calendar (the same
pure functions as the app, `petitions.clocks`), then follows a realistic course: accepted within
the limit most of the time, answered on time about three times in four, a few rejected,
transferred out, withdrawn or still open (some overdue); about 60% of answered items are rated.
Each item has its «receive» history row and, when answered, its answer (without files).

Simplifications: items are filed on today's communes (and their neighbourhoods) only; the
handling body is the commune's People's Committee; tracking codes have a form of their own
(YKyy-G…) so they never collide with real ones, and no private link works for them.
"""

import datetime as dt
import random
from dataclasses import dataclass

from django.utils import timezone

from danvan.core.text import fold
from danvan.generator.names import person_name
from danvan.generator.plan import Context, Neighbourhood
from danvan.petitions import clocks
from danvan.petitions.models import (
    CLOCK_OF_KIND,
    Answer,
    Channel,
    ClockRule,
    Complexity,
    Event,
    Kind,
    Petition,
    Status,
    Topic,
)
from danvan.petitions.selectors import work_calendar
from danvan.petitions.services.intake import CODE_ALPHABET
from danvan.territory.models import PATH_SEGMENT, Unit

PER_COMMUNE = 300  # over the whole window
NEIGHBOURHOOD_SHARE = 0.3
KINDS = [
    (Kind.OPINION, 22),
    (Kind.RECOMMENDATION, 28),
    (Kind.REPORT, 30),
    (Kind.COMPLAINT_FIRST, 10),
    (Kind.COMPLAINT_SECOND, 2),
    (Kind.DENUNCIATION, 8),
]
CHANNELS = [
    (Channel.DIALOGUE, 20),
    (Channel.RECEPTION, 25),
    (Channel.MAILBOX, 8),
    (Channel.WEB, 17),
    (Channel.HOTLINE, 15),
    (Channel.GRASSROOTS, 15),
]
# Final course of items older than their deadline; recent items may still be open.
OUTCOMES = [("answered", 78), ("rejected", 6), ("transferred", 5), ("withdrawn", 3), ("open", 8)]
ON_TIME = 0.75
RATED, SATISFIED = 0.6, 0.8
SUBJECTS = {
    "dat-dai": [
        "cấp giấy chứng nhận quyền sử dụng đất",
        "đo đạc lại ranh giới thửa đất",
        "bồi thường khi thu hồi đất",
    ],
    "moi-truong": [
        "rác thải tồn đọng ở bãi đất trống",
        "nước thải chảy ra đường",
        "khói bụi từ cơ sở sản xuất",
    ],
    "ha-tang": ["đèn chiếu sáng bị hỏng", "đường hẻm xuống cấp, ngập nước", "cống thoát nước bị tắc"],
    "an-sinh": [
        "xét duyệt hộ cận nghèo",
        "chậm chi trả trợ cấp người cao tuổi",
        "hỗ trợ sửa nhà cho hộ khó khăn",
    ],
    "y-te-giao-duc": [
        "thiếu bác sĩ ở trạm y tế",
        "thu các khoản ngoài học phí",
        "bảo hiểm y tế cho học sinh",
    ],
    "an-ninh-trat-tu": [
        "tụ tập gây mất trật tự ban đêm",
        "lấn chiếm vỉa hè",
        "trộm cắp vặt trong khu dân cư",
    ],
    "thu-tuc-hanh-chinh": [
        "hồ sơ chứng thực bị trả nhiều lần",
        "giờ tiếp công dân chưa thuận tiện",
        "chậm trả kết quả hồ sơ",
    ],
    "can-bo": [
        "thái độ của cán bộ một cửa",
        "cán bộ gây khó khăn khi làm thủ tục",
        "thu tiền ngoài quy định",
    ],
    "khac": [
        "đề nghị tổ chức thêm hoạt động văn hóa",
        "góp ý dự thảo quy hoạch khu dân cư",
        "đề nghị lắp thêm camera",
    ],
}
OPENINGS = {
    Kind.OPINION: "Góp ý về",
    Kind.RECOMMENDATION: "Kiến nghị giải quyết",
    Kind.REPORT: "Phản ánh tình trạng",
    Kind.COMPLAINT_FIRST: "Khiếu nại về",
    Kind.COMPLAINT_SECOND: "Khiếu nại lần hai về",
    Kind.DENUNCIATION: "Tố cáo sai phạm liên quan đến",
}


@dataclass
class _Setup:
    topics: list[tuple[int, str]]
    rules: dict[str, list[ClockRule]]
    cal: clocks.WorkCalendar
    tz: dt.tzinfo


def _weighted[T](rng: random.Random, choices: list[tuple[T, int]]) -> T:
    return rng.choices([c for c, _ in choices], weights=[w for _, w in choices])[0]


def tracking_code(pk: int, year: int) -> str:
    digits, n = [], pk
    while n:
        n, r = divmod(n, len(CODE_ALPHABET))
        digits.append(CODE_ALPHABET[r])
    return f"YK{year % 100:02d}-G{''.join(reversed(digits)).rjust(7, CODE_ALPHABET[0])}"


def generate(ctx: Context) -> None:
    rules: dict[str, list[ClockRule]] = {}
    for rule in ClockRule.objects.filter(province__isnull=True):
        rules.setdefault(rule.clock, []).append(rule)
    topics = list(Topic.objects.filter(is_active=True).values_list("pk", "code"))
    if not topics or not rules:
        return
    setup = _Setup(topics, rules, work_calendar(), timezone.get_current_timezone())
    start, days = ctx.window_start, max((ctx.today - ctx.window_start).days, 1)
    for commune in ctx.communes:
        rng = ctx.rng("petitions", commune.code)
        places = ctx.neighbourhoods.get(commune.pk, [])
        organization = ctx.organizations.get(commune.pk, {}).get("ubnd")
        for _ in range(max(1, round(PER_COMMUNE * (0.6 + 0.8 * rng.random())))):
            received = start + dt.timedelta(days=rng.randrange(days))
            _item(ctx, setup, rng, commune, places, organization, received)


def _item(
    ctx: Context,
    setup: _Setup,
    rng: random.Random,
    commune: Unit,
    places: list[Neighbourhood],
    organization: int | None,
    received: dt.date,
) -> None:
    kind = _weighted(rng, KINDS)
    rule = clocks.rule_in_force(setup.rules.get(CLOCK_OF_KIND[kind], []), received)
    if rule is None:
        return
    topic_pk, topic_code = rng.choice(setup.topics)
    place = rng.choice(places) if places and rng.random() < NEIGHBOURHOOD_SHARE else None
    unit_id, unit_path = (
        (place.pk, commune.path + str(place.pk).zfill(PATH_SEGMENT)) if place else (commune.pk, commune.path)
    )
    subject = rng.choice(SUBJECTS.get(topic_code, SUBJECTS["khac"]))
    title = f"{OPENINGS[kind]} {subject}"
    where = place.name if place else commune.name
    content = f"{title} tại {where}. Đề nghị cơ quan có thẩm quyền xem xét, giải quyết và trả lời."
    at = dt.datetime.combine(received, dt.time(rng.randint(7, 17), rng.randrange(60)), tzinfo=setup.tz)
    named = kind not in (Kind.OPINION, Kind.REPORT) or rng.random() < 0.5
    pk = ctx.writer.next_id(Petition)
    petition = Petition(
        pk=pk,
        tracking_code=tracking_code(pk, received.year),
        access_hash="-",  # matches no secret: generated items have no private link
        kind=kind,
        channel=_weighted(rng, CHANNELS),
        topic_id=topic_pk,
        unit_id=unit_id,
        unit_path=unit_path,
        title=title,
        content=content,
        content_folded=fold(content),
        citizen_name=person_name(rng, ctx.region(commune)).full_name if named else "",
        rule_id=rule.pk,
        received_at=at,
        received_on=received,
        ack_due_at=clocks.ack_due(rule, at, setup.cal),
        accept_due=clocks.accept_due(rule, received, setup.cal),
        organization_id=organization,
        org_unit_path=commune.path if organization else "",
        public_consent=rng.random() < 0.4,
    )
    answer = _course(ctx, setup, rng, petition, rule)
    ctx.writer.add(petition)
    ctx.writer.add(
        Event(
            pk=ctx.writer.next_id(Event),
            petition_id=pk,
            action="receive",
            to_status="",
            actor_label="hệ thống",
        )
    )
    if answer is not None:
        ctx.writer.add(answer)


def _course(ctx: Context, setup: _Setup, rng: random.Random, p: Petition, rule: ClockRule) -> Answer | None:
    """Set the item's status and dates after its receipt; the answer row if it was answered."""
    today = ctx.today
    outcome = _weighted(rng, OUTCOMES)
    p.status, p.due_on = Status.RECEIVED, p.accept_due
    if outcome == "rejected" or outcome == "transferred" or outcome == "withdrawn":
        closed = min(p.received_on + dt.timedelta(days=rng.randint(1, 10)), today)
        p.status = {
            "rejected": Status.REJECTED,
            "transferred": Status.TRANSFERRED,
            "withdrawn": Status.WITHDRAWN,
        }[outcome]
        p.closed_on, p.due_on = closed, None
        p.external_body = "Tòa án nhân dân khu vực" if outcome == "transferred" else ""
        return None
    late_accept = rng.random() < 0.08
    accepted = p.received_on + dt.timedelta(
        days=rng.randint(0, max(rule.accept_days, 1)) + (5 if late_accept else 0)
    )
    if accepted > today:
        return None
    p.complexity = Complexity.COMPLEX if rng.random() < 0.1 else Complexity.NORMAL
    p.status, p.accepted_on = Status.ACCEPTED, accepted
    p.resolve_due = clocks.resolve_due(rule, accepted, setup.cal, complexity=p.complexity)
    p.due_on = p.resolve_due
    span = max((p.resolve_due - accepted).days, 1)
    answered = accepted + dt.timedelta(
        days=rng.randint(1, span) if rng.random() < ON_TIME else span + rng.randint(1, 20)
    )
    if outcome == "open" or answered > today:
        p.status = Status.IN_PROGRESS if rng.random() < 0.7 else Status.ACCEPTED
        return None
    p.status = Status.CLOSED if (today - answered).days > 30 else Status.ANSWERED
    p.answered_on, p.due_on = answered, None
    p.on_time = answered <= p.resolve_due
    p.days_to_answer = (answered - p.received_on).days
    p.closed_on = answered + dt.timedelta(days=30) if p.status == Status.CLOSED else None
    if rng.random() < RATED:
        p.satisfied = rng.random() < SATISFIED
    return Answer(
        pk=ctx.writer.next_id(Answer),
        petition_id=p.pk,
        text=f"Đã kiểm tra, xử lý nội dung «{p.title.lower()}» và thông báo kết quả cho người gửi.",
        is_public=p.public_consent,
        answered_on=answered,
    )
