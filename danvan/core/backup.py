"""Backups of the database and their restoration, on SQLite and PostgreSQL.

SQLite: the online backup API (`sqlite3.Connection.backup`) copies the whole database in one step
under a read lock, so the copy is one consistent snapshot even while the site keeps writing (WAL
lets writers go on). PostgreSQL: `pg_dump -Fc` reads everything in one snapshot; `pg_restore
--single-transaction` restores all or nothing.

A backup is written to a temporary name, checked, then renamed: a crash never leaves a
half-written file under the final name. A restore checks its source first and, unless told
otherwise, takes a backup of the current database beforehand.
"""

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connections


class BackupError(Exception):
    """A backup or restore that could not be done; the message says why (in English, for operators)."""


def default_path(vendor: str, *, prefix: str = "danvan") -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    suffix = ".sqlite3" if vendor == "sqlite" else ".dump"
    return Path(settings.VAR_DIR) / "backups" / f"{prefix}-{stamp}{suffix}"


def backup(*, output: Path | None = None, using: str = "default") -> Path:
    """Back up the database `using` to `output` (default: var/backups/danvan-<time>.<ext>)."""
    connection = connections[using]
    target = Path(output) if output else default_path(connection.vendor)
    if connection.vendor == "sqlite":
        sqlite_backup(connection.settings_dict["NAME"], target)
    elif connection.vendor == "postgresql":
        pg_backup(connection.settings_dict, target)
    else:
        raise BackupError(f"No backup method for the {connection.vendor} database.")
    return target


def restore(*, source: Path, using: str = "default", safety_backup: bool = True) -> Path | None:
    """Replace the database `using` with the backup `source`. Returns the safety backup taken."""
    connection = connections[using]
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"{source} is not a file.")
    before = None
    if safety_backup:
        before = backup(output=default_path(connection.vendor, prefix="before-restore"), using=using)
    if connection.vendor == "sqlite":
        name = connection.settings_dict["NAME"]
        if not connection.is_in_memory_db():  # type: ignore[attr-defined]
            connection.close()  # no stale page cache; a memory database must keep its connection
        sqlite_restore(source, name)
    elif connection.vendor == "postgresql":
        connection.close()
        pg_restore(source, connection.settings_dict)
    else:
        raise BackupError(f"No restore method for the {connection.vendor} database.")
    return before


# SQLite


def _sqlite_connect(name: str | Path, *, read_only: bool = False) -> sqlite3.Connection:
    name = str(name)
    if name.startswith("file:"):
        return sqlite3.connect(name, uri=True, timeout=30)
    if read_only:
        return sqlite3.connect(f"file:{Path(name).resolve()}?mode=ro", uri=True, timeout=30)
    return sqlite3.connect(name, timeout=30)


def sqlite_check(path: str | Path) -> None:
    """The file is a sound SQLite database holding a Django schema."""
    try:
        db = _sqlite_connect(path, read_only=True)
        try:
            result = db.execute("PRAGMA integrity_check").fetchone()
            tables = db.execute(
                "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='django_migrations'"
            ).fetchone()
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a readable SQLite database: {exc}") from exc
    if not result or result[0] != "ok":
        raise BackupError(f"{path} failed the integrity check: {result}")
    if not tables or tables[0] != 1:
        raise BackupError(f"{path} holds no DanVan database (no django_migrations table).")


def sqlite_backup(source: str | Path, output: Path) -> None:
    """Copy the SQLite database `source` (a path or a file: URI) to `output`, online."""
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    partial.unlink(missing_ok=True)
    src = _sqlite_connect(source)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)  # pages=-1: all in one step, so one consistent snapshot
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        finally:
            dst.close()
    finally:
        src.close()
    try:
        sqlite_check(partial)
    except BackupError:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, output)


def sqlite_restore(source: Path, target: str | Path) -> None:
    """Overwrite the SQLite database `target` with the backup `source`, in one step."""
    sqlite_check(source)
    src = _sqlite_connect(source, read_only=True)
    try:
        dst = _sqlite_connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


# PostgreSQL


def _pg_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} is not installed (Debian: apt install postgresql-client).")
    return path


def _pg_env(db: Mapping[str, Any]) -> dict[str, str]:
    """libpq environment: the password never appears on a command line."""
    env = dict(os.environ)
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if db.get(key):
            env[var] = str(db[key])
    return env


def _run(command: list[str], db: Mapping[str, Any]) -> None:
    result = subprocess.run(command, env=_pg_env(db), capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {result.stderr.strip()[-2000:]}")


def pg_backup(db: Mapping[str, Any], output: Path) -> None:
    """pg_dump in the custom format (compressed, restorable selectively), then checked by pg_restore."""
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        _run(
            [
                _pg_tool("pg_dump"),
                "-Fc",
                "--no-owner",
                "--no-privileges",
                "-f",
                str(partial),
                "-d",
                db["NAME"],
            ],
            db,
        )
        _run([_pg_tool("pg_restore"), "--list", str(partial)], db)
    except BackupError:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, output)


def pg_restore(source: Path, db: Mapping[str, Any]) -> None:
    """Drop and recreate every object of the dump inside one transaction: all or nothing."""
    _run([_pg_tool("pg_restore"), "--list", str(source)], db)
    _run(
        [
            _pg_tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            "-d",
            db["NAME"],
            str(source),
        ],
        db,
    )
