"""Load test: an end-of-period day, with what exists today (the foundation).

Commune and province staff log in through the API (POST /api/v1/auth/token, once per simulated
user), read /api/v1/me and browse the public territory (/api/v1/units, unit pages
/dia-ban/<code>/); leaders log in on the web page and open the home page. Reports, approvals and
exports join the scenario as their domains are built. Leaders also open their province dashboard
and rollup page, and a static file is requested through the same server as the floor.

Run it through bench/loadtest.sh, which prepares the database, starts the servers and writes the
accounts file; or by hand against a server on this machine only:

    DANVAN_LOADTEST_USERS=var/loadtest/users.json \\
      locust -f bench/locustfile.py --headless -u 50 -r 10 -t 60s --host http://127.0.0.1:8001

The accounts file is written by `python -m bench.loadtest_users`; every generated user has the
password of `manage.py generate` ($DANVAN_LOADTEST_PASSWORD, default its default).
"""

import itertools
import json
import os
import random
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from locust import HttpUser, between, events, task

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
PASSWORD = os.environ.get("DANVAN_LOADTEST_PASSWORD", "DanVan@Bench2026")
ACCOUNTS = json.loads(Path(os.environ.get("DANVAN_LOADTEST_USERS", "var/loadtest/users.json")).read_text())
SEARCHES = ["tân hòa", "phú", "an bình", "long", "thạnh", "hòa"]
_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_staff = itertools.cycle(ACCOUNTS["staff"])
_leaders = itertools.cycle(ACCOUNTS["leaders"])


@events.init.add_listener
def only_this_machine(environment: Any, **_kwargs: Any) -> None:
    """Never send load anywhere but to a server on this machine."""
    host = urlsplit(environment.host or "").hostname
    if host not in LOOPBACK and not (host or "").startswith("127."):
        raise SystemExit(
            f"bench/locustfile.py: refusing host {environment.host!r}; use http://127.0.0.1:PORT"
        )


class Browsing(HttpUser):
    """Shared by both personas: the public territory."""

    abstract = True
    account: dict[str, str]

    @task(3)
    def communes_of_province(self) -> None:
        self.client.get(
            f"/api/v1/units?level=commune&parent={self.account['province']}",
            name="/api/v1/units?level=commune&parent=[province]",
        )

    @task(1)
    def search_units(self) -> None:
        self.client.get("/api/v1/units", params={"q": random.choice(SEARCHES)}, name="/api/v1/units?q=[text]")

    @task(2)
    def unit_page(self) -> None:
        code = random.choice([self.account["unit"], self.account["province"]])
        self.client.get(f"/dia-ban/{code}/", name="/dia-ban/[code]/")


class Staff(Browsing):
    """A commune reporter or viewer, or a province approver, working through the API."""

    weight = 4
    wait_time = between(1, 4)

    def on_start(self) -> None:
        self.account = next(_staff)
        response = self.client.post(
            "/api/v1/auth/token", json={"username": self.account["username"], "password": PASSWORD}
        )
        token = response.json().get("token", "") if response.ok else ""
        self.client.headers["Authorization"] = f"Bearer {token}"

    @task(4)
    def me(self) -> None:
        self.client.get("/api/v1/me")


class Leader(Browsing):
    """A leader who logs in on the web page and opens the home page now and then."""

    weight = 1
    wait_time = between(3, 8)

    def on_start(self) -> None:
        self.account = next(_leaders)
        page = self.client.get("/tai-khoan/dang-nhap/", name="/tai-khoan/dang-nhap/ (form)")
        match = _CSRF.search(page.text)
        self.client.post(
            "/tai-khoan/dang-nhap/",
            data={
                "username": self.account["username"],
                "password": PASSWORD,
                "csrfmiddlewaretoken": match.group(1) if match else "",
            },
            headers={"Referer": f"{self.host}/tai-khoan/dang-nhap/"},
            name="/tai-khoan/dang-nhap/ (login)",
        )

    @task(3)
    def home(self) -> None:
        with self.client.get("/", name="/ (home)", catch_response=True) as response:
            if "/tai-khoan/dang-nhap/" in response.url:  # redirected: the login did not take
                response.failure("not logged in")

    @task(3)
    def dashboard(self) -> None:
        """The landing dashboard of the leader's province (read from the rollup cells)."""
        self.client.get(f"/tong-quan/?unit={self.account['province']}", name="/tong-quan/?unit=[province]")

    @task(2)
    def rollup(self) -> None:
        self.client.get(
            f"/bao-cao/tong-hop/?indicator=meetings_held&unit={self.account['province']}",
            name="/bao-cao/tong-hop/?unit=[province]",
        )

    @task(1)
    def static_page(self) -> None:
        """A static file through the same server: the floor the dashboard is compared with."""
        self.client.get("/static/css/danvan.css", name="/static/css/danvan.css (static)")
