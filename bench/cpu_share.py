"""Where a load test's CPU went: the web processes, the task worker, PostgreSQL, locust itself.

The locustfile samples every process of this machine from the moment the statistics are reset
(everyone logged in) to the end, keeping per process the highest CPU time seen, so a process that
ends between two samples loses at most one interval. `bench.locust_report` prints the result.
"""

import time
from dataclasses import dataclass, field
from typing import Any

import psutil

GROUPS = ("web (gunicorn)", "task worker", "PostgreSQL", "locust", "other")


def group_of(name: str, cmdline: list[str]) -> str:
    line = " ".join(cmdline)
    if "gunicorn" in line:
        return GROUPS[0]
    if "db_worker" in line:
        return GROUPS[1]
    if name.startswith("postgres") or line.startswith("postgres"):
        return GROUPS[2]
    if "locust" in line:
        return GROUPS[3]
    return GROUPS[4]


@dataclass
class CpuMeter:
    """CPU seconds per group of processes since `start()`, from samples taken by `sample()`."""

    started: float = 0.0
    machine_start: float = 0.0
    base: dict[int, float] = field(default_factory=dict)  # CPU seconds of each pid at the start
    seen: dict[int, tuple[str, float]] = field(default_factory=dict)  # pid: (group, latest seconds)

    @staticmethod
    def _processes() -> dict[int, tuple[str, float]]:
        found = {}
        for process in psutil.process_iter(["pid", "name", "cmdline", "cpu_times"]):
            info = process.info
            times = info.get("cpu_times")
            if times is None:
                continue
            group = group_of(info.get("name") or "", info.get("cmdline") or [])
            found[info["pid"]] = (group, times.user + times.system)
        return found

    @staticmethod
    def _machine_busy() -> float:
        times = psutil.cpu_times()
        return sum(times) - times.idle - getattr(times, "iowait", 0.0)

    def start(self) -> None:
        self.started = time.monotonic()
        self.machine_start = self._machine_busy()
        self.seen = self._processes()
        self.base = {pid: seconds for pid, (_group, seconds) in self.seen.items()}

    def sample(self) -> None:
        self.seen.update(self._processes())

    def summary(self, requests: int) -> dict[str, Any]:
        self.sample()
        seconds = time.monotonic() - self.started
        per_group = dict.fromkeys(GROUPS, 0.0)
        for pid, (group, cpu) in self.seen.items():
            per_group[group] += cpu - self.base.get(pid, 0.0)
        cores = psutil.cpu_count() or 1
        # the kernel counts in ticks (10 ms): over a short window the share may round above 1
        busy = min(1.0, (self._machine_busy() - self.machine_start) / (seconds * cores))
        return {
            "seconds": round(seconds, 1),
            "cores": cores,
            "requests": requests,
            "machine_busy_share": round(busy, 3),
            "groups": {
                group: {
                    "cpu_seconds": round(cpu, 1),
                    "share_of_machine": round(cpu / (seconds * cores), 3),
                    "ms_per_request": round(cpu * 1000 / requests, 2) if requests else None,
                }
                for group, cpu in per_group.items()
            },
        }
