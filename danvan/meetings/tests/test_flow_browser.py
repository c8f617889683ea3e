"""The "done when" flow in the browser: a giao ban is scheduled, held and closed with conclusions
and three tasks for three organizations; one is done, one progresses, one goes overdue and shows
in the overdue lists and the reminders; a dialogue's question not answered on the spot becomes
a tracked task."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from danvan.meetings.models import Meeting, Task, TaskStatus
from danvan.meetings.services.reminders import task_reminders_send

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def log_in(page: Page, url: str, username: str, password: str) -> None:
    page.context.clear_cookies()
    page.goto(url)
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


def schedule(
    page: Page, base: str, kind: str, title: str, starts: dt.datetime, organizers: list[str]
) -> None:
    page.goto(f"{base}/moi/")
    page.get_by_label("Loại hội nghị").select_option(label=kind)
    page.get_by_label("Tên hội nghị").fill(title)
    page.get_by_label("Bắt đầu").fill(starts.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Cơ quan tổ chức").select_option(label=organizers)
    page.get_by_role("button", name="Lên lịch").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def progress(page: Page, base: str, task: Task, percent: int, note: str) -> None:
    page.goto(f"{base}/nhiem-vu/{task.pk}/")
    page.get_by_label("Tiến độ (%)").fill(str(percent))
    page.get_by_label("Kết quả thực hiện").fill(note)
    page.get_by_role("button", name="Lưu cập nhật").click()
    expect(page.get_by_text("Đã cập nhật tiến độ.")).to_be_visible()


def test_giao_ban_tasks_overdue_and_dialogue_followup(page: Page, live_server, personas, bodies, password):
    page.set_viewport_size({"width": 390, "height": 844})
    page.set_default_timeout(8000)
    base = live_server.url + "/hoi-nghi"
    today = timezone.localdate()
    starts = timezone.localtime() - dt.timedelta(days=10)

    log_in(page, f"{base}/", personas.reporter_a.username, password)
    schedule(page, base, "Giao ban", "Giao ban công tác dân vận tháng này", starts, [bodies.party_a.name])
    page.get_by_text("Ghi nhận đã họp").click()
    page.get_by_label("Số đại biểu khác").fill("30")
    page.get_by_role("button", name="Đã họp").click()
    expect(page.get_by_text("Đã ghi nhận hội nghị đã diễn ra.")).to_be_visible()

    page.get_by_role("button", name="Kết thúc hội nghị, giao nhiệm vụ").click()
    page.locator("#id_conclusions").fill("Tập trung ba nhiệm vụ trọng tâm tháng tới.")
    rows = [
        ("Sơ kết mô hình Dân vận khéo", bodies.women_a.name, today + dt.timedelta(days=20)),
        ("Vận động hội viên", bodies.farmers_a.name, today + dt.timedelta(days=20)),
        ("Ra quân làm sạch môi trường", bodies.youth_a.name, today - dt.timedelta(days=1)),
    ]
    # A deadline before the meeting is refused first, and nothing is saved.
    page.locator("[name=tasks-0-title]").fill("Việc hạn sai")
    page.locator("[name=tasks-0-owner]").select_option(label=bodies.women_a.name)
    page.locator("[name=tasks-0-deadline]").fill((today - dt.timedelta(days=30)).isoformat())
    page.get_by_role("button", name="Kết thúc hội nghị").click()
    expect(page.get_by_text("không được trước ngày họp").first).to_be_visible()
    assert not Task.objects.exists()
    for index, (title, owner, deadline) in enumerate(rows):
        page.locator(f"[name=tasks-{index}-title]").fill(title)
        page.locator(f"[name=tasks-{index}-owner]").select_option(label=owner)
        page.locator(f"[name=tasks-{index}-deadline]").fill(deadline.isoformat())
    page.get_by_role("button", name="Kết thúc hội nghị").click()
    expect(page.get_by_text("Đã kết thúc hội nghị và giao nhiệm vụ.")).to_be_visible()
    meeting = Meeting.objects.get(kind="giao_ban")
    assert meeting.status == "closed"
    done, moving, _late = meeting.tasks.order_by("pk")

    progress(page, base, done, 100, "Đã tổ chức sơ kết.")
    progress(page, base, moving, 40, "Đã họp các chi hội.")
    done.refresh_from_db(), moving.refresh_from_db()
    assert done.status == TaskStatus.DONE and moving.progress == 40

    page.goto(f"{base}/nhiem-vu/?xem=qua-han-da-giao")
    expect(page.get_by_role("link", name="Ra quân làm sạch môi trường")).to_be_visible()
    expect(page.get_by_role("link", name="Vận động hội viên")).to_have_count(0)
    page.goto(f"{base}/viec-duoc-giao/{bodies.youth_a.pk}/")
    expect(page.get_by_text("Quá hạn").first).to_be_visible()
    assert task_reminders_send(today=today) == 1

    # A dialogue with the Front: one question raised on the day, promised, becomes a task.
    schedule(
        page,
        base,
        "Đối thoại",
        "Đối thoại với Nhân dân",
        timezone.localtime() - dt.timedelta(hours=1),
        [bodies.party_a.name, bodies.front_a.name],
    )
    page.get_by_text("Ghi nhận ý kiến", exact=True).first.click()
    page.get_by_label("Nguồn").select_option(label="Nêu tại buổi đối thoại")
    page.get_by_label("Nội dung ý kiến").fill("Hẻm 12 ngập nước khi mưa")
    page.get_by_role("button", name="Ghi nhận ý kiến").click()
    expect(page.get_by_text("Đã ghi nhận ý kiến.")).to_be_visible()
    page.get_by_text("Ghi câu trả lời").click()
    page.get_by_label("Hẹn trả lời, giải quyết sau").check()
    page.get_by_label("Cơ quan thực hiện cam kết").select_option(label=bodies.party_a.name)
    page.get_by_label("Hạn thực hiện").fill((today + dt.timedelta(days=15)).isoformat())
    page.get_by_role("button", name="Lưu trả lời").click()
    expect(page.get_by_role("link", name="nhiệm vụ theo dõi")).to_be_visible()
    assert Task.objects.filter(question__content="Hẻm 12 ngập nước khi mưa", owner=bodies.party_a).exists()
