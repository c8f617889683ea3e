"""The flow people walk through in the browser, on a phone-width screen: a citizen submits on the
public site and keeps the code and private link; the province leader accepts and assigns; the
ward officer answers with evidence, made public; the citizen reads it and says they are satisfied."""

import pytest
from playwright.sync_api import Page, expect

from danvan.petitions.models import Petition, Status
from danvan.petitions.tests.conftest import PNG

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.urls("danvan.petitions.tests.urls"),
]

TEXT = "Đèn chiếu sáng trên đường Lê Lợi, khóm 3 bị hỏng đã hai tuần, buổi tối rất nguy hiểm."


def log_in(page: Page, url: str, username: str, password: str) -> None:
    page.context.clear_cookies()
    page.goto(url)
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


def test_submit_track_accept_answer_with_evidence_and_rate(
    page: Page, live_server, personas, tree, password, tmp_path
):
    page.set_viewport_size({"width": 390, "height": 844})
    public = live_server.url + "/gui-y-kien/"

    # The citizen chooses the city (the ward list loads), writes, agrees to publication and sends.
    page.goto(public)
    page.get_by_label("Tỉnh, thành phố").select_option(label="Thành phố Cần Thơ")
    page.get_by_label("Xã, phường nơi xảy ra sự việc").select_option(label="Phường Sóc Trăng")
    page.get_by_label("Loại").select_option(label="Phản ánh")
    page.get_by_label("Lĩnh vực").select_option(label="Hạ tầng, giao thông, điện, nước")
    page.get_by_label("Nội dung").fill(TEXT)
    page.get_by_label("Họ và tên").fill("Trương Văn Lộc")
    page.get_by_label("Đồng ý công khai câu trả lời").check()
    page.get_by_role("button", name="Gửi", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Đã gửi thành công")
    code = page.locator("#tracking-code").inner_text()
    private_url = page.locator("#private-link").inner_text()
    petition = Petition.objects.get(tracking_code=code)
    assert petition.unit == tree.commune_a and petition.channel == "web"

    # Anyone with the code sees the status, not the sender.
    page.goto(f"{public}theo-doi/")
    page.get_by_label("Mã theo dõi").fill(code.lower())
    page.get_by_role("button", name="Xem").click()
    expect(page.locator("#status")).to_have_text("Đã tiếp nhận")
    expect(page.locator("main")).not_to_contain_text("Trương Văn Lộc")

    # The province leader accepts it and assigns the ward officer.
    log_in(page, f"{live_server.url}/y-kien/{petition.pk}/", personas.approver.username, password)
    expect(page.get_by_role("heading", level=1)).to_contain_text(code)
    page.locator("summary", has_text="Thụ lý").first.click()
    page.get_by_role("button", name="Thụ lý", exact=True).click()
    expect(page.get_by_text("Đã thực hiện: Thụ lý.")).to_be_visible()
    page.locator("summary", has_text="Giao người xử lý").click()
    page.get_by_label(str(personas.reporter_a)).check()
    page.get_by_role("button", name="Giao người xử lý").click()
    expect(page.get_by_text("Đã thực hiện: Giao người xử lý.")).to_be_visible()

    # The ward officer answers with a photo as evidence, made public.
    photo = tmp_path / "sau-khi-sua.png"
    photo.write_bytes(PNG)
    log_in(page, f"{live_server.url}/y-kien/{petition.pk}/", personas.reporter_a.username, password)
    page.get_by_role("button", name="Trả lời kèm minh chứng").click()
    page.get_by_label("Nội dung trả lời, kết quả giải quyết").fill(
        "Ngày 10/3 đã thay 6 bóng đèn và dây dẫn trên đường Lê Lợi; ảnh hiện trường sau khi sửa kèm theo."
    )
    page.get_by_label("Minh chứng (bắt buộc)").set_input_files(str(photo))
    page.get_by_label("Công khai câu trả lời").check()
    page.get_by_role("button", name="Gửi câu trả lời").click()
    expect(page.get_by_text("Đã gửi câu trả lời kèm minh chứng.")).to_be_visible()
    expect(page.locator("main")).to_contain_text("sau-khi-sua.png")

    # The citizen reads the answer through the private link and says they are satisfied.
    page.context.clear_cookies()
    page.goto(private_url)
    expect(page.locator("#status")).to_have_text("Đã trả lời, ra quyết định")
    expect(page.locator("main")).to_contain_text("đã thay 6 bóng đèn")
    page.get_by_label("Hài lòng", exact=True).check()
    page.get_by_role("button", name="Gửi đánh giá").click()
    expect(page.get_by_text("Cảm ơn ông/bà. Ý kiến đã được ghi nhận.")).to_be_visible()

    petition.refresh_from_db()
    assert petition.status == Status.ANSWERED and petition.satisfied is True and petition.on_time
    assert list(petition.handlers.all()) == [personas.reporter_a]
    assert list(petition.events.values_list("action", flat=True)) == [
        "receive",
        "accept",
        "assign",
        "answer",
        "rate",
    ]
