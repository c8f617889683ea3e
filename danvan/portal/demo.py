"""Demo news: the five seed events told in our own words, with the articles' facts and figures only.

Each post is published by today's province of the place (the units were merged in 2025), dated
on the day of the event. Idempotent: a post already there (same title) is left as it is.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any, TextIO

from django.db import transaction
from django.utils import timezone

from danvan.accounts.models import User
from danvan.accounts.scope import scope_for
from danvan.demo.selectors import find_places
from danvan.portal.categories import seed_categories
from danvan.portal.models import Category, Post, PostStatus
from danvan.portal.services import PostContent, post_create, post_transition

FRONT, DVK, POLITICS = "cong-tac-dan-van-mat-tran", "dan-van-kheo", "chinh-tri-xa-hoi"


@dataclass(frozen=True)
class DemoPost:
    place: str
    day: dt.date
    category: str
    title: str
    summary: str
    body: str
    tags: tuple[str, ...]


POSTS = [
    DemoPost(
        "soc_trang",
        dt.date(2019, 4, 1),
        FRONT,
        "Thành phố Sóc Trăng: sơ kết công tác dân vận quý I/2019, phát động “Dân vận khéo” năm 2019",
        "Ngày 01/4/2019, Ban Dân vận Thành ủy Sóc Trăng họp sơ kết quý I và bàn nhiệm vụ quý II.",
        "Chiều 01/4/2019, Ban Dân vận Thành ủy Sóc Trăng tổ chức hội nghị đánh giá công tác dân vận "
        "quý I và bàn các nhiệm vụ trọng tâm của quý II năm 2019.\n\n"
        "Trong quý I, dân vận các cấp của thành phố tập trung tuyên truyền chủ trương, chính sách tới "
        "người dân; Mặt trận và các đoàn thể vận động nhân dân chỉnh trang đô thị, giữ vệ sinh môi "
        "trường và chăm lo Tết Nguyên đán 2019 cho gia đình chính sách, hộ nghèo, hộ cận nghèo, đối "
        "tượng bảo trợ xã hội, với số tiền lên tới hàng tỷ đồng. Thành phố đã phối hợp tổ chức đối "
        "thoại giữa người đứng đầu cấp ủy, chính quyền với nhân dân ở 10 phường.\n\n"
        "Cho quý II, hội nghị thống nhất: cùng Ủy ban nhân dân thành phố thực hiện “Năm dân vận chính "
        "quyền” 2019; đổi mới cách làm của Mặt trận và các đoàn thể; phát động rộng khắp phong trào thi "
        "đua “Dân vận khéo” năm 2019 với chủ đề “Dễ để dân làm, khó để dân tin”, xây dựng mô hình mới "
        "và nhân rộng mô hình có hiệu quả; phát huy giám sát, phản biện xã hội và phối hợp với lực "
        "lượng vũ trang.",
        ("Dân vận khéo", "Sơ kết", "Sóc Trăng"),
    ),
    DemoPost(
        "cao_bang",
        dt.date(2021, 7, 22),
        DVK,
        "Thành phố Cao Bằng: 100% xã, phường và tổ, xóm đăng ký mô hình “Dân vận khéo”",
        "Sơ kết 6 tháng đầu năm 2021: 14 mô hình cấp phường, 200 mô hình cấp tổ, xóm.",
        "Sáng 22/7/2021, Ban Dân vận Thành ủy Cao Bằng sơ kết công tác dân vận 6 tháng đầu năm và bàn "
        "nhiệm vụ 6 tháng cuối năm 2021. Đồng chí Tô Vũ Ninh, Phó Bí thư Thường trực Thành ủy, Chủ tịch "
        "Hội đồng nhân dân thành phố chủ trì; dự có đồng chí Vũ Văn Minh, Ủy viên Ban Thường vụ Thành ủy, "
        "Trưởng Ban Dân vận, Chủ tịch Ủy ban MTTQ thành phố, và đồng chí Nguyễn Thị Huệ Chi, Ủy viên Ban "
        "Thường vụ Thành ủy, Phó Chủ tịch Ủy ban nhân dân thành phố.\n\n"
        "Nửa đầu năm, công tác dân vận gắn với tuyên truyền nghị quyết đại hội Đảng các cấp, cuộc bầu cử "
        "đại biểu Quốc hội khóa XV và Hội đồng nhân dân các cấp nhiệm kỳ 2021 – 2026, và phòng, chống "
        "dịch Covid-19.\n\n"
        "Về phong trào “Dân vận khéo”: đến tháng 5/2021, thành phố có 16 cơ quan, đơn vị và 6 chi, đảng "
        "bộ đăng ký mô hình; tất cả xã, phường và tổ, xóm đều đăng ký, với 14 mô hình cấp phường và 200 "
        "mô hình cấp tổ, xóm.\n\n"
        "Hội nghị đề nghị 6 tháng cuối năm tiếp tục nắm tâm tư, nguyện vọng của cán bộ, đảng viên và nhân "
        "dân, làm tốt chính sách an sinh xã hội và nâng chất lượng các mô hình “Dân vận khéo”.",
        ("Dân vận khéo", "Sơ kết", "Cao Bằng"),
    ),
    DemoPost(
        "thoai_son",
        dt.date(2020, 8, 25),
        FRONT,
        "Thoại Sơn giao ban công tác dân vận tháng 8/2020",
        "Ban Dân vận Huyện ủy Thoại Sơn cùng 17 xã, thị trấn bàn nhiệm vụ tháng 9/2020.",
        "Ngày 25/8/2020, Ban Dân vận Huyện ủy Thoại Sơn (An Giang) họp giao ban công tác dân vận tháng 8. "
        "Dự có bà Nguyễn Thị Liêm, Phó Trưởng Ban Dân vận Tỉnh ủy; ông Lê Hữu Nghị, Phó Bí thư Thường trực "
        "Huyện ủy; ông Đinh Văn Hiền, Trưởng Ban Dân vận Huyện ủy; các ban, ngành, đoàn thể huyện và "
        "lãnh đạo Ban Dân vận của 17 xã, thị trấn.\n\n"
        "Trong tháng 8, dân vận các cấp bám sát cơ sở, nắm tình hình nhân dân và kiến nghị giải quyết "
        "kịp thời; làm tốt dân vận trong phòng, chống Covid-19 và hỗ trợ người dân, doanh nghiệp gặp khó "
        "vì dịch; xây dựng các mô hình chính quyền, cơ quan, đơn vị làm tốt công tác dân vận.\n\n"
        "Những tháng cuối năm 2020, huyện và các xã, thị trấn tiếp tục vận động nhân dân phòng dịch, hỗ "
        "trợ người bị ảnh hưởng và rà soát chương trình công tác theo chủ đề công tác dân vận năm 2020.",
        ("Giao ban", "Covid-19", "An Giang"),
    ),
    DemoPost(
        "hong_ngu",
        dt.date(2022, 12, 21),
        POLITICS,
        "Hồng Ngự: Khối vận trao 9.365 suất quà cho hộ nghèo, cận nghèo trong năm 2022",
        "Thành ủy Hồng Ngự làm việc với Khối vận về nhiệm vụ năm 2022 và phương hướng năm 2023.",
        "Chiều 21/12/2022, đồng chí Lê Hùng Dũng, Phó Bí thư Thường trực Thành ủy Hồng Ngự (Đồng Tháp) "
        "làm việc với các ngành Khối vận về kết quả năm 2022 và phương hướng năm 2023.\n\n"
        "Trong năm, Ủy ban MTTQ và các tổ chức chính trị – xã hội đã vận động trao 9.365 suất quà cho hộ "
        "nghèo, hộ cận nghèo với tổng giá trị trên 4 tỷ đồng; trao 76 điện thoại thông minh, 126 suất "
        "học bổng và 5.863 suất quà cho học sinh có hoàn cảnh khó khăn, tổng trị giá trên 3 tỷ đồng.\n\n"
        "Đồng chí Lê Hùng Dũng đề nghị tiếp tục thực hiện Kế hoạch số 71-KH/TU ngày 11/11/2021 của Ban "
        "Chấp hành Đảng bộ thành phố về thực hiện Nghị quyết số 01-NQ/TU của Tỉnh ủy về công tác dân vận "
        "đến năm 2025; nâng hiệu quả các mô hình ở cộng đồng dân cư như Tổ Nhân dân tự quản, Hội quán; "
        "kiện toàn đội ngũ cán bộ dân vận và tổ chức tốt đại hội Công đoàn, Hội Nông dân cấp cơ sở.",
        ("An sinh xã hội", "Khối vận", "Đồng Tháp"),
    ),
    DemoPost(
        "long_dien",
        dt.date(2018, 7, 11),
        DVK,
        "Long Điền đăng ký 187 mô hình, điển hình “Dân vận khéo” trong 6 tháng đầu năm 2018",
        "Ban Dân vận Huyện ủy Long Điền sơ kết 6 tháng đầu năm 2018.",
        "Ngày 11/7/2018, Ban Dân vận Huyện ủy Long Điền (Bà Rịa – Vũng Tàu) sơ kết công tác dân vận "
        "6 tháng đầu năm và bàn nhiệm vụ 6 tháng cuối năm 2018.\n\n"
        "Nửa đầu năm, toàn huyện đăng ký 187 mô hình, điển hình “Dân vận khéo”, nhiều mô hình đang được "
        "nhân rộng. Hội nghị cũng chỉ ra việc còn phải khắc phục: một số mô hình hiệu quả chưa cao, chưa "
        "lan tỏa; tỷ lệ tập hợp hội viên, đoàn viên còn thấp; giám sát, phản biện của Mặt trận và các "
        "đoàn thể chưa đạt yêu cầu.\n\n"
        "Thời gian tới, huyện đẩy mạnh tuyên truyền về công tác dân vận và phong trào “Dân vận khéo”, "
        "tham mưu cấp ủy lãnh đạo việc xây dựng và nhân rộng mô hình, điển hình.",
        ("Dân vận khéo", "Sơ kết", "Bà Rịa – Vũng Tàu"),
    ),
]


def _publish(actor: Any, spec: DemoPost, unit: Any, categories: dict[str, Category]) -> None:
    scope = scope_for(actor)
    content = PostContent(
        category=categories[spec.category],
        title=spec.title,
        summary=spec.summary,
        body=spec.body,
        author_line="DanVan (bài minh họa)",
        tags=spec.tags,
    )
    post = post_create(actor=actor, scope=scope, unit=unit, content=content)
    post = post_transition(actor=actor, scope=scope, post=post, to=PostStatus.PUBLISHED)
    at = timezone.make_aware(dt.datetime.combine(spec.day, dt.time(17, 0)))
    Post.objects.filter(pk=post.pk).update(published_at=at)


def load(*, stdout: TextIO | None = None) -> None:
    """Publish the demo news that are missing. Needs `load_demo` (places, logins) first."""
    actor = User.objects.filter(username="quantri").first()
    if actor is None:
        if stdout is not None:
            stdout.write("Tin tức minh họa: chưa có tài khoản quantri (chạy load_demo trước).\n")
        return
    seed_categories(Category)
    categories = {c.slug: c for c in Category.objects.all()}
    places = find_places()
    created = 0
    with transaction.atomic():
        for spec in POSTS:
            if Post.objects.filter(title=spec.title).exists():
                continue
            _publish(actor, spec, places[spec.place].province, categories)
            created += 1
    if stdout is not None:
        stdout.write(f"Tin tức minh họa: đã đăng {created} tin.\n")
