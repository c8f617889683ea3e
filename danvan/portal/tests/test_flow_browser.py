"""The issue's "done when", on a phone: a visitor reads the news, finds a post by searching without
accents, comments (held for moderation until the province approver approves it), browses the
recognised models, follows a petition by its tracking code, and reads the public statistics —
every step reached by following the portal's own links."""

import pytest
from django.apps import apps
from playwright.sync_api import Page, expect

from danvan.petitions import seeds
from danvan.petitions.models import Topic
from danvan.petitions.services.intake import Intake, petition_submit_public
from danvan.portal.models import Comment, CommentStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TITLE = "Long Điền đăng ký 187 mô hình “Dân vận khéo”"


def test_read_comment_browse_models_follow_a_petition_and_statistics(
    page: Page, live_server, personas, tree, write, password
):
    seeds.seed(apps)  # the petition topics (a transactional test before may have flushed them)
    page.set_viewport_size({"width": 390, "height": 844})
    write(TITLE, tags=["Dân vận khéo"], summary="Sơ kết 6 tháng đầu năm 2018.")
    write(
        "Hồng Ngự trao 9.365 suất quà cho hộ nghèo",
        category="chinh-tri-xa-hoi",
        body="Trao quà cho hộ nghèo, cận nghèo.",
    )
    portal = live_server.url + "/cong-thong-tin/"

    # The visitor searches without accents and opens the post.
    page.goto(portal)
    expect(page.get_by_role("heading", level=1)).to_have_text("Cổng thông tin công tác Dân vận")
    page.get_by_label("Tìm tin").fill("dan van kheo")
    page.get_by_role("button", name="Tìm").click()
    expect(page.locator("#news-results")).to_contain_text("1 tin")
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator("main")).to_contain_text("1 lượt xem")

    # …and comments: the comment is held for moderation.
    page.get_by_label("Họ tên").fill("Nguyễn Văn An")
    page.get_by_label("Ý kiến của bạn").fill("Mong huyện nhân rộng thêm mô hình.")
    page.get_by_role("button", name="Gửi ý kiến").click()
    expect(page.get_by_text("Ý kiến đã được gửi và sẽ hiện sau khi được duyệt.")).to_be_visible()
    expect(page.locator("#y-kien + p")).to_have_text("Chưa có ý kiến nào.")
    assert Comment.objects.get().status == CommentStatus.PENDING

    # The province approver approves it on the moderation page.
    page.goto(live_server.url + "/cong-thong-tin/quan-ly/y-kien/")
    page.get_by_label("Tên đăng nhập").fill(personas.approver.username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.locator("main")).to_contain_text("Mong huyện nhân rộng thêm mô hình.")
    page.get_by_role("button", name="Duyệt ý kiến của Nguyễn Văn An").click()
    expect(page.get_by_text("Đã duyệt ý kiến của Nguyễn Văn An.")).to_be_visible()

    # The visitor sees it, then follows the link to the recognised models.
    page.context.clear_cookies()
    page.goto(portal + "tin-tuc/")
    page.get_by_role("link", name=TITLE).click()
    expect(page.locator("blockquote")).to_contain_text("Mong huyện nhân rộng thêm mô hình.")
    page.locator("main").get_by_role("link", name="Mô hình “Dân vận khéo” tiêu biểu").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("tiêu biểu")
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.APPROVED and comment.moderated_by == personas.approver

    # The visitor had sent a report on the public form (its own browser test walks that form);
    # from the portal they follow it by its tracking code.
    petition, _secret = petition_submit_public(
        intake=Intake(
            kind="report",
            topic=Topic.objects.get(code="ha-tang"),
            unit=tree.commune_a,
            content="Đèn chiếu sáng khóm 3 hỏng đã hai tuần, buổi tối rất tối.",
        )
    )
    page.goto(portal)
    page.locator("main").get_by_role("link", name="Gửi ý kiến, kiến nghị và tra cứu kết quả").click()
    page.get_by_role("link", name="Theo dõi bằng mã").click()
    page.get_by_label("Mã theo dõi").fill(petition.tracking_code.lower())
    page.get_by_role("button", name="Xem").click()
    expect(page.locator("#status")).to_have_text("Đã tiếp nhận")
    expect(page.locator("main")).to_contain_text("Hạ tầng, giao thông, điện, nước")

    # …and reads the public statistics of the ward, linked from the portal.
    page.goto(portal)
    page.locator("main").get_by_role("link", name="Thống kê công khai", exact=False).click()
    page.get_by_label("Mã đơn vị").fill(tree.commune_a.code)
    page.get_by_label("Kỳ").fill(str(petition.received_on.year))
    page.get_by_role("button", name="Xem").click()
    expect(page.locator("main")).to_contain_text("Hạ tầng, giao thông, điện, nước")
