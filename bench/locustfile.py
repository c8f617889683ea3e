"""Load test scenarios, on a server of this machine only (bench/loadtest.sh runs them).

`end_of_period` (default): the day reports are due.
- Reporters of communes whose last month's report is still to file open their inbox, open the
  report, type the figures the system could not fill (the htmx autosave of one value at a time),
  submit it, then look at their inbox and report again.
- Approvers of the provinces list the reports waiting for them, open one and approve it (the
  rollup cells change in the same transaction).
- Leaders open their province's dashboard and rollup page, and their home page.
- Citizens, without an account, open the public form, send a petition, read the tracking code,
  follow it, and look up codes of earlier petitions.
- API staff read /api/v1/me and the territory through the API with a bearer token.
- The floor: a static file through the same server.

`dashboards` (issue #9): 50 leaders opening their province dashboard, with the static file as the
floor in the same run.

Logging in: a password check costs about a second of CPU on purpose (PBKDF2), and real users log
in once a day and keep their session. So every simulated user logs in once, in on_start, at a
bounded spawn rate; once all have logged in the statistics are reset, so that the table shows the
working day only, and the logins are reported apart (var/loadtest/logins.json, printed by
bench.locust_report).

    SCENARIO=end_of_period locust -f bench/locustfile.py --headless -u 100 -r 2 -t 4m \\
        --host http://127.0.0.1:8001

$SCENARIO picks the user classes (SCENARIOS); the others are made abstract, so locust skips them.

The rows come from `python -m bench.loadtest_users` ($DANVAN_LOADTEST_USERS); every generated
user has the password of `manage.py generate` ($DANVAN_LOADTEST_PASSWORD, default its default).
"""

import itertools
import json
import os
import random
import re
import statistics
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import gevent
from locust import between, constant_pacing, events, task
from locust.contrib.fasthttp import FastHttpUser

from bench.cpu_share import CpuMeter

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
PASSWORD = os.environ.get("DANVAN_LOADTEST_PASSWORD", "DanVan@Bench2026")
ROWS = json.loads(Path(os.environ.get("DANVAN_LOADTEST_USERS", "var/loadtest/users.json")).read_text())
LOGINS_OUT = Path(os.environ.get("DANVAN_LOADTEST_LOGINS", "var/loadtest/logins.json"))
CPU_OUT = LOGINS_OUT.with_name("cpu.json")
CPU = CpuMeter()
SCENARIOS = {
    "end_of_period": ["Reporter", "Approver", "Leader", "Citizen", "ApiStaff"],
    "dashboards": ["DashboardViewer"],
}
SCENARIO = os.environ.get("SCENARIO", "end_of_period")
SEARCHES = ["tân hòa", "phú", "an bình", "long", "thạnh", "hòa"]
FORM_ENCODED = {"Content-Type": "application/x-www-form-urlencoded"}
_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_NUMBER_INPUT = re.compile(r'<input id="v(\d+)" name="v\1" inputmode="decimal"[^>]*value="([^"]*)"')
_VERSION = re.compile(r'name="ver(\d+)" value="(\d+)"')
_COMPUTED = re.compile(r'name="r(\d+)"')
_LABEL = re.compile(r'<label for="v(\d+)">([^<]*)')
_REPORT_LINK = re.compile(r'href="/bao-cao/(\d+)/"')
_TRACKING = re.compile(r"/gui-y-kien/theo-doi/([A-Z0-9-]+)/")
_cycles = {
    key: itertools.cycle(ROWS.get(key) or [{}]) for key in ("staff", "leaders", "reporters", "approvers")
}
_cycles["province_leaders"] = itertools.cycle(
    [r for r in ROWS["leaders"] if r["unit"] == r["province"]] or [{}]
)


@events.init.add_listener
def only_this_machine(environment: Any, **_kwargs: Any) -> None:
    """Never send load anywhere but to a server on this machine."""
    host = urlsplit(environment.host or "").hostname
    if host not in LOOPBACK and not (host or "").startswith("127."):
        raise SystemExit(
            f"bench/locustfile.py: refusing host {environment.host!r}; use http://127.0.0.1:PORT"
        )
    Logins.environment = environment


class Logins:
    """The login of every user, kept apart from the working day's statistics."""

    environment: Any = None
    times: list[float] = []
    failures = 0
    ready = 0  # users past on_start (citizens have nothing to log in to)
    first: float | None = None
    last: float | None = None

    @classmethod
    def record(cls, ok: bool, milliseconds: float) -> None:
        now = time.time()
        cls.first = cls.first or now - milliseconds / 1000
        cls.last = now
        cls.times.append(milliseconds)
        cls.failures += 0 if ok else 1
        cls.ready += 1

    @classmethod
    def summary(cls) -> dict[str, Any]:
        times = sorted(cls.times)
        cut = statistics.quantiles(times, n=100, method="inclusive") if len(times) > 1 else times * 99
        return {
            "logins": len(times),
            "failures": cls.failures,
            "seconds": round((cls.last or 0) - (cls.first or 0), 1),
            "p50_ms": round(cut[49]) if times else None,
            "p95_ms": round(cut[94]) if times else None,
            "max_ms": round(times[-1]) if times else None,
        }


@events.spawning_complete.add_listener
def reset_once_logged_in(user_count: int, **_kwargs: Any) -> None:
    def wait_and_reset() -> None:
        deadline = time.time() + 300
        while Logins.ready < user_count and time.time() < deadline:
            gevent.sleep(0.5)
        Logins.environment.runner.stats.reset_all()
        print(f"{Logins.ready} users ready ({len(Logins.times)} logins); statistics reset", flush=True)
        CPU.start()
        while True:
            gevent.sleep(2)
            CPU.sample()

    gevent.spawn(wait_and_reset)


@events.quitting.add_listener
def write_logins(**_kwargs: Any) -> None:
    LOGINS_OUT.parent.mkdir(parents=True, exist_ok=True)
    LOGINS_OUT.write_text(json.dumps(Logins.summary(), indent=1) + "\n", encoding="utf-8")
    if CPU.started:
        requests = Logins.environment.runner.stats.total.num_requests
        CPU_OUT.write_text(json.dumps(CPU.summary(requests), indent=1) + "\n", encoding="utf-8")


class WebUser(FastHttpUser):
    """A user of the web pages with a session: logs in once on the login page."""

    abstract = True
    account: dict[str, str]

    def csrf(self) -> str:
        return next((c.value for c in self.client.cookiejar if c.name == "csrftoken"), "") or ""

    def post_form(self, url: str, fields: dict[str, Any], name: str, **kwargs: Any) -> Any:
        headers = {**FORM_ENCODED, "X-CSRFToken": self.csrf(), **kwargs.pop("headers", {})}
        return self.client.post(url, data=urlencode(fields), headers=headers, name=name, **kwargs)

    def web_login(self) -> None:
        started = time.perf_counter()
        self.client.get("/tai-khoan/dang-nhap/", name="/tai-khoan/dang-nhap/ (login form)")
        response = self.post_form(
            "/tai-khoan/dang-nhap/",
            {"username": self.account["username"], "password": PASSWORD, "csrfmiddlewaretoken": self.csrf()},
            name="/tai-khoan/dang-nhap/ (login)",
            allow_redirects=False,
        )
        Logins.record(response.status_code == 302, (time.perf_counter() - started) * 1000)


def figures_to_type(page: str, count: int = 6) -> list[tuple[int, int]]:
    """(value id, version) of up to `count` figures to type on a report page: those the system
    did not fill (no reason field) and no cross rule compares (`compared`: their names), the
    empty ones first (a generated draft has them all)."""
    versions, labels = dict(_VERSION.findall(page)), dict(_LABEL.findall(page))
    computed = set(_COMPUTED.findall(page))
    compared = tuple(ROWS.get("compared", []))
    inputs = [
        (pk, shown)
        for pk, shown in _NUMBER_INPUT.findall(page)
        if pk not in computed and not labels.get(pk, "").startswith(compared)
    ]
    empty = [pk for pk, shown in inputs if not shown]
    chosen = random.sample(empty, min(count, len(empty)))
    filled = [pk for pk, shown in inputs if shown]
    chosen += random.sample(filled, min(count - len(chosen), len(filled)))
    return [(int(pk), int(versions[pk])) for pk in chosen]


class Reporter(WebUser):
    """A commune reporter filing last month's report: inbox, open, type, submit; then reads.

    Typed figures stay within what the cross rules allow: the figures they compare (members
    and eligible, answered and raised…) are left as they are."""

    weight = 6
    wait_time = between(1, 3)

    def on_start(self) -> None:
        self.account = next(_cycles["reporters"])
        self.report: int | None = None
        self.to_type: list[tuple[int, int]] = []  # (value id, version)
        self.submitted = False
        self.web_login()

    @task(1)
    def inbox(self) -> None:
        self.client.get("/bao-cao/", name="/bao-cao/ (inbox)")

    @task(4)
    def work(self) -> None:
        if self.report is None:
            self.open_report()
        elif self.to_type:
            self.type_value(*self.to_type.pop())
        elif not self.submitted:
            self.submit()
        else:
            self.client.get(f"/bao-cao/{self.report}/", name="/bao-cao/[id]/")

    def open_report(self) -> None:
        fields = {"form": ROWS["form"], "unit": self.account["unit"], "period": ROWS["period"]}
        response = self.post_form("/bao-cao/lap/", fields, name="/bao-cao/lap/ (open)", allow_redirects=False)
        found = re.search(r"/bao-cao/(\d+)/", response.headers.get("Location", "") or "")
        if found is None:
            return
        self.report = int(found.group(1))
        page = self.client.get(f"/bao-cao/{self.report}/", name="/bao-cao/[id]/").text or ""
        self.to_type = figures_to_type(page)

    def type_value(self, value: int, version: int) -> None:
        self.post_form(
            f"/bao-cao/{self.report}/gia-tri/{value}/",
            {f"v{value}": str(random.randint(1, 40)), f"ver{value}": str(version)},
            name="/bao-cao/[id]/gia-tri/[value]/ (autosave)",
            headers={"HX-Request": "true"},
        )

    def submit(self) -> None:
        with self.post_form(
            f"/bao-cao/{self.report}/nop/", {}, name="/bao-cao/[id]/nop/ (submit)", catch_response=True
        ) as response:
            if "Đã nộp báo cáo" not in (response.text or "") and response.status_code == 200:
                response.failure("not submitted")
        self.submitted = True


class Approver(WebUser):
    """A province approver: the reports waiting, one opened and approved."""

    weight = 1
    wait_time = between(2, 5)

    def on_start(self) -> None:
        self.account = next(_cycles["approvers"])
        self.web_login()

    @task
    def approve_one(self) -> None:
        query = urlencode({"status": "submitted", "period": ROWS["period"], "form": ROWS["form"]})
        page = self.client.get(f"/bao-cao/?{query}", name="/bao-cao/?status=submitted").text or ""
        waiting = _REPORT_LINK.findall(page)
        if not waiting:
            return
        report = random.choice(waiting)
        self.client.get(f"/bao-cao/{report}/", name="/bao-cao/[id]/ (approver)")
        self.post_form(f"/bao-cao/{report}/duyet/", {}, name="/bao-cao/[id]/duyet/ (approve)")


class Leader(WebUser):
    """A commune or province leader: the dashboard and rollups of their unit, the home page."""

    weight = 2
    wait_time = between(2, 5)

    def on_start(self) -> None:
        self.account = next(_cycles["leaders"])
        self.web_login()

    @task(3)
    def dashboard(self) -> None:
        self.client.get(f"/tong-quan/?unit={self.account['unit']}", name="/tong-quan/?unit=[unit]")

    @task(2)
    def rollup(self) -> None:
        self.client.get(
            f"/bao-cao/tong-hop/?indicator=meetings_held&unit={self.account['unit']}",
            name="/bao-cao/tong-hop/?unit=[unit]",
        )

    @task(1)
    def home(self) -> None:
        with self.client.get("/", name="/ (home)", catch_response=True) as response:
            if "dang-nhap" in (response.url or ""):
                response.failure("not logged in")

    @task(1)
    def static_file(self) -> None:
        """The floor: a static file through the same server."""
        self.client.get("/static/css/danvan.css", name="/static/css/danvan.css (static)")


class Citizen(FastHttpUser):
    """A citizen without an account: sends one petition on the public form, then follows it."""

    weight = 3
    wait_time = between(2, 6)

    def on_start(self) -> None:
        self.code: str | None = None
        Logins.ready += 1  # nothing to log in to

    @task(1)
    def send(self) -> None:
        if self.code is not None:
            return self.follow()
        citizens = ROWS["citizens"]
        place = random.choice(citizens["places"])
        self.client.get(f"/gui-y-kien/?tinh={place['province']}", name="/gui-y-kien/ (form)")
        token = next((c.value for c in self.client.cookiejar if c.name == "csrftoken"), "")
        fields = {
            "tinh": place["province"],
            "kind": "report",
            "topic": random.choice(citizens["topics"]),
            "unit": place["commune"],
            "content": "Đèn chiếu sáng trên tuyến đường liên ấp bị hỏng nhiều ngày, đề nghị sửa chữa.",
            "csrfmiddlewaretoken": token,
        }
        response = self.client.post(
            "/gui-y-kien/",
            data=urlencode(fields),
            headers={**FORM_ENCODED, "X-CSRFToken": token or ""},
            name="/gui-y-kien/ (send)",
            allow_redirects=False,
        )
        if response.status_code == 302:
            sent = self.client.get("/gui-y-kien/da-gui/", name="/gui-y-kien/da-gui/").text or ""
            found = _TRACKING.search(sent)
            self.code = found.group(1) if found else None

    @task(2)
    def follow(self) -> None:
        code = self.code or random.choice(ROWS["citizens"]["codes"])
        self.client.get(f"/gui-y-kien/theo-doi/{code}/", name="/gui-y-kien/theo-doi/[code]/")


class ApiStaff(FastHttpUser):
    """Commune and province staff working through the API with a bearer token."""

    weight = 1
    wait_time = between(1, 4)

    def on_start(self) -> None:
        self.account = next(_cycles["staff"])
        started = time.perf_counter()
        response = self.client.post(
            "/api/v1/auth/token",
            json={"username": self.account["username"], "password": PASSWORD},
            name="/api/v1/auth/token (login)",
        )
        token = response.json().get("token", "") if response.status_code == 200 else ""
        Logins.record(bool(token), (time.perf_counter() - started) * 1000)
        self.client.auth_header = f"Bearer {token}"

    @task(3)
    def me(self) -> None:
        self.client.get("/api/v1/me")

    @task(2)
    def communes_of_province(self) -> None:
        self.client.get(
            f"/api/v1/units?level=commune&parent={self.account['province']}",
            name="/api/v1/units?level=commune&parent=[province]",
        )

    @task(1)
    def search_units(self) -> None:
        query = urlencode({"q": random.choice(SEARCHES)})
        self.client.get(f"/api/v1/units?{query}", name="/api/v1/units?q=[text]")


class DashboardViewer(WebUser):
    """Issue #9: a province leader opening the dashboard, with the static floor in the same run."""

    wait_time = constant_pacing(2)

    def on_start(self) -> None:
        self.account = next(_cycles["province_leaders"])
        self.web_login()

    @task
    def dashboard(self) -> None:
        self.client.get(f"/tong-quan/?unit={self.account['province']}", name="/tong-quan/?unit=[province]")

    @task
    def static_file(self) -> None:
        self.client.get("/static/css/danvan.css", name="/static/css/danvan.css (static)")


def _choose_scenario() -> None:
    if SCENARIO not in SCENARIOS:
        raise SystemExit(f"bench/locustfile.py: SCENARIO must be one of {', '.join(SCENARIOS)}")
    for name in {name for names in SCENARIOS.values() for name in names} - set(SCENARIOS[SCENARIO]):
        globals()[name].abstract = True


_choose_scenario()
