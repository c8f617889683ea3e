"""The meetings app's lists in Excel hold what their pages show, for the working unit only."""

import datetime as dt

from django.utils import timezone

from danvan.accounts.scope import scope_for
from danvan.core.tests.exports import column, exported, rows_of
from danvan.meetings.services import meetings
from danvan.meetings.services.tasks import TaskSpec


def _closed_with_task(schedule, personas, bodies, title):
    meeting = schedule("so_ket", title, chair=bodies.secretary_a)
    deadline = timezone.localdate() + dt.timedelta(days=10)
    return meetings.meeting_close(
        actor=personas.reporter_a,
        scope=scope_for(personas.reporter_a),
        meeting=meeting,
        conclusions="Kết luận.",
        tasks=[TaskSpec(f"Việc của {title}", bodies.front_a, deadline)],
    )


def test_meetings_and_tasks_exports_hold_the_filtered_pages(schedule, personas, bodies, client_for):
    _closed_with_task(schedule, personas, bodies, "Sơ kết 6 tháng")
    schedule("giao_ban", "Giao ban tháng 8")
    client = client_for(personas.reporter_a)
    shown = [m.title for m in client.get("/hoi-nghi/", {"loai": "so_ket"}).context["page"]]
    header, rows = exported(client.get("/hoi-nghi/", {"loai": "so_ket", "xuat": "xlsx"}))
    assert [r[0] for r in rows] == shown == ["Sơ kết 6 tháng"]
    assert rows[0][header.index("Chủ trì")] == "Trần Văn Bình" and rows[0][header.index("Loại")] == "Sơ kết"
    header, rows = exported(client.get("/hoi-nghi/nhiem-vu/", {"xem": "dang-thuc-hien", "xuat": "xlsx"}))
    assert [r[0] for r in rows] == ["Việc của Sơ kết 6 tháng"]
    assert rows[0][header.index("Hạn hoàn thành")].date() == timezone.localdate() + dt.timedelta(days=10)
    assert rows[0][header.index("Tiến độ")] == 0


def test_stats_directives_supervisions_and_reception(schedule, personas, bodies, client_for):
    _closed_with_task(schedule, personas, bodies, "Sơ kết quý")
    client = client_for(personas.reporter_a)
    cells = rows_of(client.get("/hoi-nghi/thong-ke/", {"ky": str(timezone.localdate().year), "xuat": "xlsx"}))
    assert ["Chỉ tiêu", "Đơn vị tính", "Số liệu"] in cells
    for url in ("/hoi-nghi/chi-dao/", "/hoi-nghi/giam-sat/", "/hoi-nghi/tiep-cong-dan/"):
        assert client.get(url, {"xuat": "xlsx"}).status_code == 200, url


def test_another_commune_exports_none_of_commune_a(schedule, personas, bodies, client_for, unchanged):
    _closed_with_task(schedule, personas, bodies, "Sơ kết của phường A")
    client = client_for(personas.reporter_b)
    with unchanged():
        assert column(client.get("/hoi-nghi/", {"xuat": "xlsx"}), "Tên hội nghị") == []
        assert column(client.get("/hoi-nghi/nhiem-vu/", {"xuat": "xlsx"}), "Nhiệm vụ") == []
        assert client_for(None).get("/hoi-nghi/", {"xuat": "xlsx"}).status_code == 302


def test_an_organizations_assigned_tasks_export_and_its_refusal(
    schedule, personas, bodies, client_for, unchanged
):
    _closed_with_task(schedule, personas, bodies, "Sơ kết tháng")
    url = f"/hoi-nghi/viec-duoc-giao/{bodies.front_a.pk}/"
    client = client_for(personas.reporter_a)
    assert column(client.get(url, {"xuat": "chu-tri"}), "Nhiệm vụ") == ["Việc của Sơ kết tháng"]
    assert column(client.get(url, {"xuat": "da-giao"}), "Nhiệm vụ") == []  # the front assigned nothing
    with unchanged():
        assert client_for(personas.reporter_b).get(url, {"xuat": "chu-tri"}).status_code == 404
        assert client_for(personas.other_approver).get(url, {"xuat": "chu-tri"}).status_code == 404
