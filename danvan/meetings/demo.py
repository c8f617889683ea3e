# ruff: noqa: E501  (the demo content: long Vietnamese sentences read better unbroken)
"""Demo meetings of the five seed articles: dates, kinds, who chaired and attended (with the posts
they held that day), figures and the tasks decided, in our own words.

- Sóc Trăng city, 1/4/2019 (afternoon): the city Ban Dân vận's review of quý I/2019 and its tasks
  for quý II; the year's theme "Năm dân vận chính quyền" and slogan "Dễ để dân làm, khó để dân tin";
  in quý I a dialogue of the heads of party committee and government with the people of 10 wards.
- Cao Bằng city, 22/7/2021 (morning): the 6-month review chaired by Tô Vũ Ninh, with Vũ Văn Minh and
  Nguyễn Thị Huệ Chi; by May 2021, 16 agencies and 6 party cells, 14 ward and 200 neighbourhood models.
- Thoại Sơn district, 25/8/2020: the giao ban of August 2020 with Nguyễn Thị Liêm, Lê Hữu Nghị,
  Đinh Văn Hiền and the Ban Dân vận heads and deputies of the 17 communes and towns.
- Hồng Ngự city, 21/12/2022 (afternoon): Lê Hùng Dũng's working session with the Khối vận; Kế hoạch
  số 71-KH/TU ngày 11/11/2021; 9.365 gift packages (over 4 tỷ đồng), 76 smartphones, 126
  scholarships, 5.863 student gift packages (over 3 tỷ đồng); congresses of Công đoàn and Hội Nông dân.
- Long Điền district, 11/7/2018: the 6-month review; 187 Dân vận khéo models and exemplars registered;
  the Front's supervision and social critique named as a weak spot.

Deadlines are not in the articles: each task is due at the end of the period it was set for. Their
progress is unknown, so they stay open (the articles report decisions, not their follow-up).
Run after the base demo (it is loaded first if missing). Idempotent: meetings are found by unit,
kind and title before anything is created.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction

from danvan.accounts.models import User
from danvan.accounts.scope import UserScope
from danvan.core.text import fold
from danvan.demo.selectors import find_places
from danvan.demo.services import demo_load
from danvan.meetings.models import Directive, DirectiveStyle, Meeting, MeetingKind
from danvan.meetings.services.directives import directive_create
from danvan.meetings.services.meetings import attendee_add, meeting_close, meeting_schedule
from danvan.meetings.services.tasks import TaskSpec
from danvan.meetings.services.themes import theme_set
from danvan.orgs import services as orgs
from danvan.orgs.models import Organization, OrganizationKind, Person
from danvan.territory.models import Unit

VN = ZoneInfo("Asia/Ho_Chi_Minh")


@dataclass(frozen=True)
class DemoTask:
    title: str
    owner: str  # name of an organization of the meeting's unit
    deadline: dt.date
    directive: bool = False


@dataclass(frozen=True)
class DemoMeeting:
    place: str
    kind: str
    title: str
    starts: dt.datetime
    organizer: str
    period: str = ""
    chair: str = ""
    attendees: tuple[str, ...] = ()
    other_attendees: int = 0
    agenda: str = ""
    conclusions: str = ""
    tasks: tuple[DemoTask, ...] = ()
    co_organizer: str = ""


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=VN)


ST_BDV, CB_BDV, TS_BDV = (
    "Ban Dân vận Thành ủy Sóc Trăng",
    "Ban Dân vận Thành ủy Cao Bằng",
    "Ban Dân vận Huyện ủy Thoại Sơn",
)
HN_TU, HN_MT, LD_BDV = (
    "Thành ủy Hồng Ngự",
    "Ủy ban MTTQ Việt Nam thành phố Hồng Ngự",
    "Ban Dân vận Huyện ủy Long Điền",
)
ST_MT = "Ủy ban MTTQ Việt Nam thành phố Sóc Trăng"
CB_MT = "Ủy ban MTTQ Việt Nam thành phố Cao Bằng"

MEETINGS = [
    DemoMeeting(
        "soc_trang",
        MeetingKind.REVIEW,
        "Sơ kết công tác dân vận quý I/2019, triển khai nhiệm vụ quý II",
        _at(dt.date(2019, 4, 1), 14),
        ST_BDV,
        period="2019-Q1",
        agenda="Đánh giá công tác dân vận quý I: tuyên truyền, vận động Nhân dân chỉnh trang đô thị, vệ sinh môi "
        "trường, chăm lo gia đình chính sách và hộ nghèo dịp Tết Nguyên đán 2019; phối hợp tổ chức đối thoại "
        "với Nhân dân 10 phường.",
        conclusions="Thống nhất nhiệm vụ trọng tâm quý II/2019 (xem danh sách nhiệm vụ).",
        tasks=(
            DemoTask(
                "Phối hợp UBND thành phố thực hiện «Năm dân vận chính quyền» 2019",
                ST_BDV,
                dt.date(2019, 6, 30),
            ),
            DemoTask(
                "Phát động phong trào thi đua «Dân vận khéo» 2019 với chủ đề «Dễ để dân làm, khó để dân tin»; "
                "xây dựng mô hình mới và nhân rộng mô hình hiệu quả",
                ST_BDV,
                dt.date(2019, 6, 30),
            ),
            DemoTask(
                "Phát huy vai trò giám sát và phản biện xã hội của Mặt trận và các đoàn thể",
                ST_MT,
                dt.date(2019, 6, 30),
            ),
            DemoTask(
                "Tăng cường phối hợp với khối lực lượng vũ trang trong các phong trào ở địa phương",
                ST_BDV,
                dt.date(2019, 6, 30),
            ),
        ),
    ),
    DemoMeeting(
        "soc_trang",
        MeetingKind.DIALOGUE,
        "Đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân 10 phường",
        _at(dt.date(2019, 3, 15), 8),
        ST_BDV,
        co_organizer=ST_MT,
        agenda="Buổi đối thoại trong quý I/2019 do Ban Dân vận phối hợp tổ chức (ngày cụ thể không nêu trong bài; "
        "dữ liệu minh họa đặt giữa tháng 3).",
        conclusions="Đã đối thoại với Nhân dân 10 phường.",
    ),
    DemoMeeting(
        "cao_bang",
        MeetingKind.REVIEW,
        "Sơ kết công tác Dân vận 6 tháng đầu năm 2021, triển khai nhiệm vụ 6 tháng cuối năm",
        _at(dt.date(2021, 7, 22), 8),
        CB_BDV,
        period="2021-H1",
        chair="Tô Vũ Ninh",
        attendees=("Vũ Văn Minh", "Nguyễn Thị Huệ Chi"),
        agenda="Kết quả 6 tháng: tham mưu triển khai chỉ thị, nghị quyết; tuyên truyền bầu cử đại biểu Quốc hội "
        "khóa XV và HĐND các cấp nhiệm kỳ 2021–2026, phòng chống Covid-19. Đến tháng 5/2021: 16 cơ quan, đơn vị "
        "và 6 chi, đảng bộ đăng ký mô hình «Dân vận khéo»; 100% xã, phường và tổ, xóm đăng ký với 14 mô hình cấp "
        "phường và 200 mô hình cấp tổ, xóm.",
        conclusions="Khắc phục hạn chế và thực hiện các nhiệm vụ trọng tâm 6 tháng cuối năm 2021.",
        tasks=(
            DemoTask(
                "Đẩy mạnh tuyên truyền, vận động Nhân dân thực hiện chủ trương của Đảng, pháp luật của Nhà nước",
                CB_BDV,
                dt.date(2021, 12, 31),
            ),
            DemoTask(
                "Thường xuyên nắm tình hình tư tưởng, ý kiến, kiến nghị, tâm tư nguyện vọng của Nhân dân",
                CB_MT,
                dt.date(2021, 12, 31),
            ),
            DemoTask(
                "Nâng cao hiệu quả và xây dựng thêm mô hình «Dân vận khéo»", CB_BDV, dt.date(2021, 12, 31)
            ),
        ),
    ),
    DemoMeeting(
        "thoai_son",
        MeetingKind.BRIEFING,
        "Giao ban công tác dân vận tháng 8 năm 2020",
        _at(dt.date(2020, 8, 25), 8),
        TS_BDV,
        period="2020-M08",
        chair="Đinh Văn Hiền",
        attendees=("Nguyễn Thị Liêm", "Lê Hữu Nghị", "Đinh Văn Hiền"),
        agenda="Nghe báo cáo công tác dân vận tháng 8 và nhiệm vụ trọng tâm tháng 9/2020. Dự có các ban, ngành, "
        "đoàn thể huyện và trưởng, phó Ban Dân vận của 17 xã, thị trấn.",
        conclusions="Tiếp tục bám sát cơ sở; tập trung các nhiệm vụ những tháng cuối năm 2020.",
        tasks=(
            DemoTask(
                "Tuyên truyền, vận động Nhân dân thực hiện các giải pháp phòng, chống Covid-19 và hỗ trợ người bị ảnh hưởng",
                TS_BDV,
                dt.date(2020, 9, 30),
            ),
            DemoTask(
                "Rà soát chương trình, kế hoạch công tác trọng tâm gắn với chủ đề công tác dân vận năm 2020",
                TS_BDV,
                dt.date(2020, 12, 31),
            ),
        ),
    ),
    DemoMeeting(
        "hong_ngu",
        MeetingKind.WORKING,
        "Làm việc với Khối vận về tình hình thực hiện nhiệm vụ năm 2022 và phương hướng năm 2023",
        _at(dt.date(2022, 12, 21), 14),
        HN_TU,
        period="2022",
        chair="Lê Hùng Dũng",
        agenda="Kết quả năm 2022 của Ủy ban MTTQ và các tổ chức chính trị – xã hội: 9.365 suất quà cho hộ nghèo, cận "
        "nghèo (trên 4 tỷ đồng); 76 điện thoại thông minh; 126 suất học bổng; 5.863 suất quà cho học sinh khó "
        "khăn (trên 3 tỷ đồng).",
        conclusions="Yêu cầu MTTQ và các tổ chức chính trị – xã hội thực hiện các nhiệm vụ năm 2023.",
        tasks=(
            DemoTask(
                "Tiếp tục thực hiện có hiệu quả Kế hoạch số 71-KH/TU",
                HN_MT,
                dt.date(2023, 12, 31),
                directive=True,
            ),
            DemoTask(
                "Nâng cao hiệu quả mô hình ở cộng đồng dân cư: Tổ Nhân dân tự quản, Hội quán",
                HN_MT,
                dt.date(2023, 12, 31),
            ),
            DemoTask(
                "Củng cố, kiện toàn, bồi dưỡng đội ngũ cán bộ làm công tác Dân vận",
                HN_TU,
                dt.date(2023, 12, 31),
            ),
            DemoTask(
                "Lãnh đạo tổ chức thành công Đại hội Công đoàn, Hội Nông dân cấp cơ sở",
                HN_MT,
                dt.date(2023, 6, 30),
            ),
        ),
    ),
    DemoMeeting(
        "long_dien",
        MeetingKind.REVIEW,
        "Sơ kết công tác Dân vận 6 tháng đầu năm 2018",
        _at(dt.date(2018, 7, 11), 8),
        LD_BDV,
        period="2018-H1",
        agenda="6 tháng đầu năm toàn huyện đăng ký 187 mô hình, điển hình «Dân vận khéo». Hạn chế: một vài mô hình "
        "hiệu quả chưa cao; tỷ lệ tập hợp hội viên còn thấp; vai trò giám sát, phản biện của MTTQ và đoàn thể chưa "
        "đáp ứng yêu cầu.",
        conclusions="Đề ra phương hướng, nhiệm vụ 6 tháng cuối năm 2018.",
        tasks=(
            DemoTask(
                "Tuyên truyền nâng cao nhận thức về công tác dân vận và phong trào «Dân vận khéo»",
                LD_BDV,
                dt.date(2018, 12, 31),
            ),
            DemoTask(
                "Tham mưu Huyện ủy lãnh đạo xây dựng, nhân rộng mô hình, điển hình «Dân vận khéo»",
                LD_BDV,
                dt.date(2018, 12, 31),
            ),
        ),
    ),
]

# Bodies the base demo does not hold: (place, kind code, name).
EXTRA_ORGS = [("soc_trang", "mttq", ST_MT)]


class _Loader:
    def __init__(self, actor: Any) -> None:
        self.actor = actor
        self.scope = UserScope(user=actor, grants=[])
        self.scope.__dict__["is_system_admin"] = True
        self.places = find_places()
        self.created = 0

    def org(self, unit: Unit, name: str) -> Organization:
        return Organization.objects.select_related("unit", "kind").get(unit=unit, name_folded=fold(name))

    def person(self, name: str) -> Person:
        return Person.objects.filter(name_folded=fold(name)).order_by("pk").first() or orgs.person_create(
            user=None, full_name=name
        )

    def extra_orgs(self) -> None:
        for place, kind, name in EXTRA_ORGS:
            unit = self.places[place].district
            if not Organization.objects.filter(unit=unit, name_folded=fold(name)).exists():
                orgs.organization_create(
                    user=None,
                    unit=unit,
                    kind=OrganizationKind.objects.get(code=kind),
                    name=name,
                    valid_to=unit.valid_to,
                )

    def directive(self, unit: Unit) -> Directive:
        issuer = self.org(unit, HN_TU)
        found = Directive.objects.filter(issuer=issuer, type_code="KH", series="2020-2025", number=71).first()
        return found or directive_create(
            actor=self.actor,
            scope=self.scope,
            issuer=issuer,
            style=DirectiveStyle.PARTY,
            type_code="KH",
            issuer_code="TU",
            number=71,
            term="2020-2025",
            issued_on=dt.date(2021, 11, 11),
            title="Thực hiện Nghị quyết số 01-NQ/TU của Ban Chấp hành Đảng bộ tỉnh khóa XI về tăng cường, đổi mới "
            "sự lãnh đạo của cấp ủy, tổ chức đảng đối với công tác dân vận đến năm 2025",
        )

    def meeting(self, spec: DemoMeeting) -> None:
        unit = self.places[spec.place].district
        if Meeting.objects.filter(unit=unit, kind=spec.kind, title=spec.title).exists():
            return
        organizers = [self.org(unit, spec.organizer)] + (
            [self.org(unit, spec.co_organizer)] if spec.co_organizer else []
        )
        meeting = meeting_schedule(
            actor=self.actor,
            scope=self.scope,
            unit=unit,
            kind=spec.kind,
            title=spec.title,
            starts_at=spec.starts,
            organizers=organizers,
            chair=self.person(spec.chair) if spec.chair else None,
            period=spec.period,
            agenda=spec.agenda,
        )
        for name in spec.attendees:
            attendee_add(actor=self.actor, meeting=meeting, person=self.person(name))
        directive = self.directive(unit) if any(t.directive for t in spec.tasks) else None
        tasks = [
            TaskSpec(
                t.title, self.org(unit, t.owner), t.deadline, directive=directive if t.directive else None
            )
            for t in spec.tasks
        ]
        meeting_close(
            actor=self.actor,
            scope=self.scope,
            meeting=meeting,
            conclusions=spec.conclusions,
            tasks=tasks,
            other_attendees=spec.other_attendees,
        )
        self.created += 1

    def themes(self) -> None:
        unit = self.places["soc_trang"].district
        theme_set(
            actor=self.actor,
            scope=self.scope,
            unit=unit,
            year=2019,
            kind="theme",
            text="Năm dân vận chính quyền",
        )
        theme_set(
            actor=self.actor,
            scope=self.scope,
            unit=unit,
            year=2019,
            kind="slogan",
            text="Dễ để dân làm, khó để dân tin",
        )


def load(*, stdout: Any = None) -> None:
    """Create the demo meetings that are missing (after the base demo, loaded here if needed)."""
    if not User.objects.filter(username="quantri").exists():
        demo_load()
    with transaction.atomic():
        loader = _Loader(User.objects.get(username="quantri"))
        loader.extra_orgs()
        for spec in MEETINGS:
            loader.meeting(spec)
        loader.themes()
    if stdout is not None:
        stdout.write(f"Hội nghị minh họa: đã tạo {loader.created} hội nghị.\n")
