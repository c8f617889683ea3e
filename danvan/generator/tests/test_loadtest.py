"""The load test's rows and the pages it reads, on demo data, so that neither can rot unseen:
the accounts file picks reporters with last month's report still to file and approvers with
reports waiting; the patterns bench/locustfile.py looks for are found in the real pages, and
the end-of-period flow it drives works through Django's test client. (The locustfile itself is
not imported: locust patches the standard library with gevent on import.)"""

import ast
import json
import re
import time
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from bench.loadtest_users import FORM, accounts, end_of_period
from bench.locust_report import main as report_main
from danvan.accounts.models import User
from danvan.core.periods import Period
from danvan.generator.plan import Scale
from danvan.generator.services import dataset_generate
from danvan.petitions.models import Petition
from danvan.reporting.models import Status, Submission

LOCUSTFILE = Path(__file__).resolve().parents[3] / "bench" / "locustfile.py"


def patterns() -> dict[str, re.Pattern[str]]:
    """The module-level `re.compile("…")` constants of the locustfile."""
    found = {}
    for node in ast.parse(LOCUSTFILE.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            call, target = node.value, node.targets[0]
            if isinstance(call.func, ast.Attribute) and call.func.attr == "compile":
                assert isinstance(target, ast.Name) and isinstance(call.args[0], ast.Constant)
                found[target.id] = re.compile(call.args[0].value)
    return found


def test_every_cycle_the_users_take_is_defined() -> None:
    text = LOCUSTFILE.read_text(encoding="utf-8")
    taken = set(re.findall(r'next\(_cycles\["(\w+)"\]\)', text))
    listed = re.search(r"_cycles = \{\s*key: .*? for key in \(([^)]*)\)", text, re.S)
    assert listed is not None
    defined = set(re.findall(r'_cycles\["(\w+)"\] =', text)) | set(re.findall(r'"(\w+)"', listed.group(1)))
    assert taken and taken <= defined


def logged_in(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def test_rows_and_the_reporter_and_approver_flow(tree: Any) -> None:
    dataset_generate(scale=Scale.DEMO, seed=3, years=1, province_code="92")
    rows = {**accounts(), **end_of_period()}
    today = timezone.localdate()
    period = Period.month(today.year, today.month).previous()
    assert rows["period"] == period.code and rows["staff"] and rows["leaders"]
    filed = Submission.objects.filter(
        period_code=period.code, status__in=(Status.SUBMITTED, Status.APPROVED)
    ).values_list("unit__code", flat=True)
    assert not {r["unit"] for r in rows["reporters"]} & set(filed)
    found = patterns()

    reporter = rows["reporters"][0] if rows["reporters"] else None
    if reporter is None:  # every demo commune filed: reopen one so that the flow has work
        Submission.objects.filter(period_code=period.code).update(status=Status.DRAFT)
        reporter = end_of_period()["reporters"][0]
    client = logged_in(reporter["username"])
    opened = client.post("/bao-cao/lap/", {"form": FORM, "unit": reporter["unit"], "period": period.code})
    report = int(re.search(r"/bao-cao/(\d+)/", opened["Location"]).group(1))  # type: ignore[union-attr]
    page = client.get(f"/bao-cao/{report}/").content.decode()
    versions, labels = dict(found["_VERSION"].findall(page)), dict(found["_LABEL"].findall(page))
    inputs = [pk for pk, _shown in found["_NUMBER_INPUT"].findall(page)]
    assert len(inputs) > 20 and set(inputs) <= set(versions) and set(inputs) <= set(labels)
    compared = [pk for pk in inputs if labels[pk].startswith(tuple(rows["compared"]))]
    assert len(rows["compared"]) >= 6 and len(compared) >= 6
    for pk in [pk for pk in inputs if pk not in compared][:6]:  # as the Reporter types them
        saved = client.post(
            f"/bao-cao/{report}/gia-tri/{pk}/",
            {f"v{pk}": "12", f"ver{pk}": versions[pk]},
            HTTP_HX_REQUEST="true",
        )
        assert saved.status_code == 200 and 'role="alert"' not in saved.content.decode()
    submitted = client.post(f"/bao-cao/{report}/nop/", follow=True)
    assert "Đã nộp báo cáo" in submitted.content.decode()
    assert Submission.objects.get(pk=report).status == Status.SUBMITTED

    approver = logged_in("lanhdao.92.1")
    listing = approver.get("/bao-cao/", {"status": "submitted", "period": period.code, "form": FORM})
    assert str(report) in found["_REPORT_LINK"].findall(listing.content.decode())
    approver.post(f"/bao-cao/{report}/duyet/")
    assert Submission.objects.get(pk=report).status == Status.APPROVED


def test_citizen_flow_and_codes(tree: Any) -> None:
    dataset_generate(scale=Scale.DEMO, seed=3, years=1, province_code="92")
    citizens = end_of_period()["citizens"]
    place = next(p for p in citizens["places"] if p["province"] == "92")
    client = Client()
    assert client.get("/gui-y-kien/", {"tinh": "92"}).status_code == 200
    sent = client.post(
        "/gui-y-kien/",
        {
            "tinh": "92",
            "kind": "report",
            "topic": citizens["topics"][0],
            "unit": place["commune"],
            "content": "Đèn chiếu sáng trên tuyến đường liên ấp bị hỏng nhiều ngày.",
        },
    )
    assert sent.status_code == 302
    code = patterns()["_TRACKING"].search(client.get("/gui-y-kien/da-gui/").content.decode())
    assert code is not None and Petition.objects.filter(tracking_code=code.group(1)).exists()
    for tracked in (code.group(1), citizens["codes"][0]):
        assert client.get(f"/gui-y-kien/theo-doi/{tracked}/").status_code == 200


def test_report_prints_the_logins_apart(tmp_path: Path, capsys: Any) -> None:
    header = "Type,Name,Request Count,Failure Count,Requests/s,50%,95%,99%,Max Response Time\n"
    (tmp_path / "locust_stats.csv").write_text(
        header
        + "POST,/tai-khoan/dang-nhap/ (login),0,0,0,0,0,0,0\n"
        + "GET,/bao-cao/ (inbox),120,0,2.0,40,90,120,180.2\n"
        + ",Aggregated,120,0,2.0,40,90,120,180.2\n"
    )
    (tmp_path / "logins.json").write_text(
        json.dumps(
            {"logins": 50, "seconds": 31.5, "failures": 0, "p50_ms": 950, "p95_ms": 1900, "max_ms": 2400}
        )
    )
    report_main([str(tmp_path / "locust")])
    out = capsys.readouterr().out
    assert "GET /bao-cao/ (inbox)" in out and "dang-nhap" not in out.split("errors")[0]
    assert "logins (before the figures above, kept apart): 50 in 31.5 s, 0 failed" in out


def test_report_prints_where_the_cpu_went(tmp_path: Path, capsys: Any) -> None:
    header = "Type,Name,Request Count,Failure Count,Requests/s,50%,95%,99%,Max Response Time\n"
    (tmp_path / "locust_stats.csv").write_text(header + "GET,/bao-cao/ (inbox),400,0,4.0,40,90,120,180.2\n")
    groups = {
        "web (gunicorn)": {"cpu_seconds": 150.0, "share_of_machine": 0.75, "ms_per_request": 375.0},
        "locust": {"cpu_seconds": 10.0, "share_of_machine": 0.05, "ms_per_request": 25.0},
        "other": {"cpu_seconds": 0.0, "share_of_machine": 0.0, "ms_per_request": None},
    }
    found = {"seconds": 100.0, "cores": 2, "requests": 400, "machine_busy_share": 0.812, "groups": groups}
    (tmp_path / "cpu.json").write_text(json.dumps(found))
    report_main([str(tmp_path / "locust")])
    out = capsys.readouterr().out.split("CPU over the")[1]
    assert out.startswith(" 100.0 s after the reset, 2 cores, 400 requests; the machine was busy 81.2%")
    web = next(line for line in out.splitlines() if line.startswith("web (gunicorn)"))
    assert web.split()[2:] == ["150.0", "75.0%", "375.00"]
    assert next(line for line in out.splitlines() if line.startswith("other")).split()[-1] == "—"


def test_the_cpu_meter_counts_this_process_and_names_the_servers() -> None:
    pytest.importorskip("psutil")  # installed with requirements/bench.lock, as the load test is
    from bench.cpu_share import CpuMeter, group_of

    assert group_of("gunicorn", [".venv/bin/python", ".venv/bin/gunicorn", "config.wsgi"]) == "web (gunicorn)"
    assert group_of("python", ["python", "manage.py", "db_worker"]) == "task worker"
    assert group_of("postgres", ["postgres: postgres danvan 127.0.0.1(4242) idle"]) == "PostgreSQL"
    assert group_of("python", ["python", ".venv/bin/locust", "-f", "bench/locustfile.py"]) == "locust"
    meter = CpuMeter()
    meter.start()
    started = time.process_time()
    while time.process_time() - started < 0.3:
        sum(range(10_000))
    found = meter.summary(requests=10)
    assert found["groups"]["other"]["cpu_seconds"] >= 0.2  # this test's own process
    assert found["groups"]["other"]["ms_per_request"] >= 20
    assert 0 < found["machine_busy_share"] <= 1
