"""Persona fixtures shared by every app's tests (Healthchecks' Alice/Bob/Charlie, for DanVan).

The tree: province P (Cần Thơ, 92) with communes A and B, and province Q (Cao Bằng, 04)
with commune C. Legacy province S (Sóc Trăng, 94, until 30/6/2025) is a predecessor of P.
"""

import datetime as dt
import os
import shutil
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from danvan.accounts.models import Role, User
from danvan.accounts.tests.factories import PASSWORD, UserFactory, user_with_grant
from danvan.territory.models import LEGACY_END, Kind, Level, Unit, UnitLineage
from danvan.territory.tests.factories import UnitFactory, commune, province


@dataclass
class Tree:
    province: Unit
    commune_a: Unit
    commune_b: Unit
    other_province: Unit
    commune_c: Unit
    legacy_province: Unit
    legacy_commune: Unit


@pytest.fixture
def tree(db: Any) -> Tree:
    p = province()
    q = province(name="Tỉnh Cao Bằng", code="04", kind=Kind.TINH)
    s = UnitFactory(
        name="Tỉnh Sóc Trăng",
        code="94",
        kind=Kind.TINH,
        level=Level.PROVINCE,
        valid_from=None,
        valid_to=LEGACY_END,
    )
    s_ward = UnitFactory(
        name="Phường 2",
        code="31507",
        kind=Kind.PHUONG,
        level=Level.COMMUNE,
        parent=s,
        valid_from=None,
        valid_to=LEGACY_END,
    )
    a = commune(p, "Phường Sóc Trăng", "31510")
    UnitLineage.objects.create(predecessor=s, successor=p)
    UnitLineage.objects.create(predecessor=s_ward, successor=a)
    return Tree(
        province=p,
        commune_a=a,
        commune_b=commune(p, "Phường Phú Lợi", "31528"),
        other_province=q,
        commune_c=commune(q, "Phường Thục Phán", "01273"),
        legacy_province=s,
        legacy_commune=s_ward,
    )


@dataclass
class Personas:
    anonymous: None
    reporter_a: User
    reporter_b: User
    approver: User
    other_approver: User
    admin: User
    unit_admin: User


@pytest.fixture
def personas(tree: Tree) -> Personas:
    system_admin = UserFactory(username="quantri")
    system_admin.grants.create(role=Role.SYSTEM_ADMIN, unit=None)
    return Personas(
        anonymous=None,
        reporter_a=user_with_grant("nhaplieu_a", Role.REPORTER, tree.commune_a),
        reporter_b=user_with_grant("nhaplieu_b", Role.REPORTER, tree.commune_b),
        approver=user_with_grant("lanhdao_tinh", Role.APPROVER, tree.province),
        other_approver=user_with_grant("lanhdao_caobang", Role.APPROVER, tree.other_province),
        admin=system_admin,
        unit_admin=user_with_grant("quantri_tinh", Role.UNIT_ADMIN, tree.province),
    )


def login(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user, backend="danvan.accounts.backends.AccountBackend")
    return client


@pytest.fixture
def client_for() -> Any:
    return login


@pytest.fixture
def today() -> dt.date:
    return dt.date.today()


@pytest.fixture
def password() -> str:
    return PASSWORD


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Rate-limit counters and access-log deduplication live in the cache: start each test clean."""
    from django.core.cache import cache

    cache.clear()


# Browser tests: Playwright drives the system Chromium (Debian's package); no browser download.
CHROMIUM = os.environ.get("DANVAN_CHROMIUM", "/usr/bin/chromium")
# Playwright's sync API runs an event loop in the test thread; the ORM calls made by the test
# itself (fixtures, assertions) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    if shutil.which(CHROMIUM) or os.path.exists(CHROMIUM):
        return
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM}: browser tests skipped")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "locale": "vi-VN", "timezone_id": "Asia/Ho_Chi_Minh"}


@pytest.fixture
def shared_db(transactional_db: Any, tmp_path: Any) -> Any:
    """Committed data that other threads and processes see; yields the database's DATABASE_URL.

    PostgreSQL: the test database itself. SQLite: the in-memory test database is copied to a file
    for the test (an in-memory database is invisible to other processes, and its shared cache
    locks per table without a busy timeout, so threads would fail instead of waiting); the
    settings point every new connection at the file, with WAL and IMMEDIATE transactions.
    """
    import sqlite3

    from django.db import connection

    if connection.vendor != "sqlite":
        s = connection.settings_dict
        auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "") + "@" if s["USER"] else ""
        yield f"postgres://{auth}{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{s['NAME']}"
        return
    path = tmp_path / "shared.sqlite3"
    connection.ensure_connection()
    memory, memory_name = connection.connection, connection.settings_dict["NAME"]
    target = sqlite3.connect(path)
    memory.backup(target)
    target.close()
    connection.connection = None  # keep the in-memory database alive; connect anew to the file
    connection.settings_dict["NAME"] = str(path)
    try:
        yield f"sqlite:///{path}"
    finally:
        connection.close()
        connection.settings_dict["NAME"] = memory_name
        connection.connection = memory
