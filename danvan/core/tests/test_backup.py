"""Backups taken while another thread writes restore to a consistent database, on SQLite and on
PostgreSQL; the commands back up and restore the database in use; a bad file changes nothing.

Consistency probe: the writer adds, in one transaction, an order, its three lines and the new
order count (with pauses inside the transaction). Any restored copy must hold whole orders only."""

import os
import secrets
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from danvan.accounts.models import User
from danvan.core.backup import BackupError, pg_backup, pg_restore, sqlite_backup, sqlite_restore

SCHEMA = [
    "CREATE TABLE django_migrations (id integer primary key)",
    "CREATE TABLE orders (id integer primary key, label text)",
    "CREATE TABLE lines (id integer primary key, order_id integer, n integer)",
    "CREATE TABLE totals (id integer primary key, orders integer)",
    "INSERT INTO totals (id, orders) VALUES (1, 0)",
]
PG_SCHEMA = [s.replace("integer primary key", "serial primary key") for s in SCHEMA]


def write_orders(execute: Callable[[list[str]], None], stop: threading.Event, done: list[int]) -> None:
    """Whole orders, each in one transaction, until told to stop."""
    while not stop.is_set():
        number = len(done) + 1
        execute(
            [
                f"INSERT INTO orders (id, label) VALUES ({number}, 'đơn {number}')",
                *[f"INSERT INTO lines (order_id, n) VALUES ({number}, {n})" for n in range(3)],
                "UPDATE totals SET orders = orders + 1 WHERE id = 1",
            ]
        )
        done.append(number)


def assert_consistent(query: Callable[[str], int]) -> int:
    orders = query("SELECT count(*) FROM orders")
    assert query("SELECT count(*) FROM lines") == 3 * orders
    assert query("SELECT orders FROM totals WHERE id = 1") == orders
    assert query("SELECT count(DISTINCT order_id) FROM lines") == orders
    return orders


def test_sqlite_backup_during_writes_is_consistent(tmp_path: Path):
    live = tmp_path / "live.sqlite3"
    setup = sqlite3.connect(live)
    setup.execute("PRAGMA journal_mode=WAL")
    for statement in SCHEMA:
        setup.execute(statement)
    setup.commit()
    setup.close()

    writer_db = sqlite3.connect(live, timeout=30, check_same_thread=False, isolation_level=None)

    def execute(statements: list[str]) -> None:
        writer_db.execute("BEGIN IMMEDIATE")
        for statement in statements:
            writer_db.execute(statement)
            time.sleep(0.0005)  # a torn copy would catch a half-written order
        writer_db.execute("COMMIT")

    stop, done = threading.Event(), []
    writer = threading.Thread(target=write_orders, args=(execute, stop, done))
    writer.start()
    backups = []
    try:
        for index in range(5):
            time.sleep(0.05)
            backups.append(tmp_path / f"b{index}.sqlite3")
            sqlite_backup(live, backups[-1])
    finally:
        stop.set()
        writer.join()
        writer_db.close()
    counts = []
    for path in backups:
        restored = tmp_path / f"restored-{path.name}"
        sqlite_restore(path, restored)
        db = sqlite3.connect(restored)
        counts.append(assert_consistent(lambda sql, db=db: db.execute(sql).fetchone()[0]))
        db.close()
    assert 0 < counts[-1] < len(done) + 1 and counts == sorted(counts)
    assert not list(tmp_path.glob("*.partial"))


def _pg_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith("postgres") else "postgres://postgres@127.0.0.1:5432/postgres"


def _pg_admin() -> Any:
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        pytest.skip("pg_dump/pg_restore not installed")
    psycopg = pytest.importorskip("psycopg")
    try:
        return psycopg.connect(_pg_url(), autocommit=True, connect_timeout=3)
    except psycopg.OperationalError:
        pytest.skip("PostgreSQL not reachable")


def test_postgresql_backup_during_writes_is_consistent(tmp_path: Path):
    import dj_database_url
    import psycopg

    admin = _pg_admin()
    base = dj_database_url.parse(_pg_url())
    live_name, restored_name = (f"danvan_backup_{secrets.token_hex(4)}_{s}" for s in ("live", "restored"))
    live = {**base, "NAME": live_name}
    restored = {**base, "NAME": restored_name}

    def connect(db: dict[str, Any]) -> Any:
        return psycopg.connect(
            dbname=db["NAME"],
            host=db["HOST"] or None,
            port=db["PORT"] or None,
            user=db["USER"] or None,
            password=db["PASSWORD"] or None,
            autocommit=True,
        )

    for name in (live_name, restored_name):
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        with connect(live) as setup:
            for statement in PG_SCHEMA:
                setup.execute(statement)
        writer_db = connect(live)

        def execute(statements: list[str]) -> None:
            with writer_db.transaction():
                for statement in statements:
                    writer_db.execute(statement)
                    time.sleep(0.001)

        stop, done = threading.Event(), []
        writer = threading.Thread(target=write_orders, args=(execute, stop, done))
        writer.start()
        dumps = []
        try:
            for index in range(3):
                time.sleep(0.1)
                dumps.append(tmp_path / f"b{index}.dump")
                pg_backup(live, dumps[-1])
        finally:
            stop.set()
            writer.join()
            writer_db.close()
        counts = []
        for dump in dumps:
            pg_restore(dump, restored)  # --clean: each restore replaces the previous one
            with connect(restored) as db:
                counts.append(assert_consistent(lambda sql, db=db: db.execute(sql).fetchone()[0]))
        assert 0 < counts[-1] <= len(done) and counts == sorted(counts)
    finally:
        for name in (live_name, restored_name):
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def test_a_damaged_dump_restores_nothing(tmp_path: Path):
    _pg_admin().close()
    bad = tmp_path / "bad.dump"
    bad.write_bytes(b"PGDMP\x00 this is not a dump")
    with pytest.raises(BackupError):
        pg_restore(bad, {"NAME": "postgres"})


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_commands_on_the_database_in_use(tmp_path: Path, settings):
    settings.VAR_DIR = tmp_path
    User.objects.create(username="truoc_sao_luu")
    path = tmp_path / ("before" + (".sqlite3" if connection.vendor == "sqlite" else ".dump"))
    call_command("backup", output=path, stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert path.is_file()
    User.objects.create(username="sau_sao_luu")
    call_command("restore", str(path), interactive=False, stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert set(User.objects.values_list("username", flat=True)) == {"truoc_sao_luu"}
    # The state replaced by the restore was saved first.
    assert len(list((tmp_path / "backups").glob("before-restore-*"))) == 1


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path: Path):
    User.objects.create(username="con_nguyen")
    bad = tmp_path / "x.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(CommandError):
        call_command("restore", str(bad), interactive=False, safety_backup=False)
    with pytest.raises(CommandError):
        call_command("restore", str(tmp_path / "missing"), interactive=False, safety_backup=False)
    assert list(User.objects.values_list("username", flat=True)) == ["con_nguyen"]
