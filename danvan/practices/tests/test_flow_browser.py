"""The whole Dân vận khéo flow as people do it in the browser, on a phone-width screen.

Reporter A registers a model in commune A and starts it; the province leader runs an evaluation
round (default criteria, themselves as evaluator), scores it, recognises it, commends it and
publishes it; reporter B finds it and adopts it for commune B; the province statistics count
it and the public showcase shows it to anyone.
"""

import importlib
import re

import pytest
from django.apps import apps
from django.utils import timezone
from playwright.sync_api import Page, expect

from danvan.practices.models import (
    Commendation,
    EvaluationRound,
    Practice,
    RoundItem,
    Score,
    Status,
)


def seed_defaults() -> None:
    """Re-run the data migration's seeding (idempotent: get_or_create) for the default lists."""
    migration = importlib.import_module("danvan.practices.migrations.0002_default_fields_and_criteria")
    migration.seed(apps, None)


pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NAME = "Tổ Nhân dân tự quản giữ gìn vệ sinh môi trường"


@pytest.fixture
def default_criteria(economy):
    """The migration's default criteria list; re-seeded (idempotently) in case an earlier
    transactional test flushed it, as the `economy` fixture does for the fields."""
    seed_defaults()


def log_in(page: Page, url: str, username: str, password: str) -> None:
    """Start afresh (no session), open `url` and sign in on the login page it sends us to."""
    page.context.clear_cookies()
    page.goto(url)
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


def figure(page: Page, label: str):
    """The value cell of a row of the «Chỉ tiêu chính» table."""
    table = page.locator("table", has=page.locator("caption", has_text="Chỉ tiêu chính"))
    return table.locator("tr", has=page.get_by_role("rowheader", name=label, exact=True)).locator("td")


def test_register_evaluate_commend_publish_adopt_and_count(
    page: Page, live_server, personas, tree, password, default_criteria
):
    page.set_viewport_size({"width": 390, "height": 844})
    base = live_server.url + "/dan-van-kheo"
    year = timezone.localdate().year

    # Reporter A registers the model in commune A and starts it.
    log_in(page, f"{base}/dang-ky/", personas.reporter_a.username, password)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Đăng ký mô hình")
    page.get_by_label("Tên mô hình, điển hình").fill(NAME)
    page.get_by_label("Lĩnh vực").select_option(label="Kinh tế")
    page.get_by_role("button", name="Đăng ký", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(NAME)
    expect(page.get_by_text(f"Đã đăng ký «{NAME}».")).to_be_visible()
    expect(page.locator("hgroup .badge").first).to_have_text("Đã đăng ký")
    practice = Practice.objects.get(name=NAME)
    assert practice.unit == tree.commune_a and practice.year == year
    page.get_by_label("Đang thực hiện").check()
    page.get_by_role("button", name="Chuyển trạng thái").click()
    expect(page.get_by_text("Đã chuyển trạng thái.")).to_be_visible()
    expect(page.locator("hgroup .badge").first).to_have_text("Đang thực hiện")

    # The province leader creates a round with the default criteria and themselves as evaluator.
    log_in(page, f"{base}/binh-xet/", personas.approver.username, password)
    page.get_by_role("button", name="Tạo đợt bình xét").click()  # a link styled as a button
    page.get_by_label("Tên đợt bình xét").fill(f"Bình xét Dân vận khéo năm {year}")
    expect(page.get_by_label("Năm")).to_have_value(str(year))
    expect(page.get_by_label("Bộ tiêu chí")).to_contain_text("mẫu chung")
    page.get_by_label(re.compile(rf"\({personas.approver.username}\)")).check()
    page.get_by_role("button", name="Tạo đợt bình xét").click()
    expect(page.get_by_text("Đã tạo đợt bình xét")).to_be_visible()

    # …adds the practice, which is in progress, to the round…
    page.get_by_label(re.compile(re.escape(NAME))).check()
    page.get_by_role("button", name="Thêm vào đợt bình xét").click()
    expect(page.get_by_text("Đã thêm 1 mô hình, điển hình vào đợt bình xét.")).to_be_visible()

    # …scores it on every criterion…
    page.get_by_role("button", name="Chấm điểm").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Chấm điểm")
    inputs = page.locator("article form input:not([type=hidden])")
    assert inputs.count() == 7
    for i in range(inputs.count()):
        inputs.nth(i).fill("8,5")
    page.get_by_role("button", name="Lưu điểm").click()
    expect(page.locator("main")).to_contain_text("Đã lưu")
    page.get_by_role("link", name="Về bảng điểm").click()

    # …and, as the chair, records the decision «Công nhận».
    page.get_by_label("Công nhận", exact=True).check()
    page.get_by_role("button", name="Ghi kết luận").click()
    expect(page.get_by_text(f"Đã ghi kết luận cho «{NAME}».")).to_be_visible()
    expect(page.locator("article")).to_contain_text("Kết luận: Công nhận")

    # On the practice page: the commendation, then publication.
    page.get_by_role("link", name=NAME).click()
    expect(page.locator("hgroup .badge").first).to_have_text("Được công nhận")
    page.get_by_text("Ghi nhận khen thưởng").click()
    page.get_by_label("Giấy khen").check()
    page.get_by_label("Cấp khen thưởng").fill("Ban Thường vụ Tỉnh ủy Cần Thơ")
    page.get_by_label("Số quyết định").fill("123-QĐ/TU")
    page.get_by_label("Ngày quyết định").fill(f"{year}-11-20")
    page.get_by_label("Tập thể, cá nhân được khen").fill("Tổ dân phố 3, Phường Sóc Trăng")
    page.get_by_role("button", name="Lưu khen thưởng").click()
    expect(page.get_by_text("Đã ghi nhận khen thưởng.")).to_be_visible()
    expect(page.locator("hgroup .badge").first).to_have_text("Đã khen thưởng")
    commendations = page.locator("section[aria-labelledby=khen-thuong] table")
    expect(commendations).to_contain_text("Giấy khen")
    expect(commendations).to_contain_text(f"Số 123-QĐ/TU ngày 20/11/{year}")
    page.get_by_label("Công khai trên trang Dân vận khéo tiêu biểu").check()
    page.get_by_role("button", name="Lưu", exact=True).click()
    expect(page.get_by_text("Đã công khai trên trang tiêu biểu.")).to_be_visible()
    expect(page.get_by_text("Đang công khai")).to_be_visible()

    # Reporter B finds it in the list and adopts it for commune B.
    log_in(page, f"{base}/", personas.reporter_b.username, password)
    page.get_by_label("Tìm kiếm").fill("ve sinh moi truong")
    page.get_by_role("button", name="Lọc").click()
    expect(page.locator("#practice-results")).to_contain_text("1 mô hình, điển hình")
    page.locator("#practice-results").get_by_role("link", name=NAME).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(NAME)
    page.get_by_role("button", name="Nhân rộng về đơn vị tôi").click()
    expect(page.get_by_text("Đã đăng ký nhân rộng về Phường Phú Lợi")).to_be_visible()

    # The province statistics count the recognised, commended and replicated models.
    log_in(page, f"{base}/thong-ke/?unit=92&year={year}", personas.approver.username, password)
    expect(page.get_by_role("heading", level=2)).to_contain_text(f"Dân vận khéo năm {year} — ")
    expect(page.locator("main")).to_contain_text("Có 2 mô hình, điển hình đăng ký")
    expect(figure(page, "Mô hình, điển hình đăng ký")).to_have_text("2")
    expect(figure(page, "Được công nhận (kể cả tiêu biểu, đã khen thưởng)")).to_have_text("1")
    expect(figure(page, "Tiêu biểu")).to_have_text("1")
    expect(figure(page, "Đã khen thưởng")).to_have_text("1")
    expect(figure(page, "Nhân rộng từ mô hình khác")).to_have_text("1")

    # Anyone sees it on the public showcase, with its commendation.
    page.context.clear_cookies()
    page.goto(f"{base}/tieu-bieu/")
    page.get_by_role("link", name=NAME).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(NAME)
    expect(page.locator("main")).to_contain_text("Giấy khen của Ban Thường vụ Tỉnh ủy Cần Thơ")

    practice.refresh_from_db()
    assert practice.status == Status.COMMENDED and practice.is_public
    assert list(practice.status_changes.order_by("pk").values_list("to_status", flat=True)) == [
        Status.REGISTERED,
        Status.IN_PROGRESS,
        Status.EVALUATED,
        Status.RECOGNIZED,
        Status.COMMENDED,
    ]
    evaluation = EvaluationRound.objects.get()
    assert evaluation.chair == personas.approver and list(evaluation.evaluators.all()) == [personas.approver]
    item = RoundItem.objects.get(round=evaluation)
    assert item.practice == practice and item.decision == RoundItem.Decision.RECOGNIZED
    assert Score.objects.filter(item=item, evaluator=personas.approver).count() == 7
    commendation = Commendation.objects.get(practice=practice)
    assert commendation.form == Commendation.Form.GIAY_KHEN and commendation.decision_number == "123-QĐ/TU"
    adoption = Practice.objects.get(source=practice)
    assert adoption.unit == tree.commune_b and adoption.status == Status.REGISTERED
    assert adoption.created_by == personas.reporter_b
