"""CPU per request of pages, as a production web process spends it: one gunicorn worker of a
checkout and every PostgreSQL process, read with psutil before and after N requests.

    python -m bench.page_cpu --user nhaplieu.00008 /bao-cao/ /bao-cao/114/
    python -m bench.page_cpu --root /work/old --root . -n 300 /gui-y-kien/theo-doi/CODE/
    python -m bench.page_cpu --api-user nhaplieu.00008 "/api/v1/units?q=phú"

The load test (bench/loadtest.sh) says how much CPU a request costs on average under load; this
says which page costs what, without locust and other workers on the same cores. With several
--root checkouts (before and after a change) the pages are measured in turns, ROUNDS times, so a
machine whose speed drifts affects both alike; the table gives each round's figure.

The server is started as bench/loadtest.sh starts it (config.wsgi, DANVAN_DEBUG=false, connections
kept a minute) on $DATABASE_URL, by default the national PostgreSQL bench database. --user logs in
on the login page with the generator's password; a page answered other than 200 stops the run.
Measure on a quiet machine: PostgreSQL's share counts every postgres process.
"""

import argparse
import http.cookiejar
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from bench.run import database_url

PASSWORD = os.environ.get("DANVAN_LOADTEST_PASSWORD", "DanVan@Bench2026")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


@dataclass
class Server:
    """One gunicorn worker of the checkout at `root`, on `port`."""

    root: Path
    port: int
    process: subprocess.Popen[bytes] | None = None
    worker: psutil.Process | None = None

    def start(self, database: str) -> None:
        gunicorn = self.root / ".venv" / "bin" / "gunicorn"
        env = {
            **os.environ,
            "DATABASE_URL": database,
            "DANVAN_DEBUG": "false",
            "DANVAN_DB_CONN_MAX_AGE": "60",
            "DJANGO_SETTINGS_MODULE": "config.settings",
        }
        self.process = subprocess.Popen(  # noqa: S603 - our own gunicorn, fixed arguments
            [str(gunicorn), "config.wsgi", "--workers", "1", "--bind", f"127.0.0.1:{self.port}"],
            cwd=self.root,
            env=env,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{self.base}/healthz", timeout=2).read()  # noqa: S310 - 127.0.0.1
                break
            except OSError:
                time.sleep(0.5)
        else:
            self.stop()
            raise SystemExit(f"gunicorn of {self.root} did not answer on port {self.port}")
        children = psutil.Process(self.process.pid).children()
        if len(children) != 1:
            raise SystemExit(f"expected one gunicorn worker, found {len(children)}")
        self.worker = children[0]

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)


@dataclass
class Browser:
    """Cookies and the session of one user, without following redirects."""

    base: str
    jar: http.cookiejar.CookieJar = field(default_factory=http.cookiejar.CookieJar)
    headers: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect)

    def get(self, path: str) -> tuple[int, bytes]:
        request = urllib.request.Request(self.base + path, headers=self.headers)  # noqa: S310 - 127.0.0.1
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def login(self, username: str) -> None:
        self.get("/tai-khoan/dang-nhap/")
        token = next((c.value for c in self.jar if c.name == "csrftoken"), "") or ""
        fields = {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token}
        data = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(  # noqa: S310 - http://127.0.0.1 only
            self.base + "/tai-khoan/dang-nhap/", data=data, method="POST"
        )
        request.add_header("X-CSRFToken", token)
        try:
            self.opener.open(request, timeout=60)
        except urllib.error.HTTPError as error:
            if error.code != 302:
                raise SystemExit(f"login of {username} answered {error.code}") from error
        if not any(c.name == "sessionid" for c in self.jar):
            raise SystemExit(f"login of {username} gave no session")

    def api_login(self, username: str) -> None:
        """A bearer token for the API, as the load test's API staff get one."""
        data = json.dumps({"username": username, "password": PASSWORD}).encode()
        request = urllib.request.Request(  # noqa: S310 - http://127.0.0.1 only
            self.base + "/api/v1/auth/token", data=data, headers={"Content-Type": "application/json"}
        )
        with self.opener.open(request, timeout=60) as response:
            self.headers["Authorization"] = f"Bearer {json.loads(response.read())['token']}"


def _postgres_seconds() -> float:
    total = 0.0
    for process in psutil.process_iter(["name", "cpu_times"]):
        if (process.info["name"] or "").startswith("postgres") and process.info["cpu_times"]:
            times = process.info["cpu_times"]
            total += times.user + times.system
    return total


def measure(server: Server, browser: Browser, path: str, count: int) -> tuple[float, float, float]:
    """(web ms, PostgreSQL ms, median wall ms) per request of `path` over `count` requests."""
    assert server.worker is not None
    walls = []
    worker_before, postgres_before = server.worker.cpu_times(), _postgres_seconds()
    for _ in range(count):
        started = time.perf_counter()
        status, _body = browser.get(path)
        walls.append((time.perf_counter() - started) * 1000)
        if status != 200:
            raise SystemExit(f"{path} answered {status}")
    worker_after, postgres_after = server.worker.cpu_times(), _postgres_seconds()
    web = (worker_after.user + worker_after.system) - (worker_before.user + worker_before.system)
    return web * 1000 / count, (postgres_after - postgres_before) * 1000 / count, statistics.median(walls)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="+", help="pages to request, e.g. /bao-cao/")
    parser.add_argument(
        "--root", action="append", type=Path, help="checkout to serve (repeatable; default .)"
    )
    parser.add_argument("--user", help="log in as this generated user first")
    parser.add_argument("--api-user", help="ask a bearer token for this generated user and send it")
    parser.add_argument("-n", "--count", type=int, default=200, help="requests per page and round")
    parser.add_argument("--rounds", type=int, default=2, help="turns over the checkouts")
    parser.add_argument("--warmup", type=int, default=20, help="requests per page before measuring")
    default_database = os.environ.get("DATABASE_URL") or database_url("pg", "national")
    parser.add_argument("--database-url", default=default_database)
    args = parser.parse_args(argv)
    roots = [r.resolve() for r in (args.root or [Path(".")])]
    servers = [Server(root, 8100 + i) for i, root in enumerate(roots)]
    results: dict[tuple[int, str], list[tuple[float, float, float]]] = {}
    try:
        for server in servers:
            server.start(args.database_url)
        browsers = [Browser(server.base) for server in servers]
        for browser in browsers:
            if args.user:
                browser.login(args.user)
            if args.api_user:
                browser.api_login(args.api_user)
            for path in args.paths:
                for _ in range(args.warmup):
                    browser.get(path)
        for _ in range(args.rounds):
            for path in args.paths:
                for i, (server, browser) in enumerate(zip(servers, browsers, strict=True)):
                    results.setdefault((i, path), []).append(measure(server, browser, path, args.count))
    finally:
        for server in servers:
            server.stop()
    print(f"{'page':<48} {'checkout':<20} {'web ms':>16} {'PostgreSQL ms':>16} {'wall p50':>9}")
    for path in args.paths:
        for i, root in enumerate(roots):
            rounds = results[(i, path)]
            web = " / ".join(f"{r[0]:.2f}" for r in rounds)
            pg = " / ".join(f"{r[1]:.2f}" for r in rounds)
            wall = statistics.median(r[2] for r in rounds)
            print(f"{path[:48]:<48} {str(root)[-20:]:<20} {web:>16} {pg:>16} {wall:>9.1f}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
