"""Run every benchmark on a generated database; print a table and write it as JSON.

    python -m bench.run --scale demo --db sqlite            # make bench SCALE=demo DB=sqlite
    python -m bench.run --scale national --db pg --iterations 50

The database is prepared first, each step a no-op when already done: created (PostgreSQL),
migrated, the territory loaded, `manage.py generate --scale … --seed …` run. By default SQLite
uses var/bench-<scale>.sqlite3 and PostgreSQL the database danvan_bench_<scale> on
$BENCH_PG_URL's server (default postgres://postgres@127.0.0.1:5432/); --database-url overrides.
"""

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PG_SERVER = "postgres://postgres@127.0.0.1:5432/"


def database_url(db: str, scale: str) -> str:
    if db == "sqlite":
        return f"sqlite:///{ROOT / 'var' / f'bench-{scale}.sqlite3'}"
    server = os.environ.get("BENCH_PG_URL", DEFAULT_PG_SERVER).rstrip("/")
    server = server.rsplit("/", 1)[0] if server.count("/") > 2 else server
    return f"{server}/danvan_bench_{scale}"


def ensure_pg_database(url: str) -> None:
    """Create the PostgreSQL database named in `url` if it does not exist, and tell PostgreSQL it
    runs on SSD there (`random_page_cost = 1.1`, as docs/deploy.md advises for production)."""
    import psycopg
    from psycopg import sql

    server, name = url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        conn.execute(sql.SQL("ALTER DATABASE {} SET random_page_cost = 1.1").format(sql.Identifier(name)))


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=["demo", "province", "national"], default="demo")
    parser.add_argument("--db", choices=["sqlite", "pg"], default="sqlite")
    parser.add_argument("--database-url", help="use this database instead of the default for --db")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument(
        "--province", default="92", help="province of the fixtures (and of demo/province scale)"
    )
    parser.add_argument("--iterations", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--only", nargs="*", default=[], help="names of the benchmarks to run")
    parser.add_argument("--out", type=Path, help="JSON file (default bench/results/<time>-<scale>-<db>.json)")
    parser.add_argument("--prepare-only", action="store_true", help="prepare the database, run nothing")
    return parser.parse_args(argv)


def prepare_database(args: argparse.Namespace) -> None:
    from django.core.management import call_command

    from danvan.territory.models import Level, Unit

    call_command("migrate", verbosity=0, interactive=False)
    if not Unit.objects.filter(level=Level.PROVINCE, valid_to__isnull=True).exists():
        call_command("load_territory")
    call_command(
        "generate", scale=args.scale, seed=args.seed, years=args.years, province=args.province, verbosity=1
    )


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    url = args.database_url or database_url(args.db, args.scale)
    if url.startswith("postgres"):
        ensure_pg_database(url)
    os.environ["DATABASE_URL"] = url
    os.environ["DANVAN_DEBUG"] = "false"  # DEBUG keeps every query in memory: no benchmark with it
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from bench.fixtures import find_fixtures
    from bench.runner import format_table, run_benchmarks
    from danvan.generator.models import GenerationRun

    prepare_database(args)
    if args.prepare_only:
        return 0
    run = GenerationRun.objects.order_by("pk").first()
    meta: dict[str, Any] = {"scale": args.scale, "db": args.db, "seed": args.seed, "years": args.years}
    if run is not None:
        meta["generation"] = {"seconds": run.seconds, "rows": run.rows, "as_of": run.as_of.isoformat()}
    report = run_benchmarks(
        find_fixtures(args.province),
        iterations=args.iterations,
        warmup=args.warmup,
        only=args.only,
        meta=meta,
    )
    print(format_table(report))
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    out = args.out or ROOT / "bench" / "results" / f"{stamp}-{args.scale}-{args.db}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten to {out}")
    return 1 if any(item["error"] for item in report["benchmarks"]) else 0


if __name__ == "__main__":
    sys.exit(main())
