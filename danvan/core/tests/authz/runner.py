"""Send every cell of the matrix and compare: one request per persona and method, each inside a
savepoint rolled back afterwards, so that an allowed write does not leak into the next check."""

import copy
import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Model
from django.http import HttpResponse
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from danvan.accounts.auth import TOKEN_PREFIX, hash_token
from danvan.accounts.models import ApiToken
from danvan.audit.models import AuditEvent
from danvan.core.tests.authz.routes import Route
from danvan.core.tests.authz.spec import PERSONAS, Operation, Page, answers
from danvan.core.tests.authz.world import World

# Tables a request may touch whatever its answer: the session (saved on every request),
# django-axes' login records, and the completeness cells a page computes the first time a period
# is read (ADR 0005: derived figures, not a change of anyone's records).
VOLATILE = ("django_session", "axes_", "reporting_completenesscell")
# Audit events that record a reading, not a change: viewing personal data writes one on purpose.
READ_EVENTS = ("personal_data.access",)


@dataclass
class Cell:
    key: str
    persona: str
    method: str
    expected: str
    got: str
    detail: str = ""

    def __str__(self) -> str:
        line = (
            f"{self.key:<60} {self.persona:<15} {self.method:<6} expected {self.expected:<6} got {self.got}"
        )
        return line + (f"  — {self.detail}" if self.detail else "")


class UnfilledParameter(Exception):
    pass


def fill(route: Route, params: dict[str, str], world: World, origin: str) -> dict[str, Any]:
    values = {}
    for name, converter in route.params:
        source = params.get(name) or (name[: -len("_id")] if name.endswith("_id") else None)
        value: Any = world
        for part in (source or "").split(".") if source else ():
            value = getattr(value, part, None)
        if source is None or value is None or value is world:
            raise UnfilledParameter(
                f"{route.key}: cannot fill <{name}> of {route.template} from the world; add "
                f"params={{{name!r}: '<world attribute>'}} to its entry in {origin} "
                f"(world attributes: {', '.join(world.names())})"
            )
        if isinstance(value, Model):
            value = value.pk if converter == "int" else getattr(value, "code", value.pk)
        values[name] = value
    return values


class Sessions:
    """One client per persona: logged in for pages, with a bearer token for the API."""

    def __init__(self, world: World) -> None:
        self.pages: dict[str, Client] = {}
        self.api: dict[str, Client] = {}
        for persona in PERSONAS:
            user = getattr(world, persona)
            page_client, api_client = Client(), Client()
            if user is not None:
                page_client.force_login(user, backend="danvan.accounts.backends.AccountBackend")
                secret = TOKEN_PREFIX + "matran-" + persona
                # last_used_at ahead of the clock: the token is not stamped on each request, so that
                # a request that writes nothing runs no UPDATE (and needs no snapshot, see WriteWatch).
                ApiToken.objects.create(
                    user=user,
                    name="ma trận",
                    prefix=secret[:8],
                    key_hash=hash_token(secret),
                    last_used_at=timezone.now() + dt.timedelta(days=1),
                )
                api_client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {secret}"
            self.pages[persona], self.api[persona] = page_client, api_client


def _count(table: str) -> str:
    if table == connection.ops.quote_name(AuditEvent._meta.db_table):
        actions = ", ".join(f"'{action}'" for action in READ_EVENTS)
        return f"(SELECT COUNT(*) FROM {table} WHERE action NOT IN ({actions}))"
    return f"(SELECT COUNT(*) FROM {table})"


class Snapshot:
    """Row counts of the tables and the rows of the world's objects: all of them once, as the
    baseline, then only those of the tables a request wrote to (see WriteWatch)."""

    def __init__(self, world: World) -> None:
        existing = set(connection.introspection.table_names())
        self.tables = sorted(
            t
            for t in {m._meta.db_table for m in apps.get_models(include_auto_created=True)} & existing
            if not t.startswith(VOLATILE)
        )
        self.objects: dict[type[Model], list[Any]] = {}
        for value in vars(world).values():
            if isinstance(value, Model) and value.pk is not None:
                self.objects.setdefault(type(value), []).append(value.pk)

    def take(self, tables: set[str] | None = None) -> dict[str, Any]:
        chosen = [t for t in self.tables if tables is None or t in tables]
        state: dict[str, Any] = {}
        if chosen:
            quote = connection.ops.quote_name
            with connection.cursor() as cursor:
                cursor.execute("SELECT " + ", ".join(_count(quote(t)) for t in chosen))
                state.update(zip(chosen, cursor.fetchone(), strict=True))
        for model, pks in self.objects.items():
            if tables is None or model._meta.db_table in tables:
                rows = model._default_manager.filter(pk__in=pks).order_by("pk").values()
                state[model._meta.label] = list(rows)
        return state

    @staticmethod
    def diff(before: dict[str, Any], after: dict[str, Any]) -> str:
        changed = [k for k in after if before.get(k) != after[k]]
        return ", ".join(changed[:6]) + (" …" if len(changed) > 6 else "")


WRITTEN = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+"?(\w+)"?', re.IGNORECASE)


class WriteWatch:
    """The tables a request sent INSERT, UPDATE or DELETE to (the volatile ones aside): only their
    counts and rows are compared with the baseline."""

    def __init__(self) -> None:
        self.tables: set[str] = set()

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        found = WRITTEN.match(sql)
        if found and not found[1].startswith(VOLATILE):
            self.tables.add(found[1])
        return execute(sql, params, many, context)


def classify(response: HttpResponse, api: bool) -> str:
    status = response.status_code
    if api and status == 401:
        return "login"
    if 300 <= status < 400:
        location = response.get("Location", "")
        return "login" if location.startswith(resolve_url(settings.LOGIN_URL)) else "302"
    return "ok" if 200 <= status < 300 else str(status)


def problem_text(response: HttpResponse) -> str:
    """A hint of why a write was refused or did nothing: form errors or the problem body."""
    if response.get("Content-Type", "").startswith(("application/problem+json", "application/json")):
        try:
            return json.dumps(response.json(), ensure_ascii=False)[:300]
        except ValueError:
            return response.content.decode(errors="replace")[:300]
    context = getattr(response, "context", None)
    contexts = context if isinstance(context, list) else [context] if context is not None else []
    for one in contexts:
        values = one.flatten().values() if hasattr(one, "flatten") else dict(one).values()
        for value in values:
            errors = getattr(value, "errors", None)
            if errors and hasattr(value, "is_bound"):
                return f"form errors {dict(errors)}"[:300]
    return ""


class Matrix:
    def __init__(self, world: World, origin: dict[str, str]) -> None:
        self.world, self.origin = world, origin
        self.sessions = Sessions(world)
        self.snapshot = Snapshot(world)
        self.baseline = self.snapshot.take()
        self.writes = WriteWatch()
        self.failures: list[Cell] = []
        self.observed: dict[tuple[str, str], dict[str, str]] = {}

    def check_pages(self, routes: dict[str, Route], entries: dict[str, Page]) -> None:
        for key, route in sorted(routes.items()):
            entry = entries[key]
            url = self._url(route, entry, lambda values, name=key: reverse(name, kwargs=values))
            if url is None:
                continue
            cells: list[tuple[str, str, str | None]] = [
                ("GET", p, w) for p, w in zip(PERSONAS, answers(entry.get), strict=True)
            ]
            if entry.post is not None:
                cells += [("POST", p, w) for p, w in zip(PERSONAS, answers(entry.post), strict=True)]
            else:  # not a write and no row: the least and the most privileged must write nothing
                cells += [("POST", "anonymous", None), ("POST", "admin", None)]
            for method, persona, expected in cells:
                self._cell(
                    key,
                    persona,
                    method,
                    expected,
                    method == "POST" and entry.writes,
                    partial(self._page_request, persona, method, url, entry),
                    api=False,
                )

    def check_operations(self, routes: dict[str, Route], entries: dict[str, Operation]) -> None:
        for key, route in sorted(routes.items()):
            entry = entries[key]
            method = key.split()[0]
            url = self._url(route, entry, route.template.format_map)
            if url is None:
                continue
            for persona, expected in zip(PERSONAS, answers(entry.expect), strict=True):
                if entry.lists:
                    self._check_list(key, persona, url, entry)
                self._cell(
                    key,
                    persona,
                    method,
                    expected,
                    method != "GET",
                    partial(self._api_request, persona, method, url, entry),
                    api=True,
                )

    def _check_list(self, key: str, persona: str, url: str, entry: Operation) -> None:
        response = self.sessions.api[persona].get(url)
        if response.status_code != 200:
            return  # the status is checked with the other cells
        body = response.json()
        items = body.get("items", []) if isinstance(body, dict) else body
        listed = {item.get("id") for item in items if isinstance(item, dict)}
        for name, row in entry.lists.items():
            want = dict(zip(PERSONAS, answers(row), strict=True))[persona] == "ok"
            pk = getattr(self.world, name).pk
            if (pk in listed) != want:
                got = "listed" if pk in listed else "not listed"
                expected = "listed" if want else "not listed"
                self.failures.append(
                    Cell(key, persona, "GET", expected, got, f"the world's {name} (id {pk})")
                )

    def _url(self, route: Route, entry: Page | Operation, build: Any) -> str | None:
        try:
            origin = self.origin.get(route.key, route.app + ".tests.access_matrix")
            values = fill(route, dict(entry.params), self.world, origin.replace(".", "/") + ".py")
        except UnfilledParameter as exc:
            self.failures.append(Cell(route.key, "-", "-", "-", "unfilled", str(exc)))
            return None
        query = entry.query(self.world) if callable(entry.query) else entry.query
        return build(values) + query

    def _page_request(self, persona: str, method: str, url: str, entry: Page) -> HttpResponse:
        client = self.sessions.pages[persona]
        cookies = copy.copy(client.cookies)  # a logout or a login must not change the next request's persona
        try:
            if method == "GET":
                return client.get(url)
            return client.post(url, dict(entry.body(self.world)) if entry.body else {})
        finally:
            client.cookies = cookies

    def _api_request(self, persona: str, method: str, url: str, entry: Operation) -> HttpResponse:
        client = self.sessions.api[persona]
        headers = dict(entry.headers(self.world)) if entry.headers else {}
        if method == "GET":
            return client.get(url, headers=headers)
        body = dict(entry.body(self.world)) if entry.body else {}
        if entry.multipart:
            return client.post(url, body, headers=headers)
        return client.generic(method, url, json.dumps(body), content_type="application/json", headers=headers)

    def _cell(
        self, key: str, persona: str, method: str, expected: str | None, write: bool, send: Any, api: bool
    ) -> None:
        with transaction.atomic(), connection.execute_wrapper(self.writes):
            cache.clear()
            self.writes.tables = set()
            got, response = self._send(send, api)
            changed = ""
            if got != "500" and self.writes.tables:
                changed = Snapshot.diff(self.baseline, self.snapshot.take(self.writes.tables))
            transaction.set_rollback(True)
        if write and got in ("ok", "302"):
            got = "ok" if changed else "noop"
        self.observed.setdefault((key, method), {})[persona] = got
        expected = expected or (got if got != "500" else "any answer but a 500")
        detail = response if isinstance(response, str) else ""
        if got != expected and not detail:
            detail = problem_text(response)  # type: ignore[arg-type]
        if got != expected:
            self.failures.append(Cell(key, persona, method, expected, got, detail))
        elif changed and (got not in ("ok", "302") or (method != "GET" and not write)):
            # A refusal, or a POST that is not a write, must leave the database as it was; an
            # allowed read may write (an access log of personal data, a new second-factor secret).
            self.failures.append(
                Cell(key, persona, method, expected, f"{got} but the database changed", changed)
            )

    @staticmethod
    def _send(send: Any, api: bool) -> tuple[str, HttpResponse | str]:
        try:
            response = send()
        except Exception as exc:  # a 500: reported with the rest, the savepoint is rolled back
            return "500", f"{type(exc).__name__}: {exc}"[:300]
        return classify(response, api), response

    def report(self) -> str:
        lines = [str(cell) for cell in sorted(self.failures, key=lambda c: (c.key, c.method, c.persona))]
        rows = [
            f"    {key} {method}: {' '.join(self.observed[key, method].get(p, '?') for p in PERSONAS)}"
            for key, method in sorted({(c.key, c.method) for c in self.failures})
            if (key, method) in self.observed
        ]
        return (
            f"{len(self.failures)} cells of the authorization matrix differ "
            f"(columns: {' '.join(PERSONAS)}):\n"
            + "\n".join(lines)
            + "\n\nWhat these routes answer now, row by row (a fix, or after checking it against the "
            "rules, the new expectation):\n" + "\n".join(rows)
        )
