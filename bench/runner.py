"""Timing the registered benchmarks: warm-up, then subject and baseline interleaved N times.

Times come from time.perf_counter_ns with the garbage collector paused, as timeit does; the
median and the 95th percentile are reported. Peak memory is measured in a separate call of the
subject under tracemalloc (Python allocations of that one call; tracing slows it, which is why
it is not timed).
"""

import datetime as dt
import gc
import platform
import resource
import statistics
import time
import tracemalloc
from collections.abc import Callable, Iterable
from typing import Any

import django
from django.db import connection

import bench.dashboards
import bench.documents  # registers the documents benchmarks
import bench.extraction
import bench.foundation  # registers the foundation benchmarks
import bench.pages
import bench.practices
import bench.reporting  # noqa: F401 - registers the reporting benchmarks
from bench.fixtures import Fixtures
from bench.registry import BENCHMARKS, Benchmark, Unavailable

SCHEMA_VERSION = 1


def _ms(nanoseconds: float) -> float:
    return round(nanoseconds / 1e6, 4)


def _p95(times: list[int]) -> float:
    return statistics.quantiles(times, n=20, method="inclusive")[18] if len(times) > 1 else times[0]


def _timed(fn: Callable[[], Any]) -> int:
    started = time.perf_counter_ns()
    fn()
    return time.perf_counter_ns() - started


def _peak_bytes(fn: Callable[[], Any]) -> int:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def measure(item: Benchmark, fixtures: Fixtures, *, iterations: int, warmup: int) -> dict[str, Any]:
    result: dict[str, Any] = {
        "name": item.name,
        "description": item.description,
        "iterations": iterations,
        "median_ms": None,
        "p95_ms": None,
        "baseline": {"name": item.baseline, "median_ms": None, "p95_ms": None},
        "ratio": None,
        "peak_kib": None,
        "error": None,
    }
    try:
        case = item.prepare(fixtures)
    except Unavailable as exc:
        result["error"] = f"unavailable: {exc}"
        return result
    for _ in range(warmup):
        case.subject()
        case.baseline()
    subject: list[int] = []
    baseline: list[int] = []
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(iterations):
            subject.append(_timed(case.subject))
            baseline.append(_timed(case.baseline))
    finally:
        if gc_was_enabled:
            gc.enable()
    median, base_median = statistics.median(subject), statistics.median(baseline)
    result.update(
        median_ms=_ms(median),
        p95_ms=_ms(_p95(subject)),
        ratio=round(median / base_median, 2) if base_median else None,
        peak_kib=round(_peak_bytes(case.subject) / 1024, 1),
    )
    result["baseline"].update(median_ms=_ms(base_median), p95_ms=_ms(_p95(baseline)))
    return result


def run_benchmarks(
    fixtures: Fixtures,
    *,
    iterations: int,
    warmup: int,
    only: Iterable[str] = (),
    meta: dict[str, Any] | None = None,
) -> dict[str, Any]:
    wanted = set(only)
    chosen = [b for b in BENCHMARKS if not wanted or b.name in wanted]
    results = [measure(b, fixtures, iterations=iterations, warmup=warmup) for b in chosen]
    return {
        "schema": SCHEMA_VERSION,
        "meta": {
            "started_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "database": connection.vendor,
            "python": platform.python_version(),
            "django": django.get_version(),
            "machine": f"{platform.machine()} {platform.system()} {platform.release()}",
            "province": fixtures.province.code,
            "commune": fixtures.commune.code,
            "iterations": iterations,
            "warmup": warmup,
            **(meta or {}),
            "max_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        },
        "benchmarks": results,
    }


COLUMNS = ("benchmark", "median ms", "p95 ms", "baseline", "base median ms", "ratio", "peak KiB")


def _cell(value: Any) -> str:
    return "—" if value is None else str(value)


def format_table(report: dict[str, Any]) -> str:
    rows = [COLUMNS]
    for item in report["benchmarks"]:
        base = item["baseline"]
        if item["error"]:
            rows.append((item["name"], item["error"], "", base["name"], "", "", ""))
            continue
        values = (
            item["median_ms"],
            item["p95_ms"],
            base["name"],
            base["median_ms"],
            item["ratio"],
            item["peak_kib"],
        )
        rows.append((item["name"], *(_cell(v) for v in values)))
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(COLUMNS))]
    lines = [
        "  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)) for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)
