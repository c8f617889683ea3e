"""Done when, in the browser: the Cao Bằng seed article is uploaded as a file, reviewed (highlights,
the per-app plan) and confirmed; the meeting page then shows the attendees with their positions,
the tasks and where the meeting came from, and the report holds the article's model counts."""

import pytest
from playwright.sync_api import Page, expect

from danvan.accounts.tests.factories import PASSWORD
from danvan.extraction.extractor.units import load_gazetteer
from danvan.extraction.models import ImportedText
from danvan.extraction.tests import seeds
from danvan.meetings.models import Meeting
from danvan.reporting.models import Value

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not seeds.SEEDS_DIR.is_dir(), reason="../shared/seeds is absent"),
]
NAME = "001_aeaffb403615572c"


def test_a_seed_article_uploaded_reviewed_and_confirmed_in_the_browser(page: Page, live_server) -> None:
    user = seeds.archivist(seeds.build_places())
    user.set_password(PASSWORD)
    user.save(update_fields=["password"])
    load_gazetteer(refresh=True)
    base = live_server.url
    page.goto(base + "/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()

    page.goto(base + "/nhap-van-ban/")
    page.get_by_label("Tệp văn bản (.docx, .pdf, .txt, .html)").set_input_files(
        str(seeds.SEEDS_DIR / f"{NAME}.txt")
    )
    page.get_by_role("button", name="Trích xuất").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rà soát kết quả trích xuất")
    expect(page.locator("#source-text .x-person").first).to_have_text("Vũ Văn Minh")
    expect(page.locator("#part-meetings")).to_contain_text("Chủ trì: Tô Vũ Ninh")
    expect(page.locator("#part-reporting")).to_contain_text("Mô hình: 214 (từ S4, S5)")
    page.get_by_role("button", name="Xác nhận và tạo bản nháp").click()

    expect(page.locator("#da-tao")).to_contain_text("Hội nghị")
    imported = ImportedText.objects.get()
    meeting = Meeting.objects.get()
    page.get_by_role("link", name=f"Hội nghị #{meeting.pk}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(meeting.title)
    expect(page.get_by_role("link", name=f"#{imported.pk} ({NAME}.txt)")).to_be_visible()
    attendees = page.locator("#dai-bieu")
    expect(attendees).to_contain_text(
        "Vũ Văn Minh — UV BTV Thành ủy, Trưởng Ban Dân vận, Chủ tịch UBMTTQ thành phố"
    )
    expect(attendees).to_contain_text("Nguyễn Thị Huệ Chi — UVBTV Thành ủy, Phó chủ tịch UBND thành phố")
    expect(page.locator("#nhiem-vu")).to_contain_text("Chú trọng việc học tập và làm theo tư tưởng")
    value = Value.objects.get(indicator__code="dvk_registered", category="mo_hinh")
    assert value.number == 214 and value.submission.status == "draft"
