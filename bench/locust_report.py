"""Print locust's CSV results as a table per endpoint: `python -m bench.locust_report PREFIX`.

PREFIX is what was given to `locust --csv`: PREFIX_stats.csv and PREFIX_failures.csv are read,
and the logins the locustfile kept apart (logins.json beside them) and where the CPU went
(cpu.json, bench.cpu_share), printed after the table.
"""

import csv
import json
import sys
from pathlib import Path

COLUMNS = ("endpoint", "requests", "failures", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms")
FIELDS = ("Request Count", "Failure Count", "Requests/s", "50%", "95%", "99%", "Max Response Time")


def table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)


def stats_rows(path: Path) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = [COLUMNS]
    with path.open(encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            name = record["Name"] if record["Name"] == "Aggregated" else f"{record['Type']} {record['Name']}"
            if record["Request Count"] == "0":
                continue  # the logins, counted before the reset
            values = [record[field] for field in FIELDS]
            values[2] = f"{float(values[2]):.1f}"
            values[6] = f"{float(values[6]):.0f}"
            rows.append((name, *values))
    return rows


def failure_rows(path: Path) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = [("endpoint", "occurrences", "error")]
    if path.exists():
        with path.open(encoding="utf-8") as handle:
            for record in csv.DictReader(handle):
                rows.append(
                    (f"{record['Method']} {record['Name']}", record["Occurrences"], record["Error"][:100])
                )
    return rows


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    prefix = args[0] if args else "var/loadtest/locust"
    rows = stats_rows(Path(f"{prefix}_stats.csv"))
    if len(rows) == 1:
        print(f"no request was recorded: see {Path(prefix).parent / 'locust.log'}")
        return 1
    print(table(rows))
    failures = failure_rows(Path(f"{prefix}_failures.csv"))
    print("\nerrors: none" if len(failures) == 1 else "\nerrors:\n" + table(failures))
    logins = Path(prefix).parent / "logins.json"
    if logins.exists():
        found = json.loads(logins.read_text(encoding="utf-8"))
        print(
            "\nlogins (before the figures above, kept apart): {logins} in {seconds} s, "
            "{failures} failed, p50 {p50_ms} ms, p95 {p95_ms} ms, max {max_ms} ms".format(**found)
        )
    cpu = Path(prefix).parent / "cpu.json"
    if cpu.exists():
        print("\n" + cpu_table(json.loads(cpu.read_text(encoding="utf-8"))))
    return 0


def cpu_table(found: dict) -> str:
    """The CPU of the working day per group of processes: seconds, share of the machine, per request."""
    rows: list[tuple[str, ...]] = [("process", "CPU s", "share of machine", "ms per request")]
    for group, figures in found["groups"].items():
        per_request = figures["ms_per_request"]
        rows.append(
            (
                group,
                f"{figures['cpu_seconds']:.1f}",
                f"{figures['share_of_machine']:.1%}",
                "—" if per_request is None else f"{per_request:.2f}",
            )
        )
    heading = (
        f"CPU over the {found['seconds']} s after the reset, {found['cores']} cores, "
        f"{found['requests']} requests; the machine was busy {found['machine_busy_share']:.1%} of the time:"
    )
    return heading + "\n" + table(rows)


if __name__ == "__main__":
    sys.exit(main())
