"""The benchmarks, once each on demo data, so that they cannot rot. No timing is asserted."""

import json
from typing import Any

import pytest

from bench.fixtures import FixturesMissing, find_fixtures
from bench.registry import BENCHMARKS
from bench.run import database_url, parse_args
from bench.runner import format_table, run_benchmarks
from danvan.generator.plan import Scale
from danvan.generator.services import dataset_generate


def test_every_benchmark_runs_and_reports_numbers(tree: Any) -> None:
    dataset_generate(scale=Scale.DEMO, seed=1, years=5, province_code="92")
    report = run_benchmarks(find_fixtures("92"), iterations=2, warmup=1, meta={"scale": "demo"})
    report = json.loads(json.dumps(report))  # what is written is plain JSON
    assert set(report) == {"schema", "meta", "benchmarks"}
    assert report["meta"]["scale"] == "demo" and report["meta"]["iterations"] == 2
    assert [item["name"] for item in report["benchmarks"]] == [b.name for b in BENCHMARKS]
    assert len(BENCHMARKS) >= 6
    for item in report["benchmarks"]:
        assert item["error"] is None, item
        for key in ("median_ms", "p95_ms", "ratio", "peak_kib"):
            assert isinstance(item[key], int | float) and item[key] >= 0, (item["name"], key)
        assert item["baseline"]["name"] and item["baseline"]["median_ms"] > 0
    table = format_table(report)
    assert all(b.name in table for b in BENCHMARKS) and "ratio" in table


def test_only_selects_benchmarks(tree: Any) -> None:
    dataset_generate(scale=Scale.DEMO, seed=1, years=0, province_code="92")
    report = run_benchmarks(find_fixtures("92"), iterations=1, warmup=0, only=["territory.descendants"])
    assert [item["name"] for item in report["benchmarks"]] == ["territory.descendants"]


def test_fixtures_need_generated_data(tree: Any) -> None:
    with pytest.raises(FixturesMissing, match="generate"):
        find_fixtures("92")


def test_command_line() -> None:
    args = parse_args(["--scale", "national", "--db", "pg", "--iterations", "5"])
    assert (args.scale, args.db, args.iterations) == ("national", "pg", 5)
    assert database_url("pg", "national").endswith("/danvan_bench_national")
    assert database_url("sqlite", "demo").endswith("var/bench-demo.sqlite3")
