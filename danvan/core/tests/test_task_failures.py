"""Background tasks that raise are retried with growing delays, a bounded number of times, by the
database worker; what still fails is listed for system admins, who may run it again."""

import datetime as dt
from typing import Any

import pytest
from django.tasks import TaskResultStatus, task
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from danvan.audit.models import AuditEvent

PAGE = "/tac-vu-loi/"
CALLS: list[Any] = []


@task()
def flaky(times: int, email: str = "") -> int:
    """Fails until it has been called `times` times."""
    CALLS.append(times)
    if len(CALLS) < times:
        raise RuntimeError(f"Máy chủ thư từ chối {email or 'người nhận'} (lần {len(CALLS)}, ĐT 0912345678)")
    return len(CALLS)


@pytest.fixture
def database_queue(db: Any, settings: Any, monkeypatch: Any) -> None:
    # The worker drops connections between tasks; in a test that would end the test's transaction.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.DANVAN_TASK_MAX_ATTEMPTS = 3
    settings.DANVAN_TASK_RETRY_SECONDS = 60
    CALLS.clear()


def work() -> None:
    """One pass of the real worker over what is due now."""
    db_worker.Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="worker-1",
        excluded_queue_names=[],
    ).run()


def make_due(row: DBTaskResult) -> None:
    DBTaskResult.objects.filter(pk=row.pk).update(run_after=timezone.now() - dt.timedelta(seconds=1))


def test_a_failing_task_is_retried_with_backoff_until_it_succeeds(database_queue):
    result = flaky.enqueue(3)
    row = DBTaskResult.objects.get(pk=result.id)
    work()
    row.refresh_from_db()
    assert row.status == TaskResultStatus.READY and len(row.worker_ids) == 1
    assert "RuntimeError" in row.exception_class_path  # the last error stays visible
    first_wait = row.run_after - timezone.now()
    assert dt.timedelta(seconds=50) < first_wait <= dt.timedelta(seconds=60)
    work()  # not due yet: nothing runs
    assert CALLS == [3]
    make_due(row)
    work()
    row.refresh_from_db()
    second_wait = row.run_after - timezone.now()
    assert row.status == TaskResultStatus.READY and len(row.worker_ids) == 2
    assert dt.timedelta(seconds=230) < second_wait <= dt.timedelta(seconds=240)  # 4× longer
    make_due(row)
    work()
    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL and row.return_value == 3
    assert len(row.worker_ids) == 3 and row.traceback == ""


def test_a_task_that_keeps_failing_stops_after_the_last_attempt(database_queue):
    row = DBTaskResult.objects.get(pk=flaky.enqueue(99).id)
    for _ in range(5):
        make_due(row)
        work()
    row.refresh_from_db()
    assert row.status == TaskResultStatus.FAILED and len(row.worker_ids) == 3 and len(CALLS) == 3


def test_a_task_that_succeeds_at_once_is_not_touched(database_queue):
    row = DBTaskResult.objects.get(pk=flaky.enqueue(1).id)
    work()
    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL and len(row.worker_ids) == 1


def failed_for_good(**kwargs: Any) -> DBTaskResult:
    row = DBTaskResult.objects.get(pk=flaky.enqueue(99, **kwargs).id)
    for _ in range(3):
        make_due(row)
        work()
    row.refresh_from_db()
    assert row.status == TaskResultStatus.FAILED
    return row


def snapshot() -> tuple[Any, ...]:
    return (
        list(DBTaskResult.objects.order_by("pk").values("pk", "status", "worker_ids", "run_after")),
        AuditEvent.objects.count(),
    )


def test_system_admins_see_failures_without_personal_data(database_queue, personas, client_for):
    failed_for_good(email="nguyen.thi.lan@example.vn")
    page = client_for(personas.admin).get(PAGE)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Tác vụ nền bị lỗi" in text and "flaky" in text and "Lỗi, đã hết lượt thử" in text
    assert "99, «ẩn»" in text  # the number shown, the text argument hidden
    assert "3/3" in text and "RuntimeError: Máy chủ thư từ chối «e-mail» (lần 3, ĐT «số»)" in text
    assert "nguyen.thi.lan" not in text and "0912345678" not in text
    assert "Chạy lại" in text


def test_a_task_waiting_for_its_next_try_has_no_rerun_button(database_queue, personas, client_for):
    flaky.enqueue(5)
    work()
    text = client_for(personas.admin).get(PAGE).content.decode()
    assert "Lỗi, chờ thử lại" in text and "Lần tới" in text and "1/3" in text
    assert "Chạy lại" not in text


def test_a_stalled_task_is_listed(database_queue, personas, client_for, settings):
    row = DBTaskResult.objects.get(pk=flaky.enqueue(1).id)
    started = timezone.now() - dt.timedelta(minutes=settings.DANVAN_TASK_STALLED_MINUTES + 1)
    DBTaskResult.objects.filter(pk=row.pk).update(status=TaskResultStatus.RUNNING, started_at=started)
    text = client_for(personas.admin).get(PAGE).content.decode()
    assert "Chạy quá lâu" in text and "Chạy lại" in text


def test_an_admin_runs_a_failed_task_again(database_queue, personas, client_for):
    row = failed_for_good()
    response = client_for(personas.admin).post(f"{PAGE}{row.pk}/chay-lai/")
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.status == TaskResultStatus.READY and row.worker_ids == []
    event = AuditEvent.objects.get(action="task.rerun")
    assert event.actor == personas.admin and event.changes["attempts"] == 3
    CALLS.clear()
    work()  # a fresh round of attempts
    row.refresh_from_db()
    assert row.status == TaskResultStatus.READY and len(row.worker_ids) == 1 and CALLS == [99]


@pytest.mark.parametrize("who", ["reporter_a", "approver", "unit_admin"])
def test_others_get_404_and_change_nothing(database_queue, personas, client_for, who):
    row = failed_for_good()
    before = snapshot()
    client = client_for(getattr(personas, who))
    assert client.get(PAGE).status_code == 404
    assert client.post(f"{PAGE}{row.pk}/chay-lai/").status_code == 404
    assert snapshot() == before


def test_anonymous_visitors_are_sent_to_login(database_queue, personas, client_for):
    row = failed_for_good()
    before = snapshot()
    for response in (client_for(None).get(PAGE), client_for(None).post(f"{PAGE}{row.pk}/chay-lai/")):
        assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]
    assert snapshot() == before


def test_a_task_that_did_not_fail_is_not_run_again(database_queue, personas, client_for):
    done = DBTaskResult.objects.get(pk=flaky.enqueue(1).id)
    work()
    before = snapshot()
    client = client_for(personas.admin)
    response = client.post(f"{PAGE}{done.pk}/chay-lai/", follow=True)
    assert "không ở trạng thái lỗi" in response.content.decode()
    missing = client.post(f"{PAGE}00000000-0000-0000-0000-000000000000/chay-lai/")
    assert missing.status_code == 404
    assert snapshot() == before


def test_the_navigation_shows_the_page_to_system_admins_only(personas, client_for):
    assert PAGE in client_for(personas.admin).get("/").content.decode()
    assert PAGE not in client_for(personas.unit_admin).get("/").content.decode()
